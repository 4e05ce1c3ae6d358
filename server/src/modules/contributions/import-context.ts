import { fiscalPeriod } from '@mosharekat/fa';
import type { Client, Pool, Queryable } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';
import { ensureCustodyAccount, provinceOnPath } from '../ledger/accounts.ts';
import { intentKey, resolveFund } from '../ledger/funds.ts';
import { formatReceiptNo, nextReceiptSerial } from './receipt-number.ts';
import type { ReceiptAllocator } from './receipt-allocator.ts';

// What a settlement-file import looks up once rather than once per row or per batch: units and
// the actor's right to record at them, purposes, funds, central accounts, fiscal periods; and the
// posting accounts and receipt numbers of a batch's gifts.

/** A validated gift's unit and intent: what its accounts and receipt number depend on. */
export interface GiftTarget { unit: UnitInfo; purpose: string; targetGroup: string | null }

export interface UnitInfo { id: string; path: string[]; status: string; provinceId: string }

/** Missing funds and accounts are created a few dozen per transaction, a few transactions at a time. */
const CREATE_PER_TX = 50;
const CREATE_PARALLEL = 4;

/** Per-import caches: units, central accounts, funds and fiscal periods are looked up once. */
export class ImportContext {
  units = new Map<string, UnitInfo>();
  purposes = new Set<string>();
  targetGroups = new Set<string>();
  /** `${unitId}|${intentKey}` → fund id; `provinceId` → central account id. Only committed rows. */
  funds = new Map<string, string>();
  centrals = new Map<string, string>();
  /** receipt serial ranges come from their own connection, so parallel batches never queue on a counter row */
  receipts: ReceiptAllocator | null = null;
  private periods = new Map<number, { fiscalYear: number; fiscalMonth: number }>();
  private permitted = new Map<string, boolean>();
  private permittedFor: Actor | SystemActor | null = null;
  /** creations under way, shared by parallel batches so that each fund is made once */
  private creating = new Map<string, Promise<unknown>>();

  /** `pool` creates missing funds and accounts outside the batches' transactions (parallel batches all see them). */
  private constructor(readonly pool: Pool) {}

  static async load(pool: Pool): Promise<ImportContext> {
    const c = new ImportContext(pool);
    const { rows } = await pool.query<{ id: string; code: string; path: string[]; status: string; province_id: string }>(
      `SELECT u.id, u.code, u.path, u.status, ${provinceOnPath('u.path')} AS province_id FROM org_unit u`);
    for (const r of rows) c.units.set(r.code, { id: r.id, path: r.path, status: r.status, provinceId: r.province_id });
    for (const r of (await pool.query<{ code: string }>('SELECT code FROM purpose WHERE active')).rows) c.purposes.add(r.code);
    for (const r of (await pool.query<{ code: string }>('SELECT code FROM target_group')).rows) c.targetGroups.add(r.code);
    return c;
  }

  /** Tehran's offset is a multiple of 30 minutes, so every instant of a 30-minute slot shares a day. */
  period(at: Date) {
    const slot = Math.floor(at.getTime() / 1_800_000);
    let p = this.periods.get(slot);
    if (!p) {
      p = fiscalPeriod(at);
      this.periods.set(slot, p);
    }
    return p;
  }

  /** Whether the actor may record gifts at the unit (asked once per unit, not once per row). */
  mayRecord(actor: Actor | SystemActor, unit: UnitInfo): boolean {
    if (this.permittedFor !== actor) {
      this.permitted.clear();
      this.permittedFor = actor;
    }
    let ok = this.permitted.get(unit.id);
    if (ok === undefined) this.permitted.set(unit.id, (ok = holdsAt(actor, 'contributions.record', unit.path)));
    return ok;
  }

  /**
   * Creates (or finds) missing funds or central accounts in short transactions of their own,
   * committed at once, so parallel batches all see them and none holds a creation lock while
   * waiting for another: a few dozen per transaction, in one order (creation locks are taken in
   * that order), a few transactions at a time. A key a parallel batch is creating is waited for.
   */
  async create(into: Map<string, string>, wanted: [string, (tx: Client) => Promise<string>][]): Promise<void> {
    const kind = into === this.funds ? 'fund' : 'central';
    const waits: Promise<unknown>[] = [];
    const todo: { k: string; key: string; make: (tx: Client) => Promise<string> }[] = [];
    const listed = new Set<string>();
    for (const [key, make] of wanted) {
      const k = `${kind}:${key}`;
      const pending = this.creating.get(k);
      if (pending) waits.push(pending);
      else if (!into.has(key) && !listed.has(k)) {
        listed.add(k);
        todo.push({ k, key, make });
      }
    }
    todo.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const chunks: (typeof todo)[] = [];
    for (let i = 0; i < todo.length; i += CREATE_PER_TX) chunks.push(todo.slice(i, i + CREATE_PER_TX));
    const runs = chunks.map((chunk) => {
      let start!: () => void;
      const done = new Promise<void>((resolve) => { start = resolve; })
        .then(() => withTx(this.pool, async (tx) => {
          const ids: string[] = [];
          for (const t of chunk) ids.push(await t.make(tx));
          return ids;
        }))
        .then((ids) => chunk.forEach((t, i) => into.set(t.key, ids[i]!)))
        .finally(() => chunk.forEach((t) => this.creating.delete(t.k)));
      done.catch(() => {}); // reported below, or by the batch waiting for it
      for (const t of chunk) this.creating.set(t.k, done);
      return { start, done };
    });
    // every chunk is started even after a failure, so no parallel batch waits forever on one
    let failure: unknown = null;
    await eachLimited(runs, CREATE_PARALLEL, async (r) => {
      r.start();
      await r.done.catch((err: unknown) => { failure ??= err; });
    });
    if (failure) throw failure;
    await Promise.all(waits);
  }
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The fund (of the gift's intent at its unit) and the central account (of its province) of every
 * gift: from the import's cache, else in one query for the batch, else created — each in a short
 * transaction of its own, committed at once, so parallel batches all see it and none holds its
 * creation lock while waiting for another.
 */
export async function postingAccounts(tx: Queryable, c: ImportContext, gifts: GiftTarget[]): Promise<{ fundIds: string[]; centralIds: string[] }> {
  const keys = gifts.map((v) => `${v.unit.id}|${intentKey({ purposeCode: v.purpose, targetGroupCode: v.targetGroup })}`);
  const missing = new Map<string, GiftTarget>();
  keys.forEach((k, i) => { if (!c.funds.has(k) && !missing.has(k)) missing.set(k, gifts[i]!); });
  if (missing.size) {
    const list = [...missing.values()];
    const { rows } = await tx.query<{ id: string; unit_id: string; intent_key: string }>(
      'SELECT f.id, f.unit_id, f.intent_key FROM fund f JOIN unnest($1::uuid[], $2::text[]) AS k(unit_id, intent_key) USING (unit_id, intent_key)',
      [list.map((v) => v.unit.id), list.map((v) => intentKey({ purposeCode: v.purpose, targetGroupCode: v.targetGroup }))]);
    for (const r of rows) c.funds.set(`${r.unit_id}|${r.intent_key}`, r.id);
    await c.create(c.funds, [...missing].filter(([k]) => !c.funds.has(k)).map(([k, v]) =>
      [k, async (t: Client) => (await resolveFund(t, v.unit.id, { purposeCode: v.purpose, targetGroupCode: v.targetGroup })).id]));
  }
  const provinces = [...new Set(gifts.map((v) => v.unit.provinceId))].filter((p) => !c.centrals.has(p));
  if (provinces.length) await c.create(c.centrals, provinces.map((p) => [p, (t: Client) => ensureCustodyAccount(t, p, 'central')]));
  return { fundIds: keys.map((k) => c.funds.get(k)!), centralIds: gifts.map((v) => c.centrals.get(v.unit.provinceId)!) };
}

/** Receipt numbers of the gifts, in their order: one serial range per province and fiscal year. */
export async function receiptNumbers(tx: Queryable, c: ImportContext, gifts: GiftTarget[], periods: { fiscalYear: number; fiscalMonth: number }[]): Promise<string[]> {
  const counts = new Map<string, number>();
  gifts.forEach((v, i) => {
    const k = `${v.unit.provinceId}|${periods[i]!.fiscalYear}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const next = new Map<string, bigint>();
  for (const [k, n] of [...counts.entries()].sort()) {
    const [province, fy] = k.split('|');
    next.set(k, c.receipts ? await c.receipts.reserveRange(province!, Number(fy), n) : await nextReceiptSerial(tx, province!, Number(fy), n));
  }
  return gifts.map((v, i) => {
    const p = periods[i]!;
    const k = `${v.unit.provinceId}|${p.fiscalYear}`;
    const serial = next.get(k)!;
    next.set(k, serial + 1n);
    return formatReceiptNo(p.fiscalYear, p.fiscalMonth, serial);
  });
}
