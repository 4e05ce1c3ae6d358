import type { Queryable } from '../../db/pool.ts';

/**
 * Contribution figures of a unit's subtree for a fiscal year, from the incrementally maintained
 * contribution_stats (the unit's own rows: a few thousand, whatever the number of gifts): totals by
 * Jalali month, fund kind, purpose and channel.
 */
export async function contributionFigures(db: Queryable, unitId: string, fiscalYear: number) {
  const { rows } = await db.query<{ dim: string; key: string; gifts: bigint; total: bigint }>(
    `WITH s AS (
       SELECT s.fiscal_month, s.fund_kind, s.purpose_code, s.channel, s.gifts, s.total_rials
         FROM contribution_stats s WHERE s.unit_id = $1 AND s.fiscal_year = $2)
     SELECT 'month' AS dim, fiscal_month::text AS key, sum(gifts)::bigint AS gifts, sum(total_rials)::bigint AS total FROM s GROUP BY 1, 2
     UNION ALL SELECT 'fundKind', fund_kind, sum(gifts)::bigint, sum(total_rials)::bigint FROM s GROUP BY 1, 2
     UNION ALL SELECT 'purpose', purpose_code, sum(gifts)::bigint, sum(total_rials)::bigint FROM s GROUP BY 1, 2
     UNION ALL SELECT 'channel', channel, sum(gifts)::bigint, sum(total_rials)::bigint FROM s GROUP BY 1, 2`,
    [unitId, fiscalYear],
  );
  const by = (dim: string) => rows.filter((r) => r.dim === dim).map((r) => ({ key: r.key, gifts: r.gifts.toString(), totalRials: r.total.toString() }))
    .sort((a, b) => (dim === 'month' ? Number(a.key) - Number(b.key) : BigInt(b.totalRials) > BigInt(a.totalRials) ? 1 : -1));
  const months = by('month');
  return {
    fiscalYear,
    gifts: months.reduce((s, m) => s + BigInt(m.gifts), 0n).toString(),
    totalRials: months.reduce((s, m) => s + BigInt(m.totalRials), 0n).toString(),
    byMonth: months, byFundKind: by('fundKind'), byPurpose: by('purpose'), byChannel: by('channel'),
  };
}
