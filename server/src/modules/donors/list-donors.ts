import { normalizeFa, parseLegalId, parseMobile, parseNationalCode, searchKey, toLatinDigits } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { DonorType } from './donor-input.ts';
import { identHash, mobileHash, shownIdent, shownMobile } from './donor-pii.ts';
import { knownTo, scopeUnitIds, unitsUnder } from './donor-scope.ts';
import type { DonorListItemDto } from './donors.schemas.ts';

export interface ListDonorsInput {
  q?: string | undefined;
  type?: DonorType | undefined;
  unitId?: string | undefined;
  tag?: string | undefined;
  category?: string | undefined;
  countyId?: number | undefined;
  page: number;
  pageSize: number;
}

/** Counting stops here: "more than 1,000 donors match" is enough to ask for a narrower search. */
export const TOTAL_CAP = 1000;

/** What a search box string means: an exact identifier or mobile, or a name fragment. */
export type DonorQuery =
  | { kind: 'name'; key: string }
  | { kind: 'exact'; identHashes: Buffer[]; mobileHashes: Buffer[] }
  | { kind: 'nothing' };

export function classifyQuery(q: string): DonorQuery {
  const compact = toLatinDigits(q).replace(/[\s\p{Pd}\p{Cf}()]/gu, '');
  if (/^\+?\d+$/.test(compact)) {
    const identHashes: Buffer[] = [];
    const mobileHashes: Buffer[] = [];
    const nc = parseNationalCode(compact);
    if (nc.ok) identHashes.push(identHash('natural', nc.value));
    const li = parseLegalId(compact);
    if (li.ok) identHashes.push(identHash('legal', li.value));
    const m = parseMobile(compact);
    if (m.ok) mobileHashes.push(mobileHash(m.value));
    // partial numbers cannot match: identifiers are stored encrypted, found only whole
    return identHashes.length || mobileHashes.length ? { kind: 'exact', identHashes, mobileHashes } : { kind: 'nothing' };
  }
  const key = searchKey(q);
  // a trigram index needs three letters; two would mean reading every donor
  if (key.length < 3) throw new AppError('DONOR_QUERY_TOO_SHORT', { field: 'q' });
  return { kind: 'name', key };
}

/**
 * The WHERE clause shared by the list, its count and the export: active donors in the actor's
 * scope matching the filters. Returns null when nothing can match.
 */
export interface DonorFilter {
  where: string;
  params: unknown[];
  /** a name fragment is part of the filter (see listDonors for why that changes the query) */
  byName: boolean;
}

export async function donorFilter(db: Queryable, actor: Actor | SystemActor, input: Omit<ListDonorsInput, 'page' | 'pageSize'>): Promise<DonorFilter | null> {
  let units = await scopeUnitIds(db, actor, 'donors.read');
  if (input.unitId) units = await unitsUnder(db, input.unitId, units);
  if (units && units.length === 0) return null;
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['d.merged_into IS NULL'];
  if (units) where.push(knownTo('d', p(units)));
  if (input.type) where.push(`d.type = ${p(input.type)}`);
  if (input.tag) where.push(`d.tags @> ARRAY[${p(normalizeFa(input.tag))}::text]`);
  if (input.category) where.push(`d.categories @> ARRAY[${p(input.category)}::text]`);
  if (input.countyId !== undefined) where.push(`d.county_geo_id = ${p(input.countyId)}`);
  let byName = false;
  if (input.q) {
    const query = classifyQuery(input.q);
    if (query.kind === 'nothing') return null;
    if (query.kind === 'name') {
      byName = true;
      // LIKE wildcards typed by the user are literal characters
      where.push(`d.name_key LIKE ${p(`%${query.key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    } else {
      // one id list (not an OR of conditions) so every branch uses its own index
      const sources: string[] = [];
      if (query.identHashes.length) sources.push(`SELECT x.id FROM donor x WHERE x.ident_hash = ANY(${p(query.identHashes)}::bytea[])`);
      if (query.mobileHashes.length) {
        const h = p(query.mobileHashes);
        sources.push(`SELECT m.donor_id FROM donor_mobile m WHERE m.mobile_hash = ANY(${h}::bytea[])`,
          `SELECT c.donor_id FROM donor_contact c WHERE c.mobile_hash = ANY(${h}::bytea[])`);
      }
      where.push(`d.id IN (${sources.join(' UNION ')})`);
    }
  }
  return { where: where.join('\n AND '), params, byName };
}

export interface DonorListRow {
  id: string; type: DonorType; display_name: string; ident_enc: Buffer | null; mobile_enc: Buffer | null;
  unit_id: string; unit_name: string; unit_code: string; county_id: number | null; county_name: string | null;
  tags: string[]; categories: string[]; created_at: Date;
}

/** Columns of a list row, for donors `d` (the unit, county and primary mobile joined). */
export const donorListColumns = `d.id, d.type, d.display_name, d.ident_enc, d.tags, d.categories, d.created_at,
  d.unit_id, u.name AS unit_name, u.code AS unit_code, d.county_geo_id AS county_id, g.name AS county_name,
  (SELECT m.mobile_enc FROM donor_mobile m WHERE m.donor_id = d.id ORDER BY m.position, m.added_at LIMIT 1) AS mobile_enc`;
export const donorListJoins = `JOIN org_unit u ON u.id = d.unit_id LEFT JOIN geo_division g ON g.id = d.county_geo_id`;

export function toDonorListItem(r: DonorListRow, reveal = false): DonorListItemDto {
  return {
    id: r.id, type: r.type, displayName: r.display_name,
    nationalCode: r.type === 'natural' ? shownIdent('natural', r.ident_enc, reveal) : null,
    legalId: r.type === 'legal' ? shownIdent('legal', r.ident_enc, reveal) : null,
    mobile: shownMobile(r.mobile_enc, reveal),
    unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code },
    county: r.county_id === null ? null : { id: r.county_id, name: r.county_name ?? '', level: 'county' },
    tags: r.tags, categories: r.categories, createdAt: r.created_at.toISOString(),
  };
}

/**
 * Donors in the caller's scope, by name (ordered by the Persian search key), filtered and paged.
 * `q` is a name fragment, or exactly a national code, legal id or mobile in any common form.
 * Identifiers and mobiles in the list are always masked.
 */
export async function listDonors(db: Queryable, actor: Actor | SystemActor, input: ListDonorsInput) {
  const empty = { items: [], total: 0, totalCapped: false, page: input.page, pageSize: input.pageSize };
  const filter = await donorFilter(db, actor, input);
  if (!filter) return empty;
  const n = filter.params.length;
  const paging = [input.pageSize, (input.page - 1) * input.pageSize];
  if (filter.byName) {
    // A fragment can match tens of thousands of donors, and the matches cluster in the name
    // order, so walking the name index until 20 match is a gamble. Instead: take at most
    // TOTAL_CAP + 1 matches through the trigram index (AND the scope's indexes), sort those.
    // Up to TOTAL_CAP matches the answer is exact; beyond, totalCapped asks for a longer query.
    const { rows } = await db.query<DonorListRow & { total: number }>(
      `WITH c AS MATERIALIZED (SELECT d.id, d.name_key FROM donor d WHERE ${filter.where} LIMIT ${TOTAL_CAP + 1}),
            page AS (SELECT id, name_key FROM c ORDER BY name_key, id LIMIT $${n + 1} OFFSET $${n + 2})
       SELECT t.total, x.* FROM (SELECT count(*)::int AS total FROM c) t
         LEFT JOIN LATERAL (SELECT ${donorListColumns}, page.name_key FROM page JOIN donor d ON d.id = page.id ${donorListJoins}) x ON true
        ORDER BY x.name_key, x.id`,
      [...filter.params, ...paging],
    );
    const total = rows[0]?.total ?? 0;
    return {
      items: rows.filter((r) => r.id !== null).map((r) => toDonorListItem(r)),
      total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP, page: input.page, pageSize: input.pageSize,
    };
  }
  const { rows } = await db.query<DonorListRow>(
    `WITH page AS (
       SELECT d.id FROM donor d WHERE ${filter.where}
        ORDER BY d.name_key, d.id LIMIT $${n + 1} OFFSET $${n + 2})
     SELECT ${donorListColumns} FROM page JOIN donor d ON d.id = page.id ${donorListJoins}
      ORDER BY d.name_key, d.id`,
    [...filter.params, ...paging],
  );
  let total = (input.page - 1) * input.pageSize + rows.length;
  let totalCapped = false;
  // only count when this page does not already tell (a short first page is the whole answer)
  if (rows.length === input.pageSize || (input.page > 1 && rows.length === 0)) {
    const { rows: c } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM donor d WHERE ${filter.where} LIMIT ${TOTAL_CAP + 1}) x`, filter.params);
    total = Math.min(c[0]!.n, TOTAL_CAP);
    totalCapped = c[0]!.n > TOTAL_CAP;
  }
  return { items: rows.map((r) => toDonorListItem(r)), total, totalCapped, page: input.page, pageSize: input.pageSize };
}
