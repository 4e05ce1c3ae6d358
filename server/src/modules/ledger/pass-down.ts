import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, OpContext, SystemActor } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { ensureCustodyAccount, provinceOf } from './accounts.ts';
import { loadFund } from './funds.ts';
import { postJournal, type Line } from './post-journal.ts';
import { receivedAtFromJalali } from '../contributions/received-at.ts';

export interface PassDownInput {
  countyUnitId: string;
  documentNo: string;
  /** Jalali day of the financial document; today when absent */
  documentDate?: string | undefined;
  items: { fundId: string; amountRials: bigint }[];
}

/**
 * The province hands a county its money (seed §5: «بر اساس اسناد مالی … عیناً در اختیار بهزیستی
 * شهرستان‌ها قرار دهند»): custody moves from the province's central account to the county's
 * spending account, fund by fund; the earmark does not change.
 */
export async function passDown(tx: Queryable, ctx: OpContext, input: PassDownInput) {
  const county = await loadOrgUnit(tx, ctx.actor, input.countyUnitId, 'org.read');
  if (county.kind !== 'county') throw new AppError('LEDGER_NOT_A_COUNTY', { field: 'countyUnitId' });
  const province = await provinceOf(tx, county.id);
  await loadOrgUnit(tx, ctx.actor, province.id, 'ledger.transfer');
  const central = await ensureCustodyAccount(tx, province.id, 'central');
  const spending = await ensureCustodyAccount(tx, county.id, 'spending');
  const lines: Line[] = [];
  let total = 0n;
  for (const [i, item] of input.items.entries()) {
    const fund = await loadFund(tx, item.fundId);
    if (!fund.unit_path.includes(county.id)) throw new AppError('LEDGER_FUND_NOT_OF_COUNTY', { field: `items.${i}.fundId` });
    if (item.amountRials <= 0n) throw new AppError('FIELD_AMOUNT', { field: `items.${i}.amountRials` });
    lines.push({ accountId: spending, fundId: fund.id, amount: item.amountRials }, { accountId: central, fundId: fund.id, amount: -item.amountRials });
    total += item.amountRials;
  }
  const occurredAt = input.documentDate ? receivedAtFromJalali(input.documentDate, new Date(), 'documentDate') : new Date();
  const journalId = await postJournal(tx, ctx, {
    kind: 'pass_down', unitId: province.id, occurredAt, documentNo: input.documentNo, lines,
    description: `انتقال به ${county.name} — سند ${input.documentNo}`,
  });
  let id: string;
  try {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO pass_down (province_unit_id, county_unit_id, journal_id, document_no, total_rials, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [province.id, county.id, journalId, input.documentNo, total, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
    id = rows[0]!.id;
  } catch (err) {
    if ((err as DatabaseError).code === '23505') throw new AppError('LEDGER_DOCUMENT_TAKEN', { field: 'documentNo' });
    throw err;
  }
  await writeAudit(tx, ctx, { action: 'ledger.pass_down', entityType: 'pass_down', entityId: id, unitId: county.id, summary: { documentNo: input.documentNo, totalRials: total, journalId, items: input.items } });
  return { id, journalId: journalId.toString(), provinceUnitId: province.id, countyUnitId: county.id, documentNo: input.documentNo, totalRials: total.toString() };
}

/**
 * What a province still holds for its counties, per county and fund, and since when: the oldest
 * credit to the central account not yet covered by what has been handed on (first in, first out).
 */
export async function pendingPassDowns(db: Queryable, actor: Actor | SystemActor, provinceUnitId: string) {
  const province = await loadOrgUnit(db, actor, provinceUnitId, 'ledger.read');
  const { rows: acc } = await db.query<{ id: string }>(`SELECT id FROM custody_account WHERE unit_id = $1 AND kind = 'central'`, [province.id]);
  if (!acc[0]) return { province: { id: province.id, name: province.name }, items: [], totalRials: '0' };
  const { rows } = await db.query<{ county_id: string; county_name: string; fund_id: string; fund_name: string; fund_kind: 'general' | 'specific'; fund_unit_name: string; held: bigint; since: Date | null }>(
    `WITH held AS (
       SELECT cu.id AS county_id, cu.name AS county_name, f.id AS fund_id, f.name AS fund_name, f.kind AS fund_kind, fu.name AS fund_unit_name, b.amount AS held
         FROM ledger_balance b
         JOIN fund f ON f.id = b.fund_id
         JOIN org_unit fu ON fu.id = f.unit_id
         JOIN org_unit cu ON cu.id = ANY(fu.path) AND cu.kind = 'county'
        WHERE b.account_id = $1 AND b.amount > 0
     ), credits AS (
       SELECT l.fund_id, l.occurred_at,
              sum(l.amount) OVER (PARTITION BY l.fund_id ORDER BY l.occurred_at DESC, l.journal_id DESC) AS cum
         FROM journal_line l WHERE l.account_id = $1 AND l.amount > 0 AND l.fund_id IN (SELECT fund_id FROM held)
     )
     SELECT h.*, (SELECT c.occurred_at FROM credits c WHERE c.fund_id = h.fund_id AND c.cum >= h.held ORDER BY c.cum LIMIT 1) AS since
       FROM held h ORDER BY since NULLS LAST, h.county_name, h.fund_name`,
    [acc[0].id],
  );
  const total = rows.reduce((s, r) => s + r.held, 0n);
  return {
    province: { id: province.id, name: province.name },
    totalRials: total.toString(),
    items: rows.map((r) => ({
      countyUnitId: r.county_id, countyName: r.county_name, fundId: r.fund_id, fundName: r.fund_name, fundKind: r.fund_kind, fundUnitName: r.fund_unit_name,
      heldRials: r.held.toString(), since: r.since?.toISOString() ?? null,
      heldDays: r.since ? Math.floor((Date.now() - r.since.getTime()) / 86_400_000) : null,
    })),
  };
}
