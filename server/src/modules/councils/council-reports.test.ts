import { describe, expect, it } from 'vitest';
import { unitByCode } from '../../testing/factories.ts';
import { testApp, type Session } from '../../testing/test-app.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';
import { runSpendingCheck } from '../spending/spending-check.ts';
import { councilMeeting, fundUnit, key, periodAroundNow, person, spendingBody, today } from '../spending/governance-fixtures.ts';
import { halfOf, halfRange, lastEndedHalf } from './council-rules.ts';

/** What the ledger's own statements say a fund received (contributions net of reversals) and spent in a period. */
async function statementFlows(s: Session, fundId: string, from: string, to: string) {
  const st = (await s.get(`/api/ledger-accounts/${fundId}/statement?from=${from}&to=${to}&pageSize=1000`)).json();
  const sum = (kind: string, side: 'inRials' | 'outRials') => st.lines.filter((l: { kind: string }) => l.kind === kind).reduce((t: bigint, l: Record<string, string>) => t + BigInt(l[side]!), 0n);
  return {
    received: sum('contribution', 'inRials') - sum('contribution_reversal', 'outRials'),
    spent: sum('spending', 'outRials'),
    net: BigInt(st.closingRials) - BigInt(st.openingRials),
  };
}

describe('six-monthly council reports', () => {
  it('should add up to the ledger, go upward once the half-year has ended, and show who has not reported', { timeout: 60_000 }, async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await person('participation_officer', 'C1010');
    const approver = await person('participation_officer', 'P10');
    const finance = await person('finance_officer', 'P10');
    const secretary = await person('council_secretary', 'C1010');
    const provinceSecretary = await person('council_secretary', 'P10');
    const current = halfOf(new Date());
    const previous = lastEndedHalf(new Date());
    const prevRange = halfRange(previous);
    const curRange = halfRange(current);

    // money of the previous half-year, and of this one (with a gift reversed by someone else)
    await fundUnit(officer, null, kashan.id, [{ fundKind: 'general', amountRials: '7000000', receivedOn: `${previous.fiscalYear}/${previous.half === 1 ? '03' : '09'}/10` }]);
    const { funds } = await fundUnit(officer, finance, kashan.id, [
      { fundKind: 'general', amountRials: '20000000' },
      { fundKind: 'specific', purposeCode: 'education', amountRials: '5000000' },
    ]);
    const mistake = (await officer.post('/api/contributions', { unitId: kashan.id, amountRials: '2000000', fundKind: 'general', channel: 'counter_cash', receivedOn: today() }, key())).json();
    expect((await finance.post(`/api/contributions/${mistake.id}/reverse`, { reason: 'ثبت تکراری اشتباه' }, key())).statusCode).toBe(200);

    // spending of this half-year: general under a resolution, specific by its intent
    const { meeting } = await councilMeeting(secretary, 'C1010', { members: 3, present: 2 });
    await secretary.post(`/api/meetings/${meeting.id}/resolutions`, { text: 'کمک معیشتی تا سقف پانصد هزار تومان', authorization: { ceilingRials: '5000000', purposeCodes: ['livelihood'], ...periodAroundNow() } });
    const spend = async (fundId: string, purposeCode: string, amountRials: string, approvers: Session[]) => {
      const r = (await officer.post('/api/spending-requests', spendingBody(kashan.id, fundId, { purposeCode, amountRials }))).json();
      expect((await officer.post(`/api/spending-requests/${r.request.id}/submit`, {})).statusCode).toBe(200);
      for (const a of approvers) expect((await a.post(`/api/spending-requests/${r.request.id}/approve`, {}, key())).statusCode).toBe(200);
      const paid = await finance.post(`/api/spending-requests/${r.request.id}/pay`, { documentNo: `K-${purposeCode}` }, key());
      expect(paid.json().request.status, paid.body).toBe('paid');
    };
    await spend(funds.general!, 'livelihood', '3000000', [approver, secretary]);
    await spend(funds.education!, 'education', '1000000', [approver]);

    // the report of this half-year: live figures, equal to the ledger's statements of each fund
    const council = meeting.councilId;
    const draft = await secretary.post(`/api/councils/${council}/reports`, { fiscalYear: current.fiscalYear, half: current.half });
    expect(draft.statusCode, draft.body).toBe(201);
    const f = draft.json().figures;
    const g = await statementFlows(officer, funds.general!, curRange.fromOn, curRange.toOn);
    const s = await statementFlows(officer, funds.education!, curRange.fromOn, curRange.toOn);
    expect(f.received).toMatchObject({ generalRials: g.received.toString(), specificRials: s.received.toString(), totalRials: (g.received + s.received).toString() });
    expect(f.spending).toMatchObject({ generalRials: g.spent.toString(), specificRials: s.spent.toString() });
    expect(BigInt(f.received.totalRials) - BigInt(f.spending.totalRials)).toBe(g.net + s.net);
    expect(f.received).toMatchObject({ generalRials: '20000000', specificRials: '5000000' }); // 20 + 2 − 2 (reversed)
    expect(f.spending.byPurpose).toEqual([
      { purposeCode: 'livelihood', labelFa: 'معیشت', fundKind: 'general', count: 1, rials: '3000000' },
      { purposeCode: 'education', labelFa: 'تحصیل و آموزش', fundKind: 'specific', count: 1, rials: '1000000' },
    ]);
    expect(f.resolutions.count).toBe(1);
    expect(f.meetings).toMatchObject({ held: 1, withQuorum: 1 });
    expect((await secretary.patch(`/api/council-reports/${draft.json().id}`, { narrative: 'شورا در این دوره یک جلسه با حد نصاب برگزار کرد.' })).json().narrative).toContain('حد نصاب');
    const early = await secretary.post(`/api/council-reports/${draft.json().id}/submit`);
    expect(early.json().error.code).toBe('COUNCIL_REPORT_PERIOD_OPEN');

    // the province sees who has not reported for the half-year that has ended
    const { rows } = await db.pool.query(`SELECT code FROM org_unit WHERE kind = 'county' AND code LIKE 'C10%' AND code <> 'C1010' ORDER BY code LIMIT 1`);
    const silent = (await provinceSecretary.post('/api/councils', { unitId: (await unitByCode(db.pool, rows[0].code)).id })).json();
    const q = `fiscalYear=${previous.fiscalYear}&half=${previous.half}`;
    const missing = (await provinceSecretary.get(`/api/council-reports?${q}&missing=true`)).json();
    expect(missing.period).toMatchObject({ fiscalYear: previous.fiscalYear, half: previous.half, fromOn: prevRange.fromOn, ended: true });
    expect(missing.items.map((i: { council: { id: string }; status: string }) => [i.council.id, i.status]).sort()).toEqual([[council, 'missing'], [silent.id, 'missing']].sort());

    // Kashan reports the previous half-year: its gift is there, nothing else
    const prev = (await secretary.post(`/api/councils/${council}/reports`, { fiscalYear: previous.fiscalYear, half: previous.half })).json();
    expect(prev.figures.received).toMatchObject({ generalRials: '7000000', specificRials: '0' });
    const sent = await secretary.post(`/api/council-reports/${prev.id}/submit`);
    expect(sent.json()).toMatchObject({ status: 'submitted', figuresFrozen: true, nextActions: [] });
    expect((await secretary.post(`/api/council-reports/${prev.id}/acknowledge`, {})).json().error.code).toBe('COUNCIL_REPORT_NOT_ABOVE');
    expect((await provinceSecretary.get(`/api/council-reports/${prev.id}`)).json().nextActions).toEqual(['acknowledge']);
    const ack = await provinceSecretary.post(`/api/council-reports/${prev.id}/acknowledge`, { note: 'دریافت شد' });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgeNote: 'دریافت شد' });
    const still = (await provinceSecretary.get(`/api/council-reports?${q}&missing=true`)).json();
    expect(still.items.map((i: { council: { id: string } }) => i.council.id)).toEqual([silent.id]);
    const all = (await provinceSecretary.get(`/api/council-reports?${q}`)).json();
    expect(all.items.find((i: { council: { id: string } }) => i.council.id === council)).toMatchObject({ status: 'acknowledged', reportId: prev.id });
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(await runSpendingCheck(db.pool)).toEqual([]);
  });
});
