import type { Queryable } from '../db/pool.ts';

/**
 * A ledger scenario as a readable table of postings, for golden tests: one row per journal line,
 * with accounts and funds by name (ids differ between runs), debits and credits in rials.
 */
export async function postingsTable(db: Queryable, journalIds: (bigint | string)[]): Promise<string> {
  const { rows } = await db.query<{ journal_id: bigint; kind: string; account: string; fund: string; amount: bigint }>(
    `SELECT l.journal_id, j.kind,
            CASE WHEN c.id IS NOT NULL THEN c.kind || ' @ ' || cu.name ELSE 'fund @ ' || fu.name END AS account,
            f.name || ' @ ' || ffu.name AS fund, l.amount
       FROM journal_line l JOIN journal j ON j.id = l.journal_id
       LEFT JOIN custody_account c ON c.id = l.account_id LEFT JOIN org_unit cu ON cu.id = c.unit_id
       LEFT JOIN fund af ON af.id = l.account_id LEFT JOIN org_unit fu ON fu.id = af.unit_id
       JOIN fund f ON f.id = l.fund_id JOIN org_unit ffu ON ffu.id = f.unit_id
      WHERE l.journal_id = ANY($1::bigint[])
      ORDER BY l.journal_id, l.line_no`,
    [journalIds.map(String)],
  );
  const order = [...new Set(rows.map((r) => r.journal_id))];
  const fmt = (v: bigint) => v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const table = rows.map((r) => [`#${order.indexOf(r.journal_id) + 1} ${r.kind}`, r.account, r.fund, r.amount > 0n ? fmt(r.amount) : '', r.amount < 0n ? fmt(-r.amount) : '']);
  const head = ['journal', 'account', 'fund', 'debit', 'credit'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ').trimEnd();
  return '\n' + [line(head), ...table.map(line)].join('\n') + '\n';
}
