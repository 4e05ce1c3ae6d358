import { jalaliDayRange, tehranParts } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { holdsAt } from '../access/scope.ts';

/** The Tehran calendar day of an instant, as an SQL date. */
function tehranDay(at: Date): string {
  const w = tehranParts(at);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The statement of a custody account or a fund between two Jalali days: opening balance, each line
 * with its running balance, closing balance. Funds are shown credit-positive (money owned).
 */
export async function accountStatement(db: Queryable, actor: Actor | SystemActor, input: { accountId: string; from?: string | undefined; to?: string | undefined; page: number; pageSize: number }) {
  const { rows: acc } = await db.query<{ kind: 'custody' | 'fund'; unit_id: string; path: string[]; unit_name: string; name: string }>(
    `SELECT la.kind, la.unit_id, u.path, u.name AS unit_name, coalesce(c.name, f.name) AS name
       FROM ledger_account la JOIN org_unit u ON u.id = la.unit_id
       LEFT JOIN custody_account c ON c.id = la.id LEFT JOIN fund f ON f.id = la.id WHERE la.id = $1`, [input.accountId]);
  const a = acc[0];
  if (!a || !holdsAt(actor, 'ledger.read', a.path)) throw new AppError('LEDGER_ACCOUNT_NOT_FOUND');
  let from: Date | null = null;
  let to: Date | null = null;
  try {
    if (input.from) from = jalaliDayRange(input.from, input.from)[0];
    if (input.to) to = jalaliDayRange(input.to, input.to)[1];
  } catch {
    throw new AppError('FIELD_DATE', { field: input.from ? 'from' : 'to' });
  }
  const sign = a.kind === 'fund' ? -1n : 1n;
  const offset = (input.page - 1) * input.pageSize;
  // Opening and closing balances and the number of lines come from the day totals (a few hundred
  // rows however many lines); only the lines of the page are read, in order from the account's
  // index. Days are Tehran calendar days, the same as the Jalali days asked for.
  const fromDay = from ? tehranDay(from) : null;
  const toDay = to ? tehranDay(to) : null; // the day after the last one
  const { rows: sums } = await db.query<{ opening: bigint | null; closing: bigint | null; lines: bigint | null }>(
    `SELECT sum(amount) FILTER (WHERE day < $2)::bigint AS opening,
            sum(amount) FILTER (WHERE $3::date IS NULL OR day < $3)::bigint AS closing,
            sum(lines) FILTER (WHERE ($2::date IS NULL OR day >= $2) AND ($3::date IS NULL OR day < $3))::bigint AS lines
       FROM ledger_day_total WHERE account_id = $1`,
    [input.accountId, fromDay, toDay]);
  const opening = (sums[0]?.opening ?? 0n) * sign;
  // a fund's lines all carry the fund itself: naming it lets the (account, fund, time) index give them in order
  const { rows } = await db.query<{ journal_id: bigint; kind: string; occurred_at: Date; description: string | null; document_no: string | null; fund_name: string; amount: bigint; before: bigint | null; n: bigint }>(
    `SELECT * FROM (
       SELECT l.journal_id, j.kind, l.occurred_at, j.description, j.document_no, f.name AS fund_name, l.amount,
              (sum(l.amount) OVER w - l.amount)::bigint AS before, row_number() OVER w AS n
         FROM (SELECT * FROM journal_line l
                WHERE l.account_id = $1 AND ($6::boolean IS FALSE OR l.fund_id = $1)
                  AND ($2::timestamptz IS NULL OR l.occurred_at >= $2) AND ($3::timestamptz IS NULL OR l.occurred_at < $3)
                ORDER BY l.occurred_at, l.journal_id, l.line_no
                LIMIT $4::int + $5::int) l
         JOIN journal j ON j.id = l.journal_id JOIN fund f ON f.id = l.fund_id
       WINDOW w AS (ORDER BY l.occurred_at, l.journal_id, l.line_no)) page
      WHERE n > $5
      ORDER BY n`,
    [input.accountId, from, to, input.pageSize, offset, a.kind === 'fund'],
  );
  return {
    account: { id: input.accountId, kind: a.kind, name: a.name, unitId: a.unit_id, unitName: a.unit_name },
    from: input.from ?? null, to: input.to ?? null,
    openingRials: opening.toString(),
    closingRials: ((sums[0]?.closing ?? 0n) * sign).toString(),
    lines: rows.map((r) => {
      const amount = r.amount * sign;
      const running = opening + ((r.before ?? 0n) + r.amount) * sign;
      return {
        journalId: r.journal_id.toString(), kind: r.kind, occurredAt: r.occurred_at.toISOString(), description: r.description, documentNo: r.document_no,
        fundName: r.fund_name, inRials: amount > 0n ? amount.toString() : '0', outRials: amount < 0n ? (-amount).toString() : '0', runningRials: running.toString(),
      };
    }),
    total: Number(sums[0]?.lines ?? 0n), page: input.page, pageSize: input.pageSize,
  };
}
