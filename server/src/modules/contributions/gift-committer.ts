import type { Pool } from '../../db/pool.ts';
import { runIdempotentOp, type IdempotentRequest, type IdempotentResult } from '../../http/idempotency.ts';
import { isAppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { intentKey } from '../ledger/funds.ts';
import { postingTargetRows } from '../ledger/posting-targets.ts';
import type { ContributionDto } from './contributions.schemas.ts';
import type { ReceiptAllocator } from './receipt-allocator.ts';
import {
  checkGift, giftAuditSummary, giftDescription, giftDto, giftIdentity, newGiftRecord, recordCashContribution,
  type GiftRecord, type RecordCashContributionInput,
} from './record-cash-contribution.ts';

/*
 * Group commit for gifts recorded one request at a time (POST /api/contributions during a campaign).
 *
 * Requests that arrive while earlier ones are being written wait a moment and are then written
 * together: the units and funds they name come from memory (read once, for all of a group's
 * unknown ones in one query; a unit is checked again as it is written), and ONE
 * statement that claims their Idempotency-Keys, inserts their gifts, journals, lines and audit rows
 * and applies the summed balance deltas — one transaction, one WAL flush, one update of each
 * balance row for the whole group instead of one per gift. A hot fund therefore costs no more
 * than a spread of funds, and the commit cost is shared.
 *
 * Gifts from the payment gateway come the same way once their payment is verified: the statement
 * then claims the payment (pending → verified, with the contribution's id) instead of a key.
 *
 * Each gift keeps every rule of the one-at-a-time path (`recordCashContribution`, whose checks it
 * shares): scope, unit status, amount, reference, date, a reference counts once, a key answers
 * once. Anything out of the ordinary — a named donor, a place, a fund not created yet, a key or
 * reference repeated within the group, a key already used — goes through the one-at-a-time path,
 * and so does every gift of a group whose statement fails (a concurrent gift took a reference, a
 * deadlock was broken): the statement is atomic, so nothing of the group was written.
 */

/** A verified gateway payment to credit: claimed by moving it to verified, once. */
export interface PaymentCredit {
  paymentId: string;
  refId: string;
  cardPan: string | null;
  code: number | null;
  /** for its audit row */
  summary: Record<string, unknown>;
}

type Answer = IdempotentResult<ContributionDto | null>;

interface Pending {
  ctx: OpContext;
  input: RecordCashContributionInput;
  /** a staff gift is claimed by its Idempotency-Key, a gateway gift by its payment */
  idem: IdempotentRequest | null;
  payment: PaymentCredit | null;
  /** the one-at-a-time path for this gift */
  alone: () => Promise<Answer>;
  resolve: (r: Answer) => void;
  reject: (err: unknown) => void;
}

/** What a gift needs to know of its unit; remembered, and checked again by the statement that writes. */
interface UnitInfo { id: string; name: string; code: string; path: string[]; status: 'active' | 'retired'; provinceId: string; centralId: string | null }

/** Refusals that depend on what is known of the unit. */
const unitErrors = new Set(['ORG_UNIT_NOT_FOUND', 'FORBIDDEN', 'CONTRIBUTION_UNIT_RETIRED']);
type FundInfo = ContributionDto['fund'];


export interface GiftCommitterStats {
  groups: number; grouped: number; alone: number; fallbacks: number; largest: number;
  /** milliseconds spent reading for groups, numbering receipts, and writing groups (summed over groups) */
  readMs: number; receiptMs: number; writeMs: number;
}

export class GiftCommitter {
  private queue: Pending[] = [];
  // Units and funds as last read. A fund never changes once made; a unit can be retired or moved,
  // so the writing statement claims a gift only while its unit is still active at the same path
  // (the gift then goes one at a time, and the unit is read again next time).
  private units = new Map<string, UnitInfo>();
  private funds = new Map<string, FundInfo>();
  private inFlight = 0;
  private scheduled = false;
  readonly stats: GiftCommitterStats = { groups: 0, grouped: 0, alone: 0, fallbacks: 0, largest: 0, readMs: 0, receiptMs: 0, writeMs: 0 };

  constructor(
    private readonly pool: Pool,
    private readonly receipts: ReceiptAllocator,
    /** groups written at once (each on its own connection) and the largest group */
    private readonly opts: { parallel: number; maxGroup: number } = { parallel: 2, maxGroup: 200 },
  ) {}

  /** Records a gift under its Idempotency-Key: the answer it gets is the one a replay gets. */
  record(ctx: OpContext, input: RecordCashContributionInput, idem: IdempotentRequest): Promise<IdempotentResult<ContributionDto>> {
    const alone = () => runIdempotentOp(this.pool, idem, async (tx) => ({ status: 201, body: await recordCashContribution(tx, ctx, input, { receipts: this.receipts }) }));
    if (input.donorId || input.placeUnitId || input.batchId) {
      this.stats.alone++;
      return alone();
    }
    return this.enqueue({ ctx, input, idem, payment: null, alone }) as Promise<IdempotentResult<ContributionDto>>;
  }

  /**
   * Credits a payment the gateway has verified as paid, unless it is credited already (then null).
   * `alone` is the one-at-a-time way of doing the same, for when the group cannot.
   */
  async creditPayment(ctx: OpContext, input: RecordCashContributionInput, payment: PaymentCredit, alone: () => Promise<ContributionDto | null>): Promise<ContributionDto | null> {
    const r = await this.enqueue({ ctx, input, idem: null, payment, alone: async () => ({ status: 201, body: await alone(), replayed: false }) });
    return r.body;
  }

  private enqueue(item: Omit<Pending, 'resolve' | 'reject'>): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...item, resolve, reject });
      // requests read in the same turn of the event loop join one group
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private settleAlone(p: Pending): Promise<void> {
    this.stats.alone++;
    return p.alone().then(p.resolve, p.reject);
  }

  private pump(): void {
    while (this.inFlight < this.opts.parallel && this.queue.length) {
      const group = this.queue.splice(0, this.opts.maxGroup);
      this.inFlight++;
      void this.commitGroup(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    const after: Pending[] = []; // repeats a key or reference of an earlier gift of the group: once the group is written
    const open = new Set(group); // not answered yet, nor handed to another path
    const members: { p: Pending; unit: UnitInfo; g: GiftRecord }[] = [];
    try {
      let t0 = performance.now();
      const ids = group.map((p) => giftIdentity(p.input));
      const fundKeys = group.map((p, i) => `${p.input.unitId}|${intentKey(ids[i]!.intent)}`);
      const unknown = group.map((_, i) => i).filter((i) => !this.units.has(group[i]!.input.unitId) || !this.funds.has(fundKeys[i]!));
      const readNow = new Set(unknown.map((i) => group[i]!.input.unitId));
      if (unknown.length) await this.lookUp(unknown.map((i) => group[i]!.input.unitId), unknown.map((i) => intentKey(ids[i]!.intent)));
      this.stats.readMs += performance.now() - t0;
      const now = new Date();
      const ready: { p: Pending; unit: UnitInfo; fund: FundInfo; channelRef: string | null; receivedAt: Date }[] = [];
      const keys = new Set<string>();
      const refs = new Set<string>();
      for (let i = 0; i < group.length; i++) {
        const p = group[i]!;
        const unit = this.units.get(p.input.unitId);
        const fund = this.funds.get(fundKeys[i]!);
        const { channelRef } = ids[i]!;
        let receivedAt: Date;
        try {
          receivedAt = checkGift(p.ctx, unit, p.input, channelRef, now);
        } catch (err) {
          open.delete(p);
          if (unit && !readNow.has(unit.id) && isAppError(err) && unitErrors.has(err.code)) {
            // refused for what was remembered of the unit (it may have moved or been retired since):
            // the one-at-a-time path reads it afresh and answers
            this.units.delete(unit.id);
            void this.settleAlone(p);
          } else p.reject(err);
          continue;
        }
        const key = p.idem ? `${p.idem.scope}\u0000${p.idem.key}` : `payment\u0000${p.payment!.paymentId}`;
        const ref = channelRef === null ? null : `${p.input.channel}\u0000${channelRef}`;
        if (keys.has(key) || (ref !== null && refs.has(ref))) {
          open.delete(p);
          after.push(p);
          continue;
        }
        keys.add(key);
        if (ref !== null) refs.add(ref);
        if (!unit || !fund || !unit.centralId) {
          // the first gift of an intent at a unit creates its fund (and a province's first, its central account): one at a time
          open.delete(p);
          void this.settleAlone(p);
          continue;
        }
        ready.push({ p, unit, fund, channelRef, receivedAt });
      }
      // receipt numbers: from blocks in memory, now and then a new block (all provinces at once)
      t0 = performance.now();
      members.push(...await Promise.all(ready.map(async ({ p, unit, fund, channelRef, receivedAt }) => ({
        p, unit,
        g: await newGiftRecord(p.ctx, { unit, provinceId: unit.provinceId, donorId: null, donorName: null, fund, input: p.input, channelRef, receivedAt },
          (province, fy) => this.receipts.next(province, fy)),
      }))));
      this.stats.receiptMs += performance.now() - t0;
      t0 = performance.now();
      if (members.length) await this.write(members, open, after);
      this.stats.writeMs += performance.now() - t0;
    } catch (err) {
      // nothing of the group was written (one statement): each gift still waiting gets the one-at-a-time path
      this.stats.fallbacks++;
      if (!isExpectedConflict(err)) console.error('gift group fell back to one at a time:', (err as Error).message);
      await Promise.all([...open].map((p) => this.settleAlone(p)));
    }
    await Promise.all(after.map((p) => this.settleAlone(p)));
  }

  /** Reads units and funds not remembered yet (one query) and remembers those that exist. */
  private async lookUp(unitIds: string[], intentKeys: string[]): Promise<void> {
    const rows = await postingTargetRows(this.pool, unitIds, intentKeys);
    if (this.funds.size > 200_000) this.funds.clear();
    for (const t of rows) {
      if (t.id && t.province_id) {
        this.units.set(t.id, { id: t.id, name: t.name, code: t.code, path: t.path, status: t.status, provinceId: t.province_id, centralId: t.central_id });
      }
      if (t.fund_id) this.funds.set(`${t.unit_id}|${t.intent_key}`, { id: t.fund_id, kind: t.fund_kind, name: t.fund_name, purposeCode: t.purpose_code, targetGroupCode: t.target_group_code });
    }
  }

  private async write(members: { p: Pending; unit: UnitInfo; g: GiftRecord }[], open: Set<Pending>, after: Pending[]): Promise<void> {
    // the answers (no bigints: amounts are strings), stored with the keys; the journal id is
    // filled in by the statement that takes it
    const answers = members.map(({ p, g }) => giftDto(p.ctx, g, '0'));
    const data = members.map(({ p, unit, g }, n) => {
      const actor = p.ctx.actor;
      return {
        n, scope: p.idem?.scope ?? null, key: p.idem?.key ?? null, hash: p.idem?.hash.toString('hex') ?? null,
        payment_id: p.payment?.paymentId ?? null, pay_ref: p.payment?.refId ?? null, card_pan: p.payment?.cardPan ?? null, pay_code: p.payment?.code ?? null,
        pay_summary: p.payment ? { ...p.payment.summary, contributionId: g.id, receiptNo: g.receiptNo } : null,
        id: g.id, unit_id: g.unit.id, path: `{${unit.path.join(',')}}`, province_id: g.provinceId, central_id: unit.centralId, fund_id: g.fund.id,
        amount: g.input.amountRials.toString(), channel: g.input.channel, ref: g.channelRef, received_at: g.receivedAt.toISOString(),
        fy: g.fiscalYear, fm: g.fiscalMonth, receipt_no: g.receiptNo, receipt_code: g.receiptCode, notes: g.notes,
        recorded_by: actor.kind === 'staff' ? actor.userId : null, actor_name: actor.kind === 'staff' ? actor.username : actor.name,
        created_at: g.createdAt.toISOString(), description: giftDescription(g.fund.name), request_id: p.ctx.requestId, ip: p.ctx.ip,
        response: answers[n], summary: giftAuditSummary(g, '0'),
      };
    });
    // A gift is claimed (its key inserted, or its payment moved to verified) only while its unit is
    // still active where it was and its reference is not recorded yet. Keys, then references, then
    // balances: every group takes its locks in the same order, so two groups (or a group and a
    // single gift) wait for each other rather than deadlock; a reference taken by a gift not yet
    // committed fails the statement, and the group goes one at a time.
    const { rows } = await this.pool.query<{ n: number; jid: string; claimed: boolean }>(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
           n int, scope text, key text, hash text, id uuid, unit_id uuid, path uuid[], province_id uuid, central_id uuid, fund_id uuid, amount bigint,
           channel text, ref text, received_at timestamptz, fy smallint, fm smallint, receipt_no text, receipt_code text, notes text,
           recorded_by uuid, actor_name text, created_at timestamptz, description text, request_id text, ip inet, response jsonb, summary jsonb,
           payment_id uuid, pay_ref text, card_pan text, pay_code int, pay_summary jsonb)
       ), ids AS MATERIALIZED (
         SELECT x.n, nextval(pg_get_serial_sequence('journal', 'id')) AS jid FROM x
       ), k AS (
         INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body)
         SELECT x.scope, x.key, decode(x.hash, 'hex'), 201, jsonb_set(x.response, '{journalId}', to_jsonb(ids.jid::text))
           FROM x JOIN ids USING (n) JOIN org_unit u ON u.id = x.unit_id AND u.status = 'active' AND u.path = x.path
          WHERE x.key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contribution d WHERE d.channel = x.channel AND d.channel_ref = x.ref)
          ORDER BY x.scope, x.key
         ON CONFLICT DO NOTHING RETURNING scope, key
       ), pc AS (
         UPDATE payment p SET status = 'verified', ref_id = x.pay_ref, card_pan = x.card_pan, contribution_id = x.id, last_code = x.pay_code,
                checks = p.checks + 1, last_checked_at = now(), closed_at = now()
           FROM x JOIN org_unit u ON u.id = x.unit_id AND u.status = 'active' AND u.path = x.path
          WHERE x.payment_id IS NOT NULL AND p.id = x.payment_id AND p.status <> 'verified'
            AND NOT EXISTS (SELECT 1 FROM contribution d WHERE d.channel = x.channel AND d.channel_ref = x.ref)
         RETURNING p.id
       ), claimed AS (
         SELECT x.n FROM x JOIN k ON k.scope = x.scope AND k.key = x.key
         UNION ALL
         SELECT x.n FROM x JOIN pc ON pc.id = x.payment_id
       ), c AS (
         INSERT INTO contribution (id, unit_id, province_unit_id, fund_id, amount_rials, channel, channel_ref, received_at, fiscal_year, fiscal_month,
                                   journal_id, receipt_no, receipt_code, notes, recorded_by, created_at)
         SELECT x.id, x.unit_id, x.province_id, x.fund_id, x.amount, x.channel, x.ref, x.received_at, x.fy, x.fm,
                ids.jid, x.receipt_no, x.receipt_code, x.notes, x.recorded_by, x.created_at
           FROM x JOIN ids USING (n) JOIN claimed USING (n) ORDER BY x.channel, x.ref
         RETURNING id
       ), g AS (
         SELECT x.*, ids.jid FROM c JOIN x ON x.id = c.id JOIN ids USING (n)
       ), j AS (
         INSERT INTO journal (id, kind, unit_id, occurred_at, fiscal_year, fiscal_month, description, created_by, request_id)
         OVERRIDING SYSTEM VALUE
         SELECT jid, 'contribution', unit_id, received_at, fy, fm, description, recorded_by, request_id FROM g
       ), l AS (
         INSERT INTO journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at)
         SELECT jid, 1, central_id, fund_id, amount, received_at FROM g
         UNION ALL
         SELECT jid, 2, fund_id, fund_id, -amount, received_at FROM g
       ), a AS (
         INSERT INTO audit_log (actor_id, actor_name, unit_id, action, entity_type, entity_id, summary, request_id, ip)
         SELECT recorded_by, actor_name, unit_id, 'contribution.record', 'contribution', id::text, jsonb_set(summary, '{journalId}', to_jsonb(jid::text)), request_id, ip
           FROM g
         UNION ALL
         SELECT recorded_by, actor_name, unit_id, 'payment.verified', 'payment', payment_id::text, pay_summary, request_id, ip
           FROM g WHERE payment_id IS NOT NULL
       ), b AS (
         SELECT ledger_apply_deltas(array_agg(d.a), array_agg(d.f), array_agg(d.m)) AS done
           FROM (SELECT central_id AS a, fund_id AS f, amount AS m FROM g UNION ALL SELECT fund_id, fund_id, -amount FROM g) d
       )
       SELECT x.n, ids.jid::text AS jid, EXISTS (SELECT 1 FROM claimed WHERE claimed.n = x.n) AS claimed
         FROM x JOIN ids USING (n) CROSS JOIN b
        ORDER BY x.n`,
      [JSON.stringify(data)]);
    this.stats.groups++;
    this.stats.largest = Math.max(this.stats.largest, members.length);
    for (const r of rows) {
      const { p } = members[r.n]!;
      open.delete(p);
      if (!r.claimed) {
        // A key used before (a retry: replayed, or another body refused), a reference recorded
        // before (refused), a payment verified meanwhile (nothing more to credit), or a unit
        // retired or moved since it was read: the one-at-a-time path answers, and the unit is read
        // again next time.
        this.units.delete(p.input.unitId);
        after.push(p);
        continue;
      }
      this.stats.grouped++;
      const body = answers[r.n]!;
      body.journalId = r.jid;
      p.resolve({ status: 201, body, replayed: false });
    }
  }
}

/** A group meeting a concurrent gift's reference or a broken deadlock: expected now and then, not logged. */
function isExpectedConflict(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '23505' || code === '40P01' || code === '40001';
}
