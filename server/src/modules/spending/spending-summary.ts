import type { Queryable } from '../../db/pool.ts';

/** How many requests a resolution chain has approved (reserved, unpaid) and paid. */
export async function spendingUnderChain(db: Queryable, chainId: string): Promise<{ approvedCount: number; paidCount: number }> {
  const { rows } = await db.query<{ approved: number; paid: number }>(
    `SELECT count(*) FILTER (WHERE s.status = 'approved')::int AS approved, count(*) FILTER (WHERE s.status = 'paid')::int AS paid
       FROM spending_request s
       LEFT JOIN council_resolution r ON r.id = s.resolution_id
       LEFT JOIN council_delegation d ON d.id = s.delegation_id
       LEFT JOIN council_resolution dr ON dr.id = d.resolution_id
      WHERE coalesce(r.chain_id, dr.chain_id) = $1`, [chainId]);
  return { approvedCount: rows[0]?.approved ?? 0, paidCount: rows[0]?.paid ?? 0 };
}

export interface SpendingByPurpose {
  purposeCode: string;
  labelFa: string;
  fundKind: 'general' | 'specific';
  count: number;
  rials: bigint;
}

/**
 * Spending paid by the units of a subtree in fiscal months [fromMonth, toMonth] of a year, by
 * purpose and kind of money: the amounts are the spending journals' fund debits, so they equal
 * the ledger.
 */
export async function paidSpendingByPurpose(db: Queryable, unitId: string, fiscalYear: number, fromMonth: number, toMonth: number): Promise<SpendingByPurpose[]> {
  const { rows } = await db.query<{ purpose_code: string; label_fa: string; fund_kind: 'general' | 'specific'; n: number; rials: bigint }>(
    `SELECT s.purpose_code, p.label_fa, f.kind AS fund_kind, count(DISTINCT s.id)::int AS n, sum(l.amount)::bigint AS rials
       FROM spending_request s
       JOIN org_unit u ON u.id = s.unit_id
       JOIN journal j ON j.id = s.journal_id
       JOIN journal_line l ON l.journal_id = j.id AND l.account_id = l.fund_id
       JOIN fund f ON f.id = l.fund_id
       JOIN purpose p ON p.code = s.purpose_code
      WHERE u.path @> ARRAY[$1::uuid] AND j.fiscal_year = $2 AND j.fiscal_month BETWEEN $3 AND $4
      GROUP BY s.purpose_code, p.label_fa, p.sort, f.kind
      ORDER BY p.sort, f.kind`,
    [unitId, fiscalYear, fromMonth, toMonth]);
  return rows.map((r) => ({ purposeCode: r.purpose_code, labelFa: r.label_fa, fundKind: r.fund_kind, count: r.n, rials: r.rials }));
}
