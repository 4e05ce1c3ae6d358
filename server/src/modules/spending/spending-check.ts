import type { Queryable } from '../../db/pool.ts';

/**
 * The spending rules as SQL that must return no rows, beside the ledger's own invariants
 * (ledger-check.ts): what requests reserve equals what the ledger holds and the councils'
 * allowances count, and no approved request lacks its distinct approvers.
 */
export const spendingInvariants: { name: string; sql: string }[] = [
  {
    name: 'an allowance counts exactly the requests that reserve it',
    sql: `SELECT a.id, a.used_rials, coalesce(s.total, 0) AS reserved FROM council_allowance a
            LEFT JOIN (SELECT allowance_id, sum(amount_rials) AS total FROM spending_request WHERE allowance_reserved GROUP BY allowance_id) s ON s.allowance_id = a.id
           WHERE a.used_rials <> coalesce(s.total, 0)`,
  },
  {
    name: 'an approved request holds its amount on its fund',
    sql: `SELECT r.id FROM spending_request r LEFT JOIN ledger_hold h ON h.id = r.hold_id LEFT JOIN ledger_hold_end e ON e.hold_id = h.id
           WHERE r.status = 'approved' AND (h.id IS NULL OR h.amount <> r.amount_rials OR h.fund_id <> r.fund_id OR e.hold_id IS NOT NULL)`,
  },
  {
    name: 'a paid request debits its fund by its amount, and its hold ended with that payment',
    sql: `SELECT r.id FROM spending_request r
            LEFT JOIN journal_line l ON l.journal_id = r.journal_id AND l.account_id = r.fund_id
            LEFT JOIN ledger_hold_end e ON e.hold_id = r.hold_id
           WHERE r.status = 'paid' AND (l.amount IS DISTINCT FROM r.amount_rials OR e.outcome IS DISTINCT FROM 'paid' OR e.journal_id IS DISTINCT FROM r.journal_id)`,
  },
  {
    name: 'a closed request holds nothing',
    sql: `SELECT r.id FROM spending_request r JOIN ledger_hold h ON h.id = r.hold_id LEFT JOIN ledger_hold_end e ON e.hold_id = h.id
           WHERE r.status IN ('rejected', 'cancelled', 'expired') AND e.hold_id IS NULL`,
  },
  {
    name: 'an approved or paid request has its distinct approvers, none of them the requester or the orderer',
    sql: `SELECT r.id FROM spending_request r
           WHERE r.status IN ('approved', 'paid')
             AND (SELECT count(DISTINCT a.approved_by) FROM spending_approval a
                   WHERE a.request_id = r.id AND a.approved_by <> r.requested_by AND a.approved_by IS DISTINCT FROM r.ordered_by)
                 < CASE r.authority WHEN 'resolution' THEN 2 ELSE 1 END`,
  },
  {
    name: 'a delegation-route request was ordered by its delegate',
    sql: `SELECT r.id FROM spending_request r JOIN council_delegation d ON d.id = r.delegation_id
           WHERE r.authority = 'delegation' AND r.status IN ('ordered', 'approved', 'paid') AND r.ordered_by IS DISTINCT FROM d.delegate_user_id`,
  },
];

export async function runSpendingCheck(db: Queryable): Promise<{ name: string; rows: Record<string, unknown>[] }[]> {
  const failures: { name: string; rows: Record<string, unknown>[] }[] = [];
  for (const inv of spendingInvariants) {
    const { rows } = await db.query(`${inv.sql} LIMIT 20`);
    if (rows.length) failures.push({ name: inv.name, rows });
  }
  return failures;
}
