import { jalaliDayRange } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { holdsAt, scopeRoots } from '../access/scope.ts';
import { contributionSelect, selectContribution, toContributionDto, type ContributionRow } from './contribution-row.ts';
import type { Channel } from './contributions.schemas.ts';
import { donorIdsOf } from '../donors/link-donor-to-unit.ts';

export interface ListContributionsInput {
  unitId?: string | undefined;
  /** Jalali days, inclusive: "1404/07/01" … "1404/07/30" */
  from?: string | undefined;
  to?: string | undefined;
  channel?: Channel | undefined;
  fundId?: string | undefined;
  fundKind?: 'general' | 'specific' | undefined;
  purposeCode?: string | undefined;
  donorId?: string | undefined;
  minRials?: bigint | undefined;
  maxRials?: bigint | undefined;
  status?: 'posted' | 'reversed' | undefined;
  receiptNo?: string | undefined;
  page: number;
  pageSize: number;
}

function dayRange(from: string | undefined, to: string | undefined): [Date | null, Date | null] {
  if (!from && !to) return [null, null];
  try {
    const [a] = jalaliDayRange(from ?? '1300/01/01', from ?? '1300/01/01');
    const [, b] = jalaliDayRange(to ?? '1500/01/01', to ?? '1500/01/01');
    return [from ? a : null, to ? b : null];
  } catch {
    throw new AppError('FIELD_DATE', { field: from ? 'from' : 'to' });
  }
}

/** Contributions in the caller's scope, newest first, paged on the server. */
export async function listContributions(db: Queryable, actor: Actor | SystemActor, input: ListContributionsInput) {
  const scope = scopeRoots(actor, 'contributions.read');
  const [from, to] = dayRange(input.from, input.to);
  // gifts stay on the donor record they were given under (contribution rows are append-only);
  // a merged donor's gifts are those of every record merged into it
  const donorIds = input.donorId ? await donorIdsOf(db, input.donorId).catch(() => [input.donorId!]) : null;
  const { rows } = await db.query<ContributionRow & { total: number }>(
    `${contributionSelect.replace('SELECT c.id', 'SELECT count(*) OVER ()::int AS total, c.id')}
      WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[])
        AND ($2::uuid IS NULL OR u.path @> ARRAY[$2::uuid])
        AND ($3::timestamptz IS NULL OR c.received_at >= $3)
        AND ($4::timestamptz IS NULL OR c.received_at < $4)
        AND ($5::text IS NULL OR c.channel = $5)
        AND ($6::uuid IS NULL OR c.fund_id = $6)
        AND ($7::text IS NULL OR f.kind = $7)
        AND ($8::text IS NULL OR f.purpose_code = $8)
        AND ($9::uuid[] IS NULL OR c.donor_id = ANY($9::uuid[]))
        AND ($10::bigint IS NULL OR c.amount_rials >= $10)
        AND ($11::bigint IS NULL OR c.amount_rials <= $11)
        AND ($12::text IS NULL OR ($12 = 'reversed') = (r.contribution_id IS NOT NULL))
        AND ($13::text IS NULL OR c.receipt_no = $13)
      ORDER BY c.received_at DESC, c.id
      LIMIT $14 OFFSET $15`,
    [scope, input.unitId ?? null, from, to, input.channel ?? null, input.fundId ?? null, input.fundKind ?? null, input.purposeCode ?? null,
      donorIds, input.minRials?.toString() ?? null, input.maxRials?.toString() ?? null, input.status ?? null, input.receiptNo ?? null,
      input.pageSize, (input.page - 1) * input.pageSize],
  );
  return { items: rows.map(toContributionDto), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function getContribution(db: Queryable, actor: Actor | SystemActor, id: string) {
  const c = await selectContribution(db, id);
  if (!c || !holdsAt(actor, 'contributions.read', c.unit_path)) throw new AppError('CONTRIBUTION_NOT_FOUND');
  return toContributionDto(c);
}
