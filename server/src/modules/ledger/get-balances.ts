import { jalaliDayRange } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';

export interface BalancesInput {
  unitId: string;
  /** include every unit below, with a row per child subtree */
  rollup: boolean;
  /** Jalali day: balances at the end of that day (Tehran); absent: now */
  asOf?: string | undefined;
}

function endOfDay(day: string | undefined): Date | null {
  if (!day) return null;
  try {
    return jalaliDayRange(day, day)[1];
  } catch {
    throw new AppError('FIELD_DATE', { field: 'asOf' });
  }
}

/**
 * Fund balances (who owns the money) and custody balances (who holds it) of a unit, or of its whole
 * subtree rolled up county → province → HQ. Current figures come from the cached balances; an
 * as-of date sums the journal lines up to the end of that day.
 */
export async function getBalances(db: Queryable, actor: Actor | SystemActor, input: BalancesInput) {
  const unit = await loadOrgUnit(db, actor, input.unitId, 'ledger.read');
  const asOf = endOfDay(input.asOf);
  const depth = unit.path.length; // 1-based index of the unit in descendants' paths
  const { rows: funds } = await db.query<{
    id: string; unit_id: string; unit_name: string; unit_kind: string; child_id: string | null; child_name: string | null; child_kind: string | null;
    kind: 'general' | 'specific'; purpose_code: string; target_group_code: string | null; name: string; balance: bigint; held: bigint;
  }>(
    `SELECT f.id, f.unit_id, u.name AS unit_name, u.kind AS unit_kind, ch.id AS child_id, ch.name AS child_name, ch.kind AS child_kind,
            f.kind, f.purpose_code, f.target_group_code, f.name,
            CASE WHEN $3::timestamptz IS NULL THEN -coalesce(b.amount, 0)
                 ELSE -coalesce((SELECT sum(l.amount) FROM journal_line l WHERE l.account_id = f.id AND l.fund_id = f.id AND l.occurred_at < $3), 0)::bigint END AS balance,
            CASE WHEN $3::timestamptz IS NULL THEN coalesce(b.held, 0) ELSE 0::bigint END AS held
       FROM fund f
       JOIN org_unit u ON u.id = f.unit_id
       LEFT JOIN org_unit ch ON ch.id = u.path[$4 + 1]
       LEFT JOIN ledger_balance b ON b.account_id = f.id AND b.fund_id = f.id
      WHERE CASE WHEN $2 THEN u.path @> ARRAY[$1::uuid] ELSE f.unit_id = $1 END
      ORDER BY u.depth, u.name, f.kind, f.name`,
    [unit.id, input.rollup, asOf, depth],
  );
  const { rows: custody } = await db.query<{ id: string; unit_id: string; unit_name: string; kind: string; name: string; bank_name: string | null; sheba: string | null; balance: bigint }>(
    `SELECT c.id, c.unit_id, u.name AS unit_name, c.kind, c.name, c.bank_name, c.sheba,
            CASE WHEN $3::timestamptz IS NULL THEN coalesce((SELECT sum(b.amount) FROM ledger_balance b WHERE b.account_id = c.id), 0)
                 ELSE coalesce((SELECT sum(l.amount) FROM journal_line l WHERE l.account_id = c.id AND l.occurred_at < $3), 0) END::bigint AS balance
       FROM custody_account c JOIN org_unit u ON u.id = c.unit_id
      WHERE CASE WHEN $2 THEN u.path @> ARRAY[$1::uuid] ELSE c.unit_id = $1 END
      ORDER BY u.depth, u.name, c.kind`,
    [unit.id, input.rollup, asOf],
  );

  const totals = { generalRials: 0n, specificRials: 0n };
  const byUnit = new Map<string, { unitId: string; unitName: string; unitKind: string; generalRials: bigint; specificRials: bigint }>();
  for (const f of funds) {
    totals[f.kind === 'general' ? 'generalRials' : 'specificRials'] += f.balance;
    const key = f.child_id ?? unit.id;
    const row = byUnit.get(key) ?? { unitId: key, unitName: f.child_name ?? unit.name, unitKind: f.child_kind ?? unit.kind, generalRials: 0n, specificRials: 0n };
    row[f.kind === 'general' ? 'generalRials' : 'specificRials'] += f.balance;
    byUnit.set(key, row);
  }
  const s = (v: bigint) => v.toString();
  return {
    unit: { id: unit.id, kind: unit.kind, name: unit.name, code: unit.code },
    asOf: input.asOf ?? null,
    rollup: input.rollup,
    totals: { generalRials: s(totals.generalRials), specificRials: s(totals.specificRials), totalRials: s(totals.generalRials + totals.specificRials) },
    byUnit: [...byUnit.values()].map((r) => ({ ...r, generalRials: s(r.generalRials), specificRials: s(r.specificRials), totalRials: s(r.generalRials + r.specificRials) })),
    funds: funds.map((f) => ({
      fundId: f.id, unitId: f.unit_id, unitName: f.unit_name, kind: f.kind, purposeCode: f.purpose_code, targetGroupCode: f.target_group_code, name: f.name,
      balanceRials: s(f.balance), heldRials: s(f.held), availableRials: s(f.balance - f.held),
    })),
    custody: custody.map((c) => ({ accountId: c.id, unitId: c.unit_id, unitName: c.unit_name, kind: c.kind, name: c.name, bankName: c.bank_name, sheba: c.sheba, balanceRials: s(c.balance) })),
  };
}
