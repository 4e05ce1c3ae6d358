import type { Queryable } from '../../db/pool.ts';

/**
 * The ledger's invariants as SQL that must return no rows. Run by `npm run ledger:check`, after the
 * integration tests, and on demand by inspectors.
 */
export const ledgerInvariants: { name: string; sql: string }[] = [
  { name: 'every journal sums to zero', sql: `SELECT journal_id, sum(amount) FROM journal_line GROUP BY journal_id HAVING sum(amount) <> 0` },
  { name: 'every journal sums to zero per fund', sql: `SELECT journal_id, fund_id, sum(amount) FROM journal_line GROUP BY journal_id, fund_id HAVING sum(amount) <> 0` },
  { name: 'every journal has lines', sql: `SELECT j.id FROM journal j WHERE NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.journal_id = j.id)` },
  { name: 'fund lines carry their own fund', sql: `SELECT l.journal_id, l.line_no FROM journal_line l JOIN ledger_account a ON a.id = l.account_id WHERE a.kind = 'fund' AND l.fund_id <> l.account_id` },
  {
    name: 'cached balances equal the sum of lines',
    sql: `SELECT coalesce(b.account_id, s.account_id) AS account_id, coalesce(b.fund_id, s.fund_id) AS fund_id, b.amount AS cached, s.total AS lines
            FROM ledger_balance b
            FULL JOIN (SELECT account_id, fund_id, sum(amount) AS total FROM journal_line GROUP BY account_id, fund_id) s
              ON s.account_id = b.account_id AND s.fund_id = b.fund_id
           WHERE coalesce(b.amount, 0) <> coalesce(s.total, 0)`,
  },
  {
    name: 'day totals equal the lines (statements)',
    sql: `SELECT coalesce(t.account_id, s.account_id) AS account_id, coalesce(t.day, s.day) AS day, t.amount AS kept, s.amount AS lines
            FROM (SELECT account_id, day, sum(amount) AS amount, sum(lines) AS lines FROM ledger_day_total GROUP BY 1, 2) t
            FULL JOIN (SELECT account_id, (occurred_at AT TIME ZONE 'Asia/Tehran')::date AS day, sum(amount) AS amount, count(*) AS lines FROM journal_line GROUP BY 1, 2) s
              ON s.account_id = t.account_id AND s.day = t.day
           WHERE coalesce(t.amount, 0) <> coalesce(s.amount, 0) OR coalesce(t.lines, 0) <> coalesce(s.lines, 0)`,
  },
  { name: 'no fund balance below zero', sql: `SELECT account_id, fund_id, amount, held FROM ledger_balance WHERE kind = 'fund' AND amount + held > 0` },
  { name: 'no custody balance below zero', sql: `SELECT account_id, fund_id, amount, held FROM ledger_balance WHERE kind = 'custody' AND amount - held < 0` },
  { name: 'no duplicate external reference', sql: `SELECT channel, channel_ref, count(*) FROM contribution WHERE channel_ref IS NOT NULL GROUP BY channel, channel_ref HAVING count(*) > 1` },
  { name: 'no duplicate idempotency key', sql: `SELECT scope, key, count(*) FROM idempotency_key GROUP BY scope, key HAVING count(*) > 1` },
  { name: 'every contribution has its journal of the same amount', sql: `SELECT c.id FROM contribution c JOIN journal_line l ON l.journal_id = c.journal_id AND l.account_id = c.fund_id WHERE l.amount <> -c.amount_rials` },
  { name: 'a reversal mirrors its original', sql: `SELECT r.id FROM journal r JOIN journal o ON o.id = r.reverses_id WHERE (SELECT sum(abs(amount)) FROM journal_line WHERE journal_id = r.id) <> (SELECT sum(abs(amount)) FROM journal_line WHERE journal_id = o.id)` },
  {
    // donor search reads the units that know a donor from the donor row (migration 0830)
    name: 'every donor is known to exactly the units it is linked to',
    sql: `SELECT d.id FROM donor d WHERE d.known_units IS DISTINCT FROM coalesce((SELECT array_agg(l.unit_id ORDER BY l.unit_id) FROM donor_unit_link l WHERE l.donor_id = d.id), '{}')`,
  },
];

export interface InvariantFailure {
  name: string;
  rows: Record<string, unknown>[];
}

export async function runLedgerCheck(db: Queryable): Promise<InvariantFailure[]> {
  const failures: InvariantFailure[] = [];
  for (const inv of ledgerInvariants) {
    const { rows } = await db.query(`${inv.sql} LIMIT 20`);
    if (rows.length) failures.push({ name: inv.name, rows });
  }
  return failures;
}

ledgerInvariants.push({
  name: 'held amounts equal the open holds',
  sql: `WITH open AS (
          SELECT h.fund_id AS account_id, h.fund_id, sum(h.amount) AS held FROM ledger_hold h LEFT JOIN ledger_hold_end e ON e.hold_id = h.id WHERE e.hold_id IS NULL GROUP BY h.fund_id
          UNION ALL
          SELECT h.custody_account_id, h.fund_id, sum(h.amount) FROM ledger_hold h LEFT JOIN ledger_hold_end e ON e.hold_id = h.id WHERE e.hold_id IS NULL GROUP BY h.custody_account_id, h.fund_id)
        SELECT b.account_id, b.fund_id, b.held, o.held AS open_holds FROM ledger_balance b
          FULL JOIN (SELECT account_id, fund_id, sum(held) AS held FROM open GROUP BY account_id, fund_id) o ON o.account_id = b.account_id AND o.fund_id = b.fund_id
         WHERE coalesce(b.held, 0) <> coalesce(o.held, 0)`,
});

ledgerInvariants.push({
  name: 'contribution figures equal the contributions at every level (net of reversals)',
  sql: `WITH actual AS (
          SELECT a.unit_id, c.fiscal_year, c.fiscal_month, f.kind AS fund_kind, f.purpose_code, c.channel,
                 count(*) - count(r.contribution_id) AS gifts,
                 sum(c.amount_rials) - coalesce(sum(c.amount_rials) FILTER (WHERE r.contribution_id IS NOT NULL), 0) AS total
            FROM contribution c JOIN fund f ON f.id = c.fund_id
            JOIN org_unit u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(u.path) AS a(unit_id)
            LEFT JOIN contribution_reversal r ON r.contribution_id = c.id
           GROUP BY 1, 2, 3, 4, 5, 6),
        stats AS (
          SELECT unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel, sum(gifts) AS gifts, sum(total_rials) AS total
            FROM contribution_stats GROUP BY 1, 2, 3, 4, 5, 6)
        SELECT * FROM actual a FULL JOIN stats s USING (unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel)
         WHERE coalesce(a.gifts, 0) <> coalesce(s.gifts, 0) OR coalesce(a.total, 0) <> coalesce(s.total, 0)`,
});

ledgerInvariants.push({
  name: 'every contribution has its journal, in the same fiscal month',
  sql: `SELECT c.id FROM contribution c LEFT JOIN journal j ON j.id = c.journal_id
         WHERE j.id IS NULL OR j.kind <> 'contribution' OR j.fiscal_year <> c.fiscal_year OR j.fiscal_month <> c.fiscal_month`,
});
