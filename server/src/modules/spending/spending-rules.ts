import { formatJalaliDate, formatRials } from '@mosharekat/fa';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { holdsAt } from '../access/scope.ts';

/*
 * THE SPENDING RULES (هزینه‌کرد) — pure functions, no I/O. Every action calls its can… function
 * before it changes anything, and GET /api/spending-requests/:id returns the same answers
 * (`rules`, `actions`, `nextActions`), so the web app's buttons and the server never disagree.
 *
 * A. Which money may pay (evaluateSpendingRules; "submit" rules must hold to submit and again at
 *    approval, "approve" rules are enforced for real by the reservation at approval):
 *   1. fund_of_unit (submit): the fund belongs to the requesting unit.
 *   2. specific_intent_match (submit, specific funds): the request's purpose equals the fund's; a
 *      fund with a target group needs the same target group; a fund with a place (a unit, or a
 *      geographic division) needs the spending place inside it (the place defaults to the
 *      requesting unit); a fund for a project needs the same project.
 *   3. general_authority (submit, general funds): an authority of the council governing the unit
 *      (the council of the unit itself; for a department, of its county, province or HQ) that is
 *      live: the latest version of its resolution chain, not a revocation, and
 *        a) resolution: its purposes include the request's purpose (or 'general' = any purpose),
 *           now ∈ [validFrom, validUntil), and ceiling − used ≥ amount; or
 *        b) delegation in such a version: purposes include the purpose (or 'general'),
 *           now < expiresAt, and the delegate's own ceiling − used ≥ amount.
 *      The requester may name the authority at submission; otherwise a resolution is preferred to
 *      a delegation. Once chosen, the request stays on that chain (its amendments included).
 *   4. funds_available (approve): available balance (balance − held) of the fund AND available
 *      money of this fund in the paying custody (a county pays from its spending account, so only
 *      what the province has passed down) both cover the amount.
 *
 * B. Who acts, by route (requiredSlots, canOrder, canApprove …):
 *   specific:    submit (requester) → approve/participation (spending.approve)            → pay
 *   resolution:  submit (requester) → approve/participation (spending.approve)
 *                                   + approve/confirmation (spending.confirm: finance officer
 *                                     or council secretary), in either order               → pay
 *   delegation:  submit (requester) → order (the delegate personally, spending.order)
 *                                   → approve/participation (spending.approve)             → pay
 *   - The requester never orders, approves, confirms, rejects or pays their own request.
 *   - One person fills at most one approval slot of a request, and the delegate who ordered does
 *     not approve: a general-fund request thus needs two distinct people besides the requester
 *     (two approvers, or the delegate and the approver); a specific-fund request one.
 *   - Every permission must be held at the request's unit or above (its unit path).
 *   - Submit, edit and cancel belong to the requester (still holding spending.request).
 *   - Reject: anyone who could fill a remaining approval slot, or the delegate before ordering.
 *   - Pay: spending.pay, not the requester, before the approval expires.
 *   The money is reserved (hold on the fund and its paying custody, plus the authority's
 *   allowance) when the last approval slot is filled; the request is then `approved`. Rejection
 *   (before approval), cancellation or expiry (APPROVAL_VALID_DAYS after approval, unpaid)
 *   releases what was reserved. Revoking or amending a resolution does not undo approvals
 *   already given: the reservation was lawful when made.
 */

export const APPROVAL_VALID_DAYS = 60;

export const spendingStatuses = ['draft', 'submitted', 'ordered', 'approved', 'paid', 'rejected', 'cancelled', 'expired'] as const;
export type SpendingStatus = (typeof spendingStatuses)[number];
export const spendingStatusLabels: Record<SpendingStatus, { fa: string; en: string }> = {
  draft: { fa: 'پیش‌نویس', en: 'draft' },
  submitted: { fa: 'ارسال‌شده', en: 'submitted' },
  ordered: { fa: 'دستور صادر شده', en: 'ordered' },
  approved: { fa: 'تأییدشده', en: 'approved' },
  paid: { fa: 'پرداخت‌شده', en: 'paid' },
  rejected: { fa: 'ردشده', en: 'rejected' },
  cancelled: { fa: 'لغوشده', en: 'cancelled' },
  expired: { fa: 'منقضی‌شده', en: 'expired' },
};
export const authorities = ['specific', 'resolution', 'delegation'] as const;
export type Authority = (typeof authorities)[number];
export const approvalSlots = ['participation', 'confirmation'] as const;
export type ApprovalSlot = (typeof approvalSlots)[number];
export const spendingActions = ['edit', 'submit', 'order', 'approve', 'reject', 'cancel', 'pay'] as const;
export type SpendingAction = (typeof spendingActions)[number];

const slotPermission: Record<ApprovalSlot, Permission> = { participation: 'spending.approve', confirmation: 'spending.confirm' };

/** The approval slots a route needs, in the order they are offered to someone who could fill several. */
export function requiredSlots(authority: Authority): ApprovalSlot[] {
  return authority === 'resolution' ? ['participation', 'confirmation'] : ['participation'];
}

// ---------------------------------------------------------------------------------------------
// A. Rules on the money

export type RuleName = 'fund_of_unit' | 'specific_intent_match' | 'general_authority' | 'funds_available';

export interface RuleResult {
  rule: RuleName;
  ok: boolean;
  /** submit: must hold to submit (and at approval); approve: checked by the reservation */
  stage: 'submit' | 'approve';
  /** the error code an action answers with when this rule blocks it */
  code: 'SPENDING_FUND_NOT_OF_UNIT' | 'SPENDING_INTENT_MISMATCH' | 'SPENDING_NOT_AUTHORIZED' | 'SPENDING_INSUFFICIENT_FUNDS' | null;
  reasonFa: string;
  reasonEn: string;
  /** the authority that allows it (general_authority) */
  authority?: { kind: 'resolution' | 'delegation'; id: string; number: string; delegateName: string | null } | undefined;
}

export interface FundFacts {
  unitId: string;
  kind: 'general' | 'specific';
  purposeCode: string;
  targetGroupCode: string | null;
  placeUnitId: string | null;
  placeGeoId: number | null;
  project: string | null;
  name: string;
}

export interface AuthorityOption {
  kind: 'resolution' | 'delegation';
  /** the resolution version, or the delegation */
  id: string;
  chainId: string;
  allowanceId: string;
  /** the resolution's number, e.g. '1404/12' */
  number: string;
  purposeCodes: string[];
  /** resolution period [from, until); a delegation has only an end */
  validFrom: Date | null;
  validUntil: Date;
  ceilingRials: bigint;
  usedRials: bigint;
  delegateUserId: string | null;
  delegateName: string | null;
}

export interface RequestFacts {
  unitId: string;
  amountRials: bigint;
  purposeCode: string;
  targetGroupCode: string | null;
  project: string | null;
  status: SpendingStatus;
  authority: Authority | null;
  /** the chain (and delegate) the request was submitted under */
  pinned: { kind: 'resolution' | 'delegation'; chainId: string; delegateUserId: string | null } | null;
}

export interface MoneyFacts {
  now: Date;
  /** the governing council's name; null when the unit has none */
  councilName: string | null;
  authorities: AuthorityOption[];
  /** null: the fund names no such place; else whether the request's place lies inside it */
  placeUnitInside: boolean | null;
  placeGeoInside: boolean | null;
  fundAvailableRials: bigint;
  custodyAvailableRials: bigint;
  /** county spending account or a province's / HQ's central account */
  custodyKind: 'spending' | 'central';
  purposeLabels: Record<string, string>;
}

const fa = (v: bigint) => formatRials(v);
const en = (v: bigint) => formatRials(v, { digits: 'latin' });
const day = (d: Date) => formatJalaliDate(d);
const dayEn = (d: Date) => formatJalaliDate(d, { digits: 'latin' });

function ok(rule: RuleName, stage: RuleResult['stage'], reasonFa: string, reasonEn: string, extra: Partial<RuleResult> = {}): RuleResult {
  return { rule, ok: true, stage, code: null, reasonFa, reasonEn, ...extra };
}
function fail(rule: RuleName, stage: RuleResult['stage'], code: NonNullable<RuleResult['code']>, reasonFa: string, reasonEn: string): RuleResult {
  return { rule, ok: false, stage, code, reasonFa, reasonEn };
}

/** Why an authority does not cover the request, or null when it does. */
export function authorityGap(opt: AuthorityOption, req: Pick<RequestFacts, 'purposeCode' | 'amountRials'>, facts: Pick<MoneyFacts, 'now' | 'purposeLabels'>): { fa: string; en: string } | null {
  const label = facts.purposeLabels[req.purposeCode] ?? req.purposeCode;
  const who = opt.kind === 'resolution' ? { fa: `مصوبه ${opt.number}`, en: `resolution ${opt.number}` } : { fa: `تفویض اختیار به ${opt.delegateName ?? ''} (مصوبه ${opt.number})`, en: `the delegation to ${opt.delegateName ?? ''} (resolution ${opt.number})` };
  if (!opt.purposeCodes.includes('general') && !opt.purposeCodes.includes(req.purposeCode)) {
    return { fa: `${who.fa} مصرف «${label}» را در بر ندارد`, en: `${who.en} does not cover the purpose ${req.purposeCode}` };
  }
  if (opt.validFrom && facts.now < opt.validFrom) return { fa: `${who.fa} از ${day(opt.validFrom)} معتبر است`, en: `${who.en} is valid from ${dayEn(opt.validFrom)}` };
  if (facts.now >= opt.validUntil) {
    const last = new Date(opt.validUntil.getTime() - 1);
    return { fa: `اعتبار ${who.fa} در ${day(last)} پایان یافته است`, en: `${who.en} ended on ${dayEn(last)}` };
  }
  const remaining = opt.ceilingRials - opt.usedRials;
  if (remaining < req.amountRials) {
    return { fa: `از سقف ${who.fa} فقط ${fa(remaining)} باقی مانده است`, en: `only ${en(remaining)} of the ceiling of ${who.en} remains` };
  }
  return null;
}

/** The authority that lets a general-fund request spend (see rule A3), or null. */
export function chooseAuthority(req: RequestFacts, facts: MoneyFacts, preferred?: { resolutionId?: string | undefined; delegationId?: string | undefined }): AuthorityOption | null {
  let options = facts.authorities;
  if (req.pinned) {
    const p = req.pinned;
    options = options.filter((o) => o.kind === p.kind && o.chainId === p.chainId && (p.kind === 'resolution' || o.delegateUserId === p.delegateUserId));
  } else if (preferred?.resolutionId || preferred?.delegationId) {
    options = options.filter((o) => o.id === (o.kind === 'resolution' ? preferred.resolutionId : preferred.delegationId));
  }
  const fitting = options.filter((o) => authorityGap(o, req, facts) === null);
  return fitting.find((o) => o.kind === 'resolution') ?? fitting[0] ?? null;
}

function intentRule(req: RequestFacts, fund: FundFacts, facts: MoneyFacts): RuleResult {
  const gaps: { fa: string; en: string }[] = [];
  const label = (c: string) => facts.purposeLabels[c] ?? c;
  if (req.purposeCode !== fund.purposeCode) {
    gaps.push({ fa: `نیت خیر این صندوق «${label(fund.purposeCode)}» است و مصرف «${label(req.purposeCode)}» با آن سازگار نیست`, en: `the donors' intent is ${fund.purposeCode}, not ${req.purposeCode}` });
  }
  if (fund.targetGroupCode && req.targetGroupCode !== fund.targetGroupCode) {
    gaps.push({ fa: 'گروه هدف درخواست با گروه هدفی که خیر تعیین کرده یکی نیست', en: `the donors named the target group ${fund.targetGroupCode}` });
  }
  if (facts.placeUnitInside === false || facts.placeGeoInside === false) {
    gaps.push({ fa: 'محل هزینه خارج از محلی است که خیر تعیین کرده', en: 'the place of spending lies outside the place the donors named' });
  }
  if (fund.project && (req.project ?? '').trim() !== fund.project) {
    gaps.push({ fa: `این صندوق برای طرح «${fund.project}» است`, en: `this fund is for the project "${fund.project}"` });
  }
  if (gaps.length) return fail('specific_intent_match', 'submit', 'SPENDING_INTENT_MISMATCH', gaps.map((g) => g.fa).join('؛ ') + '.', gaps.map((g) => g.en).join('; ') + '.');
  return ok('specific_intent_match', 'submit', 'مصرف با نیت خیرین این صندوق سازگار است.', 'The spending matches the donors\' intent.');
}

function authorityRule(req: RequestFacts, facts: MoneyFacts, preferred?: { resolutionId?: string | undefined; delegationId?: string | undefined }): RuleResult {
  const found = chooseAuthority(req, facts, preferred);
  if (found) {
    const authority = { kind: found.kind, id: found.id, number: found.number, delegateName: found.delegateName };
    return found.kind === 'resolution'
      ? ok('general_authority', 'submit', `مصوبه ${found.number} شورا این هزینه را مجاز می‌کند.`, `Resolution ${found.number} of the council allows it.`, { authority })
      : ok('general_authority', 'submit', `با تفویض اختیار به ${found.delegateName} (مصوبه ${found.number})، با دستور ایشان و تأیید حوزه مشارکت مجاز است.`, `Allowed under the delegation to ${found.delegateName} (resolution ${found.number}), with their order and the participation unit's approval.`, { authority });
  }
  const head = { fa: 'هزینه از محل مشارکت‌های عام فقط با مصوبه شورای مشارکت‌ها یا تفویض اختیار آن ممکن است', en: 'General money may only be spent under a council resolution or its delegation' };
  if (!facts.councilName) return fail('general_authority', 'submit', 'SPENDING_NOT_AUTHORIZED', `${head.fa}؛ برای این واحد شورای مشارکت‌ها تشکیل نشده است.`, `${head.en}; this unit has no council.`);
  const considered = req.pinned
    ? facts.authorities.filter((o) => o.chainId === req.pinned!.chainId && (req.pinned!.kind === 'resolution' ? o.kind === 'resolution' : o.delegateUserId === req.pinned!.delegateUserId))
    : facts.authorities;
  if (!considered.length) {
    const what = req.pinned ? 'مصوبه یا تفویضی که درخواست بر اساس آن ثبت شده دیگر برقرار نیست' : `${facts.councilName} مصوبه یا تفویض اختیار برقراری ندارد`;
    return fail('general_authority', 'submit', 'SPENDING_NOT_AUTHORIZED', `${head.fa}؛ ${what}.`, `${head.en}; ${req.pinned ? 'the authority it was submitted under is no longer in force' : 'the council has no resolution or delegation in force'}.`);
  }
  const gaps = considered.map((o) => authorityGap(o, req, facts)!).filter(Boolean);
  return fail('general_authority', 'submit', 'SPENDING_NOT_AUTHORIZED', `${head.fa}؛ ${gaps.map((g) => g.fa).join('؛ ')}.`, `${head.en}; ${gaps.map((g) => g.en).join('; ')}.`);
}

function fundsRule(req: RequestFacts, facts: MoneyFacts): RuleResult {
  if (facts.fundAvailableRials < req.amountRials) {
    return fail('funds_available', 'approve', 'SPENDING_INSUFFICIENT_FUNDS', `مانده آزاد این صندوق ${fa(facts.fundAvailableRials)} است و مبلغ درخواست را پوشش نمی‌دهد.`, `The fund has only ${en(facts.fundAvailableRials)} available.`);
  }
  if (facts.custodyAvailableRials < req.amountRials) {
    return facts.custodyKind === 'spending'
      ? fail('funds_available', 'approve', 'SPENDING_INSUFFICIENT_FUNDS', `از این صندوق فقط ${fa(facts.custodyAvailableRials)} به حساب هزینه‌کرد شهرستان منتقل شده است؛ استان باید مانده را واگذار کند.`, `Only ${en(facts.custodyAvailableRials)} of this fund has been passed down to the county's spending account; the province must pass the rest down.`)
      : fail('funds_available', 'approve', 'SPENDING_INSUFFICIENT_FUNDS', `موجودی آزاد این صندوق در حساب متمرکز ${fa(facts.custodyAvailableRials)} است.`, `The central account holds only ${en(facts.custodyAvailableRials)} of this fund.`);
  }
  return ok('funds_available', 'approve', 'مانده صندوق و حساب پرداخت‌کننده کافی است.', 'The fund and the paying account cover the amount.');
}

/**
 * Every rule on a request and whether it holds now. For a request whose money is already reserved
 * (approved, paid) the money rules are answered by the reservation itself.
 */
export function evaluateSpendingRules(req: RequestFacts, fund: FundFacts, facts: MoneyFacts, preferred?: { resolutionId?: string | undefined; delegationId?: string | undefined }): RuleResult[] {
  const out: RuleResult[] = [];
  out.push(fund.unitId === req.unitId
    ? ok('fund_of_unit', 'submit', 'صندوق متعلق به همین واحد است.', 'The fund belongs to this unit.')
    : fail('fund_of_unit', 'submit', 'SPENDING_FUND_NOT_OF_UNIT', 'این صندوق متعلق به واحد درخواست‌کننده نیست.', 'The fund does not belong to the requesting unit.'));
  const reserved = req.status === 'approved' || req.status === 'paid';
  if (fund.kind === 'specific') out.push(intentRule(req, fund, facts));
  else if (reserved) out.push(ok('general_authority', 'submit', 'سقف مصوبه یا تفویض برای این درخواست رزرو شده است.', 'The authority\'s ceiling is reserved for this request.'));
  else out.push(authorityRule(req, facts, preferred));
  out.push(reserved
    ? ok('funds_available', 'approve', req.status === 'paid' ? 'پرداخت شده است.' : 'مبلغ در صندوق و حساب پرداخت‌کننده رزرو شده است.', req.status === 'paid' ? 'Paid.' : 'The amount is reserved in the fund and the paying account.')
    : fundsRule(req, facts));
  return out;
}

// ---------------------------------------------------------------------------------------------
// B. Who may act

export interface RequestState {
  status: SpendingStatus;
  authority: Authority | null;
  unitPath: readonly string[];
  requestedBy: string;
  orderedBy: string | null;
  /** the delegate who must order (delegation route) */
  delegateUserId: string | null;
  approvals: readonly { slot: ApprovalSlot; userId: string }[];
  approvalExpiresAt: Date | null;
}

export interface ActionFacts {
  now: Date;
  /** rules of the request as evaluated now */
  rules: readonly RuleResult[];
}

export type DecisionCode =
  | 'FORBIDDEN'
  | 'SPENDING_WRONG_STATE'
  | 'SPENDING_NOT_REQUESTER'
  | 'SPENDING_REQUESTER_CANNOT_ACT'
  | 'SPENDING_NOT_THE_DELEGATE'
  | 'SPENDING_AWAITS_ORDER'
  | 'SPENDING_ALREADY_APPROVED_BY_YOU'
  | 'SPENDING_ORDERER_CANNOT_APPROVE'
  | 'SPENDING_NO_APPROVAL_ROLE'
  | 'SPENDING_APPROVAL_EXPIRED'
  | NonNullable<RuleResult['code']>;

export type Decision =
  | { ok: true; slot?: ApprovalSlot; final?: boolean }
  | { ok: false; code: DecisionCode; params?: Record<string, string> };

type Who = Actor | SystemActor;
const yes = (extra: { slot?: ApprovalSlot; final?: boolean } = {}): Decision => ({ ok: true, ...extra });
const no = (code: DecisionCode, params?: Record<string, string>): Decision => (params ? { ok: false, code, params } : { ok: false, code });
const userOf = (a: Who) => (a.kind === 'staff' ? a.userId : null);
const wrongState = (r: RequestState) => no('SPENDING_WRONG_STATE', { statusFa: spendingStatusLabels[r.status].fa, statusEn: spendingStatusLabels[r.status].en });

function firstBlocking(facts: ActionFacts, stages: RuleResult['stage'][]): Decision | null {
  const b = facts.rules.find((r) => !r.ok && stages.includes(r.stage));
  return b ? no(b.code!, { reasonFa: b.reasonFa, reasonEn: b.reasonEn }) : null;
}

function requesterAction(actor: Who, r: RequestState, statuses: SpendingStatus[]): Decision | null {
  if (!statuses.includes(r.status)) return wrongState(r);
  if (userOf(actor) !== r.requestedBy) return no('SPENDING_NOT_REQUESTER');
  if (!holdsAt(actor, 'spending.request', r.unitPath)) return no('FORBIDDEN');
  return null;
}

export function canEdit(actor: Who, r: RequestState): Decision {
  return requesterAction(actor, r, ['draft']) ?? yes();
}

export function canSubmit(actor: Who, r: RequestState, facts: ActionFacts): Decision {
  return requesterAction(actor, r, ['draft']) ?? firstBlocking(facts, ['submit']) ?? yes();
}

export function canCancel(actor: Who, r: RequestState): Decision {
  return requesterAction(actor, r, ['draft', 'submitted', 'ordered', 'approved']) ?? yes();
}

export function canOrder(actor: Who, r: RequestState, facts: ActionFacts): Decision {
  if (r.authority !== 'delegation' || r.status !== 'submitted') return wrongState(r);
  if (userOf(actor) === r.requestedBy) return no('SPENDING_REQUESTER_CANNOT_ACT');
  if (userOf(actor) !== r.delegateUserId) return no('SPENDING_NOT_THE_DELEGATE');
  if (!holdsAt(actor, 'spending.order', r.unitPath)) return no('FORBIDDEN');
  return firstBlocking(facts, ['submit']) ?? yes();
}

/** The approval slot the actor would fill, and whether it is the last one (then money is reserved). */
export function canApprove(actor: Who, r: RequestState, facts: ActionFacts): Decision {
  if (!r.authority) return wrongState(r);
  if (r.authority === 'delegation' && r.status === 'submitted') return no('SPENDING_AWAITS_ORDER');
  if (r.status !== (r.authority === 'delegation' ? 'ordered' : 'submitted')) return wrongState(r);
  const me = userOf(actor);
  if (me === r.requestedBy) return no('SPENDING_REQUESTER_CANNOT_ACT');
  if (me !== null && me === r.orderedBy) return no('SPENDING_ORDERER_CANNOT_APPROVE');
  if (me !== null && r.approvals.some((a) => a.userId === me)) return no('SPENDING_ALREADY_APPROVED_BY_YOU');
  const open = requiredSlots(r.authority).filter((s) => !r.approvals.some((a) => a.slot === s));
  const slot = open.find((s) => holdsAt(actor, slotPermission[s], r.unitPath));
  if (!slot) return no('SPENDING_NO_APPROVAL_ROLE', { slots: open.join(',') });
  const final = open.length === 1;
  // the last approval reserves the money: every rule must hold then
  return firstBlocking(facts, final ? ['submit', 'approve'] : ['submit']) ?? yes({ slot, final });
}

export function canReject(actor: Who, r: RequestState): Decision {
  if (r.status !== 'submitted' && r.status !== 'ordered') return wrongState(r);
  const me = userOf(actor);
  if (me === r.requestedBy) return no('SPENDING_REQUESTER_CANNOT_ACT');
  if (r.authority === 'delegation' && r.status === 'submitted' && me === r.delegateUserId) return yes();
  if (me !== null && (me === r.orderedBy || r.approvals.some((a) => a.userId === me))) return no('SPENDING_ALREADY_APPROVED_BY_YOU');
  const open = requiredSlots(r.authority ?? 'specific').filter((s) => !r.approvals.some((a) => a.slot === s));
  if (!open.some((s) => holdsAt(actor, slotPermission[s], r.unitPath))) return no('FORBIDDEN');
  return yes();
}

export function canPay(actor: Who, r: RequestState, facts: Pick<ActionFacts, 'now'>): Decision {
  if (r.status !== 'approved') return wrongState(r);
  if (userOf(actor) === r.requestedBy) return no('SPENDING_REQUESTER_CANNOT_ACT');
  if (!holdsAt(actor, 'spending.pay', r.unitPath)) return no('FORBIDDEN');
  if (r.approvalExpiresAt && facts.now >= r.approvalExpiresAt) return no('SPENDING_APPROVAL_EXPIRED');
  return yes();
}

/** Every action with the actor's answer: the web app shows enabled buttons and why the others are not. */
export function actionsFor(actor: Who, r: RequestState, facts: ActionFacts): { action: SpendingAction; decision: Decision }[] {
  const all: [SpendingAction, Decision][] = [
    ['edit', canEdit(actor, r)],
    ['submit', canSubmit(actor, r, facts)],
    ['order', canOrder(actor, r, facts)],
    ['approve', canApprove(actor, r, facts)],
    ['reject', canReject(actor, r)],
    ['cancel', canCancel(actor, r)],
    ['pay', canPay(actor, r, facts)],
  ];
  return all.map(([action, decision]) => ({ action, decision }));
}

/** What the actor can do next, in order. */
export function nextActions(actor: Who, r: RequestState, facts: ActionFacts): SpendingAction[] {
  return actionsFor(actor, r, facts).filter((a) => a.decision.ok).map((a) => a.action);
}
