import { jalaliDayRange } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { scopeRoots } from '../access/scope.ts';
import { nextActions, type Authority, type SpendingStatus } from './spending-rules.ts';
import { requestState, spendingSelect, toSpendingDto, type SpendingRow } from './spending-row.ts';

export interface ListSpendingInput {
  unitId?: string | undefined;
  status?: SpendingStatus[] | undefined;
  fundKind?: 'general' | 'specific' | undefined;
  fundId?: string | undefined;
  purposeCode?: string | undefined;
  authority?: Authority | undefined;
  resolutionId?: string | undefined;
  /** requests the caller made */
  mine?: boolean | undefined;
  /** requests waiting for an action of the caller (order, approve, reject, pay) */
  awaitingMe?: boolean | undefined;
  /** Jalali days of creation, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

function dayRange(from: string | undefined, to: string | undefined): [Date | null, Date | null] {
  try {
    return [from ? jalaliDayRange(from, from)[0] : null, to ? jalaliDayRange(to, to)[1] : null];
  } catch {
    throw new AppError('FIELD_DATE', { field: from ? 'from' : 'to' });
  }
}

const waitingActions = new Set(['order', 'approve', 'reject', 'pay']);

/**
 * Spending requests in the caller's scope, newest first, paged on the server. `awaitingMe` keeps
 * the requests on which the caller's role and person allow an order, approval, rejection or
 * payment (the money rules are judged on the request itself).
 */
export async function listSpendingRequests(db: Queryable, actor: Actor | SystemActor, input: ListSpendingInput, now: Date = new Date()) {
  const scope = scopeRoots(actor, 'spending.read');
  const [from, to] = dayRange(input.from, input.to);
  const me = actor.kind === 'staff' ? actor.userId : null;
  const where = `
      WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[])
        AND ($2::uuid IS NULL OR u.path @> ARRAY[$2::uuid])
        AND ($3::text[] IS NULL OR s.status = ANY($3::text[]))
        AND ($4::text IS NULL OR f.kind = $4)
        AND ($5::uuid IS NULL OR s.fund_id = $5)
        AND ($6::text IS NULL OR s.purpose_code = $6)
        AND ($7::text IS NULL OR s.authority = $7)
        AND ($8::uuid IS NULL OR r.chain_id = (SELECT chain_id FROM council_resolution WHERE id = $8) OR dr.chain_id = (SELECT chain_id FROM council_resolution WHERE id = $8))
        AND ($9::uuid IS NULL OR s.requested_by = $9)
        AND ($10::timestamptz IS NULL OR s.created_at >= $10)
        AND ($11::timestamptz IS NULL OR s.created_at < $11)
        AND ($12::text IS NULL OR s.title ILIKE '%' || $12 || '%' OR s.payee_name ILIKE '%' || $12 || '%')`;
  const params = [scope, input.unitId ?? null, input.status?.length ? input.status : null, input.fundKind ?? null, input.fundId ?? null, input.purposeCode ?? null,
    input.authority ?? null, input.resolutionId ?? null, input.mine ? me : null, from, to, input.q?.trim() || null];
  if (input.awaitingMe) {
    // few requests are open at once; judge the open ones with the same can… functions
    const { rows } = await db.query<SpendingRow>(`${spendingSelect} ${where} AND s.status IN ('submitted', 'ordered', 'approved') ORDER BY s.created_at DESC, s.id LIMIT 2000`, params);
    const mineToAct = rows.filter((r) => nextActions(actor, requestState(r), { now, rules: [] }).some((a) => waitingActions.has(a)));
    const start = (input.page - 1) * input.pageSize;
    return { items: mineToAct.slice(start, start + input.pageSize).map(toSpendingDto), total: mineToAct.length, page: input.page, pageSize: input.pageSize };
  }
  const { rows } = await db.query<SpendingRow & { total: number }>(
    `${spendingSelect.replace('SELECT s.*', 'SELECT count(*) OVER ()::int AS total, s.*')} ${where} ORDER BY s.created_at DESC, s.id LIMIT $13 OFFSET $14`,
    [...params, input.pageSize, (input.page - 1) * input.pageSize]);
  return { items: rows.map(toSpendingDto), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
