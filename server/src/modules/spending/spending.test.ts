import { describe, expect, it } from 'vitest';
import { unitByCode } from '../../testing/factories.ts';
import { postingsTable } from '../../testing/postings.ts';
import { testApp } from '../../testing/test-app.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';
import { runSpendingCheck } from './spending-check.ts';
import { expireSpendingApprovals } from './expire-spending-approvals.ts';
import { councilMeeting, fundUnit, key, periodAroundNow, person, spendingBody, today } from './governance-fixtures.ts';

type Rule = { rule: string; ok: boolean; reasonFa: string };

describe('spending under governance, end to end', () => {
  it('should refuse general money without a resolution, then spend it under one with two approvers and show it in the ledger', async () => {
    const { db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const requester = await person('participation_officer', 'C2303', 'فاطمه حسینی');
    const approver = await person('participation_officer', 'P23', 'زهرا محمدی');
    const secretary = await person('council_secretary', 'C2303', 'رضا دبیری');
    const finance = await person('finance_officer', 'P23', 'علی رضایی');
    const { funds, journals } = await fundUnit(requester, finance, rey.id, [
      { fundKind: 'general', amountRials: '30000000' },
      { fundKind: 'specific', purposeCode: 'orphans', amountRials: '10000000' },
    ]);

    // 1. the county asks to spend general money: there is no council, no resolution — and it is told why
    const created = await requester.post('/api/spending-requests', spendingBody(rey.id, funds.general!));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().request.id;
    expect(created.json().request).toMatchObject({ status: 'draft', amountRials: '12000000', payee: { sheba: 'IR050170000000123456789012', bankName: 'بانک ملی ایران' } });
    const blocked = created.json().rules.find((r: Rule) => r.rule === 'general_authority');
    expect(blocked).toMatchObject({ ok: false, code: 'SPENDING_NOT_AUTHORIZED' });
    expect(blocked.reasonFa).toContain('شورای مشارکت‌ها تشکیل نشده است');
    expect(created.json().actions.find((a: { action: string }) => a.action === 'submit')).toMatchObject({ allowed: false, code: 'SPENDING_NOT_AUTHORIZED' });
    const refused = await requester.post(`/api/spending-requests/${id}/submit`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('SPENDING_NOT_AUTHORIZED');
    expect(refused.json().error.message).toMatch(/^این هزینه مجوز ندارد: هزینه از محل مشارکت‌های عام فقط با مصوبه شورای مشارکت‌ها یا تفویض اختیار آن ممکن است/);

    // 2. a meeting without quorum passes nothing
    const thin = await councilMeeting(secretary, 'C2303', { members: 5, present: 2 });
    expect(thin.meeting.quorum).toMatchObject({ met: false, required: 3, presentCount: 2, memberCount: 5 });
    const noQuorum = await secretary.post(`/api/meetings/${thin.meeting.id}/resolutions`, { text: 'تصویب هزینه معیشتی', authorization: { ceilingRials: '20000000', purposeCodes: ['livelihood'], ...periodAroundNow() } });
    expect(noQuorum.statusCode).toBe(422);
    expect(noQuorum.json().error.code).toBe('MEETING_NO_QUORUM');
    expect(noQuorum.json().error.message).toContain('۲ نفر از ۵ عضو حاضر بودند');
    const stillBlocked = (await requester.get(`/api/spending-requests/${id}`)).json().rules.find((r: Rule) => r.rule === 'general_authority');
    expect(stillBlocked.reasonFa).toContain('مصوبه یا تفویض اختیار برقراری ندارد');

    // 3. the council meets with quorum and passes a resolution with a ceiling
    const { meeting } = await councilMeeting(secretary, 'C2303', { present: 3 });
    expect(meeting.quorum).toMatchObject({ met: true, presentCount: 3 });
    expect(meeting.nextActions).toContain('pass_resolution');
    const passed = await secretary.post(`/api/meetings/${meeting.id}/resolutions`, {
      text: 'هزینه تا سقف دو میلیون تومان برای معیشت و مسکن خانواده‌های تحت پوشش از محل مشارکت‌های عام',
      authorization: { ceilingRials: '20000000', purposeCodes: ['livelihood', 'housing'], ...periodAroundNow() },
    });
    expect(passed.statusCode, passed.body).toBe(201);
    const resolution = passed.json();
    const fy = today().slice(0, 4);
    expect(resolution).toMatchObject({ number: `${fy}/1`, status: 'in_force', authorization: { ceilingRials: '20000000', usedRials: '0', remainingRials: '20000000', inForceNow: true } });

    // 4. submitted under the resolution; the requester can neither approve nor confirm
    const submitted = await requester.post(`/api/spending-requests/${id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().request).toMatchObject({ status: 'submitted', authority: 'resolution', resolution: { number: `${fy}/1` }, requiredApprovals: ['participation', 'confirmation'] });
    expect(submitted.json().nextActions).toEqual(['cancel']);
    const self = await requester.post(`/api/spending-requests/${id}/approve`, {}, key());
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('SPENDING_REQUESTER_CANNOT_ACT');

    // 5. two different people approve: the participation unit, then the council secretary confirms
    expect((await approver.get(`/api/spending-requests/${id}`)).json().nextActions).toEqual(['approve', 'reject']);
    const first = await approver.post(`/api/spending-requests/${id}/approve`, { note: 'مستندات کامل است' }, key());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().request).toMatchObject({ status: 'submitted', approvals: [{ slot: 'participation', by: { name: 'زهرا محمدی' } }] });
    const again = await approver.post(`/api/spending-requests/${id}/approve`, {}, key());
    expect(again.json().error.code).toBe('SPENDING_ALREADY_APPROVED_BY_YOU');
    const second = await secretary.post(`/api/spending-requests/${id}/approve`, {}, key());
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().request).toMatchObject({ status: 'approved', approvals: [{ slot: 'participation' }, { slot: 'confirmation', by: { name: 'رضا دبیری' } }] });
    // the money and the ceiling are reserved
    const general = (await requester.get(`/api/balances?unitId=${rey.id}`)).json().funds.find((f: { fundId: string }) => f.fundId === funds.general);
    expect(general).toMatchObject({ balanceRials: '30000000', heldRials: '12000000', availableRials: '18000000' });
    expect((await secretary.get(`/api/resolutions/${resolution.id}`)).json().authorization).toMatchObject({ usedRials: '12000000', remainingRials: '8000000' });

    // 6. finance pays it on a document; the ledger shows the spending journal
    expect((await finance.get(`/api/spending-requests/${id}`)).json().nextActions).toEqual(['pay']);
    const paid = await finance.post(`/api/spending-requests/${id}/pay`, { documentNo: 'HZ-1405-0091' }, key());
    expect(paid.statusCode, paid.body).toBe(200);
    const done = paid.json();
    expect(done.request).toMatchObject({ status: 'paid', paymentDocumentNo: 'HZ-1405-0091' });
    expect(done.events.map((e: { action: string; toStatus: string }) => `${e.action}→${e.toStatus}`)).toEqual([
      'create→draft', 'submit→submitted', 'approve→submitted', 'confirm→approved', 'pay→paid',
    ]);
    expect(done.events.map((e: { actorName: string }) => e.actorName)).toEqual(['فاطمه حسینی', 'فاطمه حسینی', 'زهرا محمدی', 'رضا دبیری', 'علی رضایی']);
    const table = await postingsTable(db.pool, [...journals, done.request.journalId]);
    expect(table).toMatchInlineSnapshot(`
      "
      journal         | account               | fund                                                   |      debit |     credit
      #1 contribution | central @ استان تهران | عام @ شهرستان ری                                       | 30,000,000 |
      #1 contribution | fund @ شهرستان ری     | عام @ شهرستان ری                                       |            | 30,000,000
      #2 contribution | central @ استان تهران | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری | 10,000,000 |
      #2 contribution | fund @ شهرستان ری     | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری |            | 10,000,000
      #3 pass_down    | spending @ شهرستان ری | عام @ شهرستان ری                                       | 30,000,000 |
      #3 pass_down    | central @ استان تهران | عام @ شهرستان ری                                       |            | 30,000,000
      #3 pass_down    | spending @ شهرستان ری | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری | 10,000,000 |
      #3 pass_down    | central @ استان تهران | خاص: ایتام و فرزندان بی‌سرپرست و بدسرپرست @ شهرستان ری |            | 10,000,000
      #4 spending     | fund @ شهرستان ری     | عام @ شهرستان ری                                       | 12,000,000 |
      #4 spending     | spending @ شهرستان ری | عام @ شهرستان ری                                       |            | 12,000,000
      "
    `);
    const after = (await requester.get(`/api/balances?unitId=${rey.id}`)).json();
    expect(after.funds.find((f: { fundId: string }) => f.fundId === funds.general)).toMatchObject({ balanceRials: '18000000', heldRials: '0' });
    expect(after.custody.find((c: { kind: string }) => c.kind === 'spending').balanceRials).toBe('28000000');
    const audit = await db.pool.query(`SELECT action FROM audit_log WHERE entity_type = 'spending_request' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['spending_request.create', 'spending_request.submit', 'spending_request.approve', 'spending_request.confirm', 'spending_request.pay']);

    // 7. a specific fund (orphans) cannot pay for housing: refused with the reason
    const wrong = await requester.post('/api/spending-requests', spendingBody(rey.id, funds.orphans!, { purposeCode: 'housing', title: 'تعمیر مسکن مددجو' }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'SPENDING_INTENT_MISMATCH', fields: [{ field: 'purposeCode' }] });
    expect(wrong.json().error.message).toBe('این هزینه با نیت خیرین سازگار نیست: نیت خیر این صندوق «ایتام و فرزندان بی‌سرپرست و بدسرپرست» است و مصرف «مسکن» با آن سازگار نیست.');

    // a resolution cannot be amended below what it has already spent
    const { meeting: m3 } = await councilMeeting(secretary, 'C2303', { present: 4 });
    const lower = await secretary.post(`/api/resolutions/${resolution.id}/amend`, { meetingId: m3.id, text: 'کاهش سقف', authorization: { ceilingRials: '10000000', purposeCodes: ['livelihood'], ...periodAroundNow() } });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().error.code).toBe('RESOLUTION_CEILING_BELOW_USED');
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(await runSpendingCheck(db.pool)).toEqual([]);
  });

  it('should let a delegate director order and the participation unit approve at the province', async () => {
    const { db } = await testApp();
    const tehran = await unitByCode(db.pool, 'P23');
    const requester = await person('participation_officer', 'P23', 'کارشناس درخواست‌کننده');
    const approver = await person('participation_officer', 'P23', 'کارشناس تأییدکننده');
    const director = await person('director', 'P23', 'مدیر کل استان');
    const secretary = await person('council_secretary', 'P23');
    const finance = await person('finance_officer', 'P23');
    const { funds, journals } = await fundUnit(requester, null, tehran.id, [{ fundKind: 'general', amountRials: '50000000' }]);

    // a delegate must be a director at the unit or above
    const { meeting } = await councilMeeting(secretary, 'P23', { members: 3, present: 2 });
    const notDirector = await secretary.post(`/api/meetings/${meeting.id}/resolutions`, {
      text: 'تفویض اختیار', delegations: [{ delegateUserId: approver.id, purposeCodes: ['general'], ceilingRials: '40000000', expiresOn: periodAroundNow().validTo }],
    });
    expect(notDirector.json().error).toMatchObject({ code: 'RESOLUTION_DELEGATE_NOT_DIRECTOR', fields: [{ field: 'delegations.0.delegateUserId' }] });
    const delegated = await secretary.post(`/api/meetings/${meeting.id}/resolutions`, {
      text: 'تفویض اختیار هزینه‌کرد مشارکت‌های عام تا سقف چهار میلیون تومان به مدیر کل استان',
      delegations: [{ delegateUserId: director.id, purposeCodes: ['general'], ceilingRials: '40000000', expiresOn: periodAroundNow().validTo }],
    });
    expect(delegated.statusCode, delegated.body).toBe(201);
    expect(delegated.json().delegations).toMatchObject([{ delegate: { fullName: 'مدیر کل استان' }, ceilingRials: '40000000', remainingRials: '40000000', inForceNow: true }]);
    expect((await director.get('/api/delegations?inForce=true')).json().items).toHaveLength(1);

    const created = (await requester.post('/api/spending-requests', spendingBody(tehran.id, funds.general!, { amountRials: '25000000', purposeCode: 'health', title: 'هزینه درمان مددجویان' }))).json();
    const id = created.request.id;
    const submitted = await requester.post(`/api/spending-requests/${id}/submit`, {});
    expect(submitted.json().request).toMatchObject({ status: 'submitted', authority: 'delegation', delegation: { delegate: { name: 'مدیر کل استان' } }, requiredApprovals: ['participation'] });
    expect(submitted.json().rules.find((r: Rule) => r.rule === 'general_authority').reasonFa).toContain('با دستور ایشان و تأیید حوزه مشارکت مجاز است');

    // the participation unit waits for the director's order
    const early = await approver.post(`/api/spending-requests/${id}/approve`, {}, key());
    expect(early.json().error.code).toBe('SPENDING_AWAITS_ORDER');
    const awaiting = (await director.get('/api/spending-requests?awaitingMe=true')).json();
    expect(awaiting.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await director.get(`/api/spending-requests/${id}`)).json().nextActions).toEqual(['order', 'reject']);
    const ordered = await director.post(`/api/spending-requests/${id}/order`, { note: 'با هزینه موافقت می‌شود' });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json().request).toMatchObject({ status: 'ordered', orderedBy: { name: 'مدیر کل استان' } });
    const approved = await approver.post(`/api/spending-requests/${id}/approve`, {}, key());
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().request.status).toBe('approved');
    expect((await secretary.get(`/api/resolutions/${delegated.json().id}`)).json().delegations[0]).toMatchObject({ usedRials: '25000000', remainingRials: '15000000' });

    // a second request beyond the delegate's remaining ceiling is told so
    const big = (await requester.post('/api/spending-requests', spendingBody(tehran.id, funds.general!, { amountRials: '20000000', purposeCode: 'education', title: 'کمک تحصیلی' }))).json();
    const tooBig = await requester.post(`/api/spending-requests/${big.request.id}/submit`, {});
    expect(tooBig.json().error.code).toBe('SPENDING_NOT_AUTHORIZED');
    expect(tooBig.json().error.message).toContain('فقط ۱۵٬۰۰۰٬۰۰۰ ریال باقی مانده است');

    const paid = await finance.post(`/api/spending-requests/${id}/pay`, { documentNo: 'P23-HZ-7' }, key());
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await postingsTable(db.pool, [...journals, paid.json().request.journalId])).toMatchInlineSnapshot(`
      "
      journal         | account               | fund              |      debit |     credit
      #1 contribution | central @ استان تهران | عام @ استان تهران | 50,000,000 |
      #1 contribution | fund @ استان تهران    | عام @ استان تهران |            | 50,000,000
      #2 spending     | fund @ استان تهران    | عام @ استان تهران | 25,000,000 |
      #2 spending     | central @ استان تهران | عام @ استان تهران |            | 25,000,000
      "
    `);
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(await runSpendingCheck(db.pool)).toEqual([]);
  });

  it('should release the reservation when an approved request is cancelled or its approval expires', async () => {
    const { db } = await testApp();
    const islamshahr = await unitByCode(db.pool, 'C2310');
    const requester = await person('participation_officer', 'C2310');
    const approver = await person('participation_officer', 'C2310');
    const finance = await person('finance_officer', 'P23');
    const { funds } = await fundUnit(requester, finance, islamshahr.id, [{ fundKind: 'specific', purposeCode: 'orphans', amountRials: '9000000' }]);
    const approve = async (amount: string) => {
      const r = (await requester.post('/api/spending-requests', spendingBody(islamshahr.id, funds.orphans!, { amountRials: amount, purposeCode: 'orphans', title: 'لوازم تحصیل کودکان' }))).json();
      expect((await requester.post(`/api/spending-requests/${r.request.id}/submit`, {})).json().request.authority).toBe('specific');
      const a = await approver.post(`/api/spending-requests/${r.request.id}/approve`, {}, key());
      expect(a.json().request.status, a.body).toBe('approved');
      return r.request.id as string;
    };
    const held = async () => (await requester.get(`/api/balances?unitId=${islamshahr.id}`)).json().funds.find((f: { fundId: string }) => f.fundId === funds.orphans).heldRials;

    const a = await approve('4000000');
    const b = await approve('5000000');
    expect(await held()).toBe('9000000');
    // nothing is left for a third
    const c = (await requester.post('/api/spending-requests', spendingBody(islamshahr.id, funds.orphans!, { amountRials: '1', purposeCode: 'orphans', title: 'درخواست سوم' }))).json();
    await requester.post(`/api/spending-requests/${c.request.id}/submit`, {});
    const short = await approver.post(`/api/spending-requests/${c.request.id}/approve`, {}, key());
    expect(short.json().error.code).toBe('SPENDING_INSUFFICIENT_FUNDS');
    expect(short.json().error.message).toContain('مانده آزاد این صندوق ۰ ریال است');

    const cancelled = await requester.post(`/api/spending-requests/${a}/cancel`, { note: 'خرید از محل دیگری انجام شد' });
    expect(cancelled.json().request.status).toBe('cancelled');
    expect(await held()).toBe('5000000');
    expect(await expireSpendingApprovals(db.pool, new Date(Date.now() + 61 * 86_400_000))).toBe(1);
    const expired = (await requester.get(`/api/spending-requests/${b}`)).json();
    expect(expired.request.status).toBe('expired');
    expect(expired.events.at(-1)).toMatchObject({ action: 'expire', actorName: 'سامانه' });
    expect(await held()).toBe('0');
    expect((await finance.post(`/api/spending-requests/${b}/pay`, { documentNo: 'X-1' }, key())).json().error.code).toBe('SPENDING_WRONG_STATE');
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(await runSpendingCheck(db.pool)).toEqual([]);
  });

  it('should let a county spend only what the province has passed down to it', async () => {
    const { db } = await testApp();
    const county = await unitByCode(db.pool, 'C2310');
    const requester = await person('participation_officer', 'C2310');
    const approver = await person('participation_officer', 'P23');
    const finance = await person('finance_officer', 'P23');
    const { funds } = await fundUnit(requester, null, county.id, [{ fundKind: 'specific', purposeCode: 'food', amountRials: '3000000' }]);
    const r = (await requester.post('/api/spending-requests', spendingBody(county.id, funds.food!, { purposeCode: 'food', amountRials: '1000000', title: 'بسته اطعام' }))).json();
    expect((await requester.post(`/api/spending-requests/${r.request.id}/submit`, {})).statusCode).toBe(200);
    const refused = await approver.post(`/api/spending-requests/${r.request.id}/approve`, {}, key());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('مانده کافی نیست: از این صندوق فقط ۰ ریال به حساب هزینه‌کرد شهرستان منتقل شده است؛ استان باید مانده را واگذار کند.');
    await finance.post('/api/pass-downs', { countyUnitId: county.id, documentNo: 'PD-FOOD-1', items: [{ fundId: funds.food, amountRials: '1000000' }] }, key());
    const approved = await approver.post(`/api/spending-requests/${r.request.id}/approve`, {}, key());
    expect(approved.json().request.status, approved.body).toBe('approved');
    expect(await runLedgerCheck(db.pool)).toEqual([]);
    expect(await runSpendingCheck(db.pool)).toEqual([]);
  });

  it('should keep requests of other counties out of sight and refuse bad input field by field', async () => {
    const { db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const requester = await person('participation_officer', 'C2303');
    const kashanOfficer = await person('participation_officer', 'C1010');
    const finance = await person('finance_officer', 'P23');
    const { funds } = await fundUnit(requester, finance, rey.id, [{ fundKind: 'general', amountRials: '1000000' }]);
    const r = (await requester.post('/api/spending-requests', spendingBody(rey.id, funds.general!, { amountRials: '1000' }))).json();
    const outside = await kashanOfficer.get(`/api/spending-requests/${r.request.id}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('SPENDING_REQUEST_NOT_FOUND');
    expect((await kashanOfficer.get('/api/spending-requests')).json().total).toBe(0);
    expect((await requester.get('/api/spending-requests?mine=true&status=draft')).json().total).toBe(1);

    const cases: [Record<string, unknown>, string, string][] = [
      [{ payeeSheba: 'IR050170000000123456789013' }, 'payeeSheba', 'SPENDING_SHEBA_INVALID'],
      [{ amountRials: '12.5' }, 'amountRials', 'FIELD_AMOUNT'],
      [{ purposeCode: 'general' }, 'purposeCode', 'SPENDING_PURPOSE_REQUIRED'],
      [{ purposeCode: 'casino' }, 'purposeCode', 'LEDGER_PURPOSE_UNKNOWN'],
    ];
    for (const [over, field, code] of cases) {
      const res = await requester.post('/api/spending-requests', spendingBody(rey.id, funds.general!, over));
      expect(res.statusCode, JSON.stringify(over)).toBeGreaterThanOrEqual(400);
      expect(res.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toContainEqual([field, code]);
    }
    const kashan = await unitByCode(db.pool, 'C1010');
    const foreignFund = await kashanOfficer.post('/api/spending-requests', spendingBody(kashan.id, funds.general!));
    expect(foreignFund.json().error).toMatchObject({ code: 'SPENDING_FUND_NOT_OF_UNIT', fields: [{ field: 'fundId' }] });
    const noKey = await requester.post(`/api/spending-requests/${r.request.id}/approve`, {});
    expect(noKey.json().error.code).toBe('IDEMPOTENCY_KEY_MISSING');

    const pdf = Buffer.from('%PDF-1.4 فاکتور خرید');
    const doc = await requester.post(`/api/spending-requests/${r.request.id}/documents`, { fileName: 'فاکتور.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') });
    expect(doc.statusCode, doc.body).toBe(201);
    const download = await requester.get(`/api/spending-documents/${doc.json().id}`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await kashanOfficer.get(`/api/spending-documents/${doc.json().id}`)).statusCode).toBe(404);
  });
});
