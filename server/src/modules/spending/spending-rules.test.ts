import { describe, expect, it } from 'vitest';
import { buildActor } from '../access/actor.ts';
import type { Role } from '../access/permissions.ts';
import {
  canApprove, canCancel, canOrder, canPay, canReject, canSubmit, chooseAuthority, evaluateSpendingRules, nextActions,
  type AuthorityOption, type FundFacts, type MoneyFacts, type RequestFacts, type RequestState, type RuleResult,
} from './spending-rules.ts';

// HQ → province P → county C
const path = ['hq', 'p', 'c'];
const person = (id: string, role: Role, unit = 'c') => buildActor({ id, username: id, fullName: id, unitId: unit }, [{ role, unitId: unit }]);
const requester = person('req', 'participation_officer');
const officer = person('po', 'participation_officer');
const provinceOfficer = person('ppo', 'participation_officer', 'p');
const finance = person('fin', 'finance_officer', 'p');
const secretary = person('sec', 'council_secretary');
const director = person('dir', 'director', 'p');
const otherCountyOfficer = person('x', 'participation_officer', 'c2');
const now = new Date('2026-11-29T10:00:00Z');

function state(over: Partial<RequestState> = {}): RequestState {
  return { status: 'submitted', authority: 'resolution', unitPath: path, requestedBy: 'req', orderedBy: null, delegateUserId: null, approvals: [], approvalExpiresAt: null, ...over };
}
const fine = { now, rules: [] as RuleResult[] };

describe('canApprove', () => {
  it.each<[string, ReturnType<typeof person>, Partial<RequestState>, ReturnType<typeof canApprove>]>([
    ['the requester approves their own request', requester, {}, { ok: false, code: 'SPENDING_REQUESTER_CANNOT_ACT' }],
    ['a participation officer gives the first of two approvals', officer, {}, { ok: true, slot: 'participation', final: false }],
    ['a province officer approves a county request (held above)', provinceOfficer, {}, { ok: true, slot: 'participation', final: false }],
    ['another county\'s officer approves', otherCountyOfficer, {}, { ok: false, code: 'SPENDING_NO_APPROVAL_ROLE', params: { slots: 'participation,confirmation' } }],
    ['finance confirms after the participation approval', finance, { approvals: [{ slot: 'participation', userId: 'po' }] }, { ok: true, slot: 'confirmation', final: true }],
    ['finance confirms first (either order)', finance, {}, { ok: true, slot: 'confirmation', final: false }],
    ['the same officer tries the second approval', officer, { approvals: [{ slot: 'participation', userId: 'po' }] }, { ok: false, code: 'SPENDING_ALREADY_APPROVED_BY_YOU' }],
    ['a second participation officer when only confirmation is open', provinceOfficer, { approvals: [{ slot: 'participation', userId: 'po' }] }, { ok: false, code: 'SPENDING_NO_APPROVAL_ROLE', params: { slots: 'confirmation' } }],
    ['the council secretary confirms', secretary, { approvals: [{ slot: 'participation', userId: 'po' }] }, { ok: true, slot: 'confirmation', final: true }],
    ['a specific-fund request needs one approval', officer, { authority: 'specific' }, { ok: true, slot: 'participation', final: true }],
    ['a delegation request is not ordered yet', officer, { authority: 'delegation', delegateUserId: 'dir' }, { ok: false, code: 'SPENDING_AWAITS_ORDER' }],
    ['a delegation request was ordered', officer, { authority: 'delegation', status: 'ordered', delegateUserId: 'dir', orderedBy: 'dir' }, { ok: true, slot: 'participation', final: true }],
    ['the delegate who ordered approves too', person('dir', 'participation_officer', 'p'), { authority: 'delegation', status: 'ordered', delegateUserId: 'dir', orderedBy: 'dir' }, { ok: false, code: 'SPENDING_ORDERER_CANNOT_APPROVE' }],
    ['the request is still a draft', officer, { status: 'draft', authority: null }, { ok: false, code: 'SPENDING_WRONG_STATE', params: { statusFa: 'پیش‌نویس', statusEn: 'draft' } }],
    ['the request is already approved', finance, { status: 'approved' }, { ok: false, code: 'SPENDING_WRONG_STATE', params: { statusFa: 'تأییدشده', statusEn: 'approved' } }],
  ])('should answer as expected when %s', (_label, actor, over, expected) => {
    expect(canApprove(actor, state(over), fine)).toEqual(expected);
  });

  it('should let the first approval through but stop the last when the money does not cover it', () => {
    const rules: RuleResult[] = [{ rule: 'funds_available', ok: false, stage: 'approve', code: 'SPENDING_INSUFFICIENT_FUNDS', reasonFa: 'کم است', reasonEn: 'short' }];
    expect(canApprove(officer, state(), { now, rules })).toMatchObject({ ok: true, final: false });
    expect(canApprove(finance, state({ approvals: [{ slot: 'participation', userId: 'po' }] }), { now, rules })).toEqual({ ok: false, code: 'SPENDING_INSUFFICIENT_FUNDS', params: { reasonFa: 'کم است', reasonEn: 'short' } });
  });
});

describe('canOrder, canReject, canSubmit, canCancel, canPay', () => {
  const delegated = state({ authority: 'delegation', delegateUserId: 'dir' });
  it.each<[string, () => unknown, unknown]>([
    ['the delegate orders', () => canOrder(director, delegated, fine), { ok: true }],
    ['another director orders', () => canOrder(person('dir2', 'director', 'p'), delegated, fine), { ok: false, code: 'SPENDING_NOT_THE_DELEGATE' }],
    ['a resolution-route request is ordered', () => canOrder(director, state(), fine), { ok: false, code: 'SPENDING_WRONG_STATE', params: { statusFa: 'ارسال‌شده', statusEn: 'submitted' } }],
    ['the delegate, before ordering, rejects', () => canReject(director, delegated), { ok: true }],
    ['the requester rejects', () => canReject(requester, state()), { ok: false, code: 'SPENDING_REQUESTER_CANNOT_ACT' }],
    ['an inspector rejects', () => canReject(person('i', 'inspector', 'hq'), state()), { ok: false, code: 'FORBIDDEN' }],
    ['a draft is submitted by its requester', () => canSubmit(requester, state({ status: 'draft', authority: null }), fine), { ok: true }],
    ['a draft is submitted by someone else', () => canSubmit(officer, state({ status: 'draft', authority: null }), fine), { ok: false, code: 'SPENDING_NOT_REQUESTER' }],
    ['an approved request is cancelled by its requester', () => canCancel(requester, state({ status: 'approved' })), { ok: true }],
    ['a paid request is cancelled', () => canCancel(requester, state({ status: 'paid' })), { ok: false, code: 'SPENDING_WRONG_STATE', params: { statusFa: 'پرداخت‌شده', statusEn: 'paid' } }],
    ['finance pays one second before expiry', () => canPay(finance, state({ status: 'approved', approvalExpiresAt: new Date(now.getTime() + 1000) }), fine), { ok: true }],
    ['finance pays at the expiry instant', () => canPay(finance, state({ status: 'approved', approvalExpiresAt: now }), fine), { ok: false, code: 'SPENDING_APPROVAL_EXPIRED' }],
    ['the requester pays', () => canPay(person('req', 'finance_officer', 'p'), state({ status: 'approved' }), fine), { ok: false, code: 'SPENDING_REQUESTER_CANNOT_ACT' }],
    ['a participation officer pays', () => canPay(officer, state({ status: 'approved' }), fine), { ok: false, code: 'FORBIDDEN' }],
  ])('should answer as expected when %s', (_label, run, expected) => {
    expect(run()).toEqual(expected);
  });

  it('should offer each person only their own next step', () => {
    expect(nextActions(requester, state({ status: 'draft', authority: null }), fine)).toEqual(['edit', 'submit', 'cancel']);
    expect(nextActions(officer, state(), fine)).toEqual(['approve', 'reject']);
    expect(nextActions(director, state({ authority: 'delegation', delegateUserId: 'dir' }), fine)).toEqual(['order', 'reject']);
    expect(nextActions(finance, state({ status: 'approved', approvalExpiresAt: new Date(now.getTime() + 1) }), fine)).toEqual(['pay']);
    expect(nextActions(person('i', 'inspector', 'hq'), state(), fine)).toEqual([]);
  });
});

describe('evaluateSpendingRules', () => {
  const generalFund: FundFacts = { unitId: 'c', kind: 'general', purposeCode: 'general', targetGroupCode: null, placeUnitId: null, placeGeoId: null, project: null, name: 'عام' };
  const resolution = (over: Partial<AuthorityOption> = {}): AuthorityOption => ({
    kind: 'resolution', id: 'r1', chainId: 'r1', allowanceId: 'a1', number: '1405/3', purposeCodes: ['livelihood', 'housing'],
    validFrom: new Date('2026-10-01T00:00:00Z'), validUntil: new Date('2027-03-01T00:00:00Z'), ceilingRials: 10_000_000n, usedRials: 4_000_000n,
    delegateUserId: null, delegateName: null, ...over,
  });
  const facts = (over: Partial<MoneyFacts> = {}): MoneyFacts => ({
    now, councilName: 'شورای مشارکت‌های مردمی شهرستان ری', authorities: [resolution()], placeUnitInside: null, placeGeoInside: null,
    fundAvailableRials: 50_000_000n, custodyAvailableRials: 50_000_000n, custodyKind: 'spending', purposeLabels: { livelihood: 'معیشت', housing: 'مسکن', health: 'درمان', orphans: 'ایتام' }, ...over,
  });
  const req = (over: Partial<RequestFacts> = {}): RequestFacts => ({
    unitId: 'c', amountRials: 6_000_000n, purposeCode: 'livelihood', targetGroupCode: null, project: null, status: 'draft', authority: null, pinned: null, ...over,
  });
  const authorityOf = (rules: RuleResult[]) => rules.find((r) => r.rule === 'general_authority')!;

  it.each<[string, Partial<RequestFacts>, Partial<MoneyFacts>, boolean, RegExp]>([
    ['the amount uses the ceiling exactly', {}, {}, true, /مصوبه ۱۴۰۵\/۳|1405\/3/],
    ['the amount is one rial over the ceiling', { amountRials: 6_000_001n }, {}, false, /فقط ۶٬۰۰۰٬۰۰۰ ریال باقی مانده/],
    ['the purpose is not in the resolution', { purposeCode: 'health' }, {}, false, /مصرف «درمان» را در بر ندارد/],
    ['the period has not begun', {}, { now: new Date('2026-09-30T23:59:59Z') }, false, /معتبر است/],
    ['the period ends at this instant', {}, { now: new Date('2027-03-01T00:00:00Z') }, false, /پایان یافته است/],
    ['the council has no authority in force', {}, { authorities: [] }, false, /مصوبه یا تفویض اختیار برقراری ندارد/],
    ['the unit has no council', {}, { councilName: null, authorities: [] }, false, /شورای مشارکت‌ها تشکیل نشده/],
    ['the resolution covers any purpose', { purposeCode: 'health' }, { authorities: [resolution({ purposeCodes: ['general'] })] }, true, /مجاز/],
  ])('should judge the general authority when %s', (_label, r, f, ok, reason) => {
    const rule = authorityOf(evaluateSpendingRules(req(r), generalFund, facts(f)));
    expect(rule.ok).toBe(ok);
    expect(rule.reasonFa).toMatch(reason);
    if (!ok) expect(rule.code).toBe('SPENDING_NOT_AUTHORIZED');
  });

  it('should prefer a resolution to a delegation, and keep a submitted request on its own chain', () => {
    const deleg = resolution({ kind: 'delegation', id: 'd1', chainId: 'r2', allowanceId: 'a2', number: '1405/4', validFrom: null, delegateUserId: 'dir', delegateName: 'مدیر کل' });
    expect(chooseAuthority(req(), facts({ authorities: [deleg, resolution()] }))?.id).toBe('r1');
    expect(chooseAuthority(req(), facts({ authorities: [deleg, resolution()] }), { delegationId: 'd1' })?.id).toBe('d1');
    const pinned = req({ status: 'submitted', authority: 'delegation', pinned: { kind: 'delegation', chainId: 'r2', delegateUserId: 'dir' } });
    expect(chooseAuthority(pinned, facts({ authorities: [resolution(), deleg] }))?.id).toBe('d1');
    expect(chooseAuthority(pinned, facts({ authorities: [resolution()] }))).toBeNull();
  });

  const specific: FundFacts = { unitId: 'c', kind: 'specific', purposeCode: 'orphans', targetGroupCode: 'orphans', placeUnitId: 'c', placeGeoId: null, project: null, name: 'خاص: ایتام' };
  it.each<[string, Partial<RequestFacts>, Partial<MoneyFacts>, boolean, RegExp]>([
    ['purpose, target group and place match', { purposeCode: 'orphans', targetGroupCode: 'orphans' }, { placeUnitInside: true }, true, /سازگار است/],
    ['the purpose differs', { purposeCode: 'housing', targetGroupCode: 'orphans' }, { placeUnitInside: true }, false, /نیت خیر این صندوق «ایتام» است و مصرف «مسکن»/],
    ['the target group is missing', { purposeCode: 'orphans' }, { placeUnitInside: true }, false, /گروه هدف/],
    ['the place is outside the donors\' place', { purposeCode: 'orphans', targetGroupCode: 'orphans' }, { placeUnitInside: false }, false, /محل هزینه خارج/],
  ])('should hold specific money to the donors\' intent when %s', (_label, r, f, ok, reason) => {
    const rule = evaluateSpendingRules(req(r), specific, facts(f)).find((x) => x.rule === 'specific_intent_match')!;
    expect(rule.ok).toBe(ok);
    expect(rule.reasonFa).toMatch(reason);
  });

  it.each<[string, bigint, bigint, 'spending' | 'central', boolean, RegExp]>([
    ['fund and custody cover it exactly', 6_000_000n, 6_000_000n, 'spending', true, /کافی است/],
    ['the fund is one rial short', 5_999_999n, 9_000_000n, 'spending', false, /مانده آزاد این صندوق/],
    ['the province has not passed enough down', 9_000_000n, 5_999_999n, 'spending', false, /استان باید مانده را واگذار کند/],
    ['the central account is short', 9_000_000n, 0n, 'central', false, /حساب متمرکز/],
  ])('should check the money when %s', (_label, fund, custody, kind, ok, reason) => {
    const rule = evaluateSpendingRules(req(), generalFund, facts({ fundAvailableRials: fund, custodyAvailableRials: custody, custodyKind: kind })).find((x) => x.rule === 'funds_available')!;
    expect(rule).toMatchObject({ ok, stage: 'approve' });
    expect(rule.reasonFa).toMatch(reason);
  });

  it('should answer the money rules from the reservation once approved', () => {
    const rules = evaluateSpendingRules(req({ status: 'approved', authority: 'resolution' }), generalFund, facts({ authorities: [], fundAvailableRials: 0n, custodyAvailableRials: 0n }));
    expect(rules.every((r) => r.ok)).toBe(true);
  });
});
