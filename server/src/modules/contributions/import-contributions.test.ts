import { Readable } from 'node:stream';
import { formatJalaliDate } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp, type Session } from '../../testing/test-app.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';
import { buildActor } from '../access/actor.ts';
import { importContributions, type ImportRow } from './import-contributions.ts';

async function waitForImport(s: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = (await s.get(`/api/contribution-imports/${id}`)).json();
    if (r.status !== 'running' && r.status !== 'queued') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('import did not finish');
}

function upload(s: Session, query: string, csv: string) {
  return s.post(`/api/contribution-imports?${query}`, csv, { 'content-type': 'text/csv' });
}

describe('importing settlement files', () => {
  it('should import valid rows, report bad ones per row in Persian, and count each reference once on re-import', async () => {
    const { app, db } = await testApp();
    const p10 = await unitByCode(db.pool, 'P10');
    const u = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const s = await signInAs(app, u.username, testPassword);
    const today = formatJalaliDate(new Date(), { digits: 'latin' });
    const csv = [
      'reference,amount_rials,paid_at,unit_code,purpose,target_group',
      `GW-1001,5000000,${today} 10:15,C1010,orphans,`,
      `GW-1002,2500000,${today},C1010,general,`,
      'GW-1003,12.5,2025-05-01T10:00:00Z,C1010,general,',        // bad amount
      'GW-1004,1000,1404/13/40,C1010,general,',                   // bad date
      'GW-1005,1000,2025-05-01T10:00:00Z,C2303,general,',         // another province: out of scope
      'GW-1006,1000,2025-05-01T10:00:00Z,C1010,casino,',          // unknown purpose
      'GW-1001,5000000,2025-05-01T10:00:00Z,C1010,orphans,',      // duplicate within the file
      `GW-1007,۷۰۰۰۰۰,۱۴۰۴/۰۱/۱۵,C1010,housing,female_heads`,     // Persian digits
    ].join('\n');
    const dry = await upload(s, `unitId=${p10.id}&channel=gateway&dryRun=true`, csv);
    expect(dry.statusCode).toBe(202);
    const dryResult = await waitForImport(s, dry.json().id);
    expect(dryResult).toMatchObject({ status: 'done', rowsTotal: 8, rowsImported: 3, rowsInvalid: 4, rowsDuplicate: 1 });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM contribution WHERE channel = 'gateway'`)).rows[0].n).toBe(0);

    const real = await upload(s, `unitId=${p10.id}&channel=gateway&fileName=settle.csv`, csv);
    const result = await waitForImport(s, real.json().id);
    expect(result).toMatchObject({ status: 'done', rowsImported: 3, rowsInvalid: 4, rowsDuplicate: 1, totalRials: '8200000' });
    const errors = (await s.get(`/api/contribution-imports/${real.json().id}/errors`)).json();
    expect(errors.items.map((e: { rowNo: number; field: string }) => [e.rowNo, e.field])).toEqual([[3, 'amountRials'], [4, 'paidAt'], [5, 'unitCode'], [6, 'purpose']]);
    expect(errors.items[0].message).toMatch(/[\u0600-\u06FF]/);

    const again = await upload(s, `unitId=${p10.id}&channel=gateway`, csv);
    expect(await waitForImport(s, again.json().id)).toMatchObject({ rowsImported: 0, rowsDuplicate: 4 });
    const { rows } = await db.pool.query(`SELECT channel_ref, amount_rials, receipt_no FROM contribution WHERE channel = 'gateway' ORDER BY channel_ref`);
    expect(rows.map((r) => r.channel_ref)).toEqual(['GW-1001', 'GW-1002', 'GW-1007']);
    expect(new Set(rows.map((r) => r.receipt_no)).size).toBe(3);
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });

  it('should keep the contribution figures equal to the gifts, through imports, single gifts and reversals', async () => {
    const { app, db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const s = await signInAs(app, officer.username, testPassword);
    const other = await signInAs(app, (await fakeUser(db.pool, { role: 'finance_officer', unitCode: 'P10' })).username, testPassword);
    const actor = buildActor({ id: officer.id, username: officer.username, fullName: 'x', unitId: officer.unit.id }, [{ role: 'participation_officer', unitId: officer.unit.id }]);
    const before = (await s.get('/api/reports/contributions?fiscalYear=1404')).json();
    async function* rows(): AsyncGenerator<ImportRow> {
      for (let i = 0; i < 2500; i++) yield { rowNo: i + 1, reference: `BULK-${i}`, amountRials: String(10_000 + i), paidAt: '2025-06-01T08:00:00Z', unitCode: 'C1010', purpose: i % 3 ? 'general' : 'food' };
    }
    const totals = await importContributions(db.pool, { actor, requestId: null, ip: null }, 'ussd', rows(), { dryRun: false, importId: null, batchSize: 1000 });
    expect(totals).toMatchObject({ rows: 2500, imported: 2500, duplicates: 0, invalid: 0 });
    const c = (await s.post('/api/contributions', { unitId: kashan.id, amountRials: '990000', fundKind: 'general', channel: 'counter_cash', receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }) }, { 'idempotency-key': `fig-${Date.now()}` })).json();
    const rev = await other.post(`/api/contributions/${c.id}/reverse`, { reason: 'ثبت آزمایشی اشتباه' }, { 'idempotency-key': `fig-rev-${Date.now()}` });
    expect(rev.statusCode, rev.body).toBe(200);
    const figures = (await s.get('/api/reports/contributions?fiscalYear=1404')).json();
    expect(BigInt(figures.gifts) - BigInt(before.gifts)).toBe(2500n);
    expect(BigInt(figures.totalRials) - BigInt(before.totalRials)).toBe(2500n * 10_000n + (2499n * 2500n) / 2n);
    // this year's single gift was reversed: it counts nowhere
    const thisYear = (await s.get('/api/reports/contributions')).json();
    expect(thisYear.byChannel.find((ch: { key: string }) => ch.key === 'counter_cash')?.gifts ?? '0').toBe('0');
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    void Readable;
  });
});
