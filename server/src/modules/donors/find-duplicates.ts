import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { knownTo, scopeUnitIds, unitsUnder } from './donor-scope.ts';
import { donorListColumns, donorListJoins, toDonorListItem, type DonorListRow } from './list-donors.ts';

export interface FindDuplicatesInput {
  unitId: string;
  page: number;
  pageSize: number;
}

/** Names at least this similar (pg_trgm, 0…1) are shown as possible duplicates. */
export const NAME_SIMILARITY = 0.6;

/**
 * Pairs of active donors that may be one person or organization: they share a mobile, or their
 * names are similar (trigram similarity ≥ 0.6) and they live in the same county (address) or
 * were registered by the same unit. At least one of each pair is known to `unitId`'s subtree and
 * both are visible to the caller. Pairs with two different national codes / legal ids are
 * different persons by definition and are not shown. Runs in a transaction (SET LOCAL).
 */
export async function findDuplicates(tx: Queryable, actor: Actor | SystemActor, input: FindDuplicatesInput) {
  await loadOrgUnit(tx, actor, input.unitId, 'donors.read');
  const scope = await scopeUnitIds(tx, actor, 'donors.read');
  await tx.query(`SET LOCAL pg_trgm.similarity_threshold = ${NAME_SIMILARITY}`);
  const { rows: pairs } = await tx.query<{ a_id: string; b_id: string; same_mobile: boolean; similarity: number; total: number }>(
    `WITH here AS (
       SELECT d.id, d.type, d.name_key, d.county_geo_id, d.unit_id, d.ident_hash FROM donor d
        WHERE d.merged_into IS NULL AND ${knownTo('d', '$1')}),
     candidates AS (
       SELECT a.id AS a_id, m2.donor_id AS b_id, true AS same_mobile
         FROM here a JOIN donor_mobile m1 ON m1.donor_id = a.id
         JOIN donor_mobile m2 ON m2.mobile_hash = m1.mobile_hash AND m2.donor_id <> a.id
       UNION ALL
       SELECT a.id, b.id, false
         FROM here a JOIN donor b ON b.name_key % a.name_key AND b.id <> a.id AND b.type = a.type
          AND ((a.county_geo_id IS NOT NULL AND b.county_geo_id = a.county_geo_id) OR b.unit_id = a.unit_id)),
     pairs AS (
       SELECT least(c.a_id, c.b_id) AS a_id, greatest(c.a_id, c.b_id) AS b_id, bool_or(c.same_mobile) AS same_mobile
         FROM candidates c GROUP BY 1, 2)
     SELECT p.a_id, p.b_id, p.same_mobile, similarity(a.name_key, b.name_key)::float8 AS similarity, count(*) OVER ()::int AS total
       FROM pairs p JOIN donor a ON a.id = p.a_id JOIN donor b ON b.id = p.b_id
      WHERE a.merged_into IS NULL AND b.merged_into IS NULL AND a.type = b.type
        AND NOT (a.ident_hash IS NOT NULL AND b.ident_hash IS NOT NULL)
        AND ($2::uuid[] IS NULL OR (${knownTo('a', '$2')} AND ${knownTo('b', '$2')}))
        AND (p.same_mobile OR similarity(a.name_key, b.name_key) >= ${NAME_SIMILARITY})
      ORDER BY p.same_mobile DESC, similarity DESC, p.a_id, p.b_id
      LIMIT $3 OFFSET $4`,
    [await unitsUnder(tx, input.unitId, scope), scope, input.pageSize, (input.page - 1) * input.pageSize],
  );
  const ids = [...new Set(pairs.flatMap((p) => [p.a_id, p.b_id]))];
  const { rows } = await tx.query<DonorListRow>(`SELECT ${donorListColumns} FROM donor d ${donorListJoins} WHERE d.id = ANY($1::uuid[])`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, toDonorListItem(r)]));
  return {
    items: pairs.map((p) => ({
      a: byId.get(p.a_id)!, b: byId.get(p.b_id)!,
      reasons: [...(p.same_mobile ? ['same_mobile' as const] : []), ...(p.similarity >= NAME_SIMILARITY ? ['similar_name' as const] : [])],
      similarity: Math.round(p.similarity * 100) / 100,
    })),
    total: pairs[0]?.total ?? 0, page: input.page, pageSize: input.pageSize,
  };
}
