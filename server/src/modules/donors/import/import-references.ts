import { searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../../db/pool.ts';
import type { FieldIssue, NormalizedDonorFields } from '../donor-input.ts';

/**
 * Names in an import file resolved to ids: provinces and counties (all held in memory, a few
 * hundred), cities and villages (looked up per batch, cached), categories by code or label.
 */
export interface ImportReferences {
  provinces: Map<string, number>;
  /** county key → ids (a county name may repeat across provinces) with their province */
  counties: Map<string, { id: number; provinceId: number }[]>;
  places: Map<string, number | null>;
  categories: Map<string, string>;
}

const withoutPrefix = (name: string, prefix: string) => {
  const key = searchKey(name);
  const p = searchKey(prefix);
  return key.startsWith(p) && key.length > p.length ? key.slice(p.length) : key;
};

export async function loadImportReferences(db: Queryable): Promise<ImportReferences> {
  const { rows } = await db.query<{ id: number; level: string; name_key: string; parent_id: number | null }>(
    `SELECT id, level, name_key, parent_id FROM geo_division WHERE level IN ('province', 'county')`);
  const provinces = new Map<string, number>();
  const counties = new Map<string, { id: number; provinceId: number }[]>();
  for (const r of rows) {
    if (r.level === 'province') provinces.set(r.name_key, r.id);
    else counties.set(r.name_key, [...(counties.get(r.name_key) ?? []), { id: r.id, provinceId: r.parent_id! }]);
  }
  const { rows: cats } = await db.query<{ code: string; label_fa: string; label_en: string }>('SELECT code, label_fa, label_en FROM donor_category');
  const categories = new Map<string, string>();
  for (const c of cats) for (const n of [c.code, c.label_fa, c.label_en]) categories.set(searchKey(n), c.code);
  return { provinces, counties, places: new Map(), categories };
}

export interface GeoNames { province: string | null; county: string | null; place: string | null }

/** Looks up, in one query, the cities and villages of a batch not seen before. */
export async function preloadPlaces(db: Queryable, refs: ImportReferences, wanted: { countyId: number; key: string }[]): Promise<void> {
  const missing = wanted.filter((w) => !refs.places.has(`${w.countyId}|${w.key}`));
  if (!missing.length) return;
  if (refs.places.size > 200_000) refs.places.clear(); // bounded memory on pathological files
  const { rows } = await db.query<{ county: number; key: string; id: number }>(
    `SELECT DISTINCT ON (k.county, k.key) k.county, k.key, g.id
       FROM unnest($1::int[], $2::text[]) AS k(county, key)
       JOIN geo_division g ON g.county_id = k.county AND g.name_key = k.key AND g.level IN ('city', 'village')
      ORDER BY k.county, k.key, g.level`,
    [missing.map((m) => m.countyId), missing.map((m) => m.key)],
  );
  for (const m of missing) refs.places.set(`${m.countyId}|${m.key}`, rows.find((r) => r.county === m.countyId && r.key === m.key)?.id ?? null);
}

/** The county (and province) ids a row's names stand for; the city/village key still to look up. */
export function resolveCounty(refs: ImportReferences, names: GeoNames, values: NormalizedDonorFields, issues: FieldIssue[]): { countyId: number; placeKey: string } | null {
  let provinceId: number | null = null;
  if (names.province) {
    provinceId = refs.provinces.get(withoutPrefix(names.province, 'استان')) ?? null;
    if (provinceId === null) { issues.push({ field: 'address.provinceId', code: 'DONOR_IMPORT_PLACE_UNKNOWN' }); return null; }
    values.provinceId = provinceId;
  }
  let countyId: number | null = null;
  if (names.county) {
    const options = (refs.counties.get(withoutPrefix(names.county, 'شهرستان')) ?? []).filter((c) => provinceId === null || c.provinceId === provinceId);
    if (options.length !== 1) { issues.push({ field: 'address.countyId', code: 'DONOR_IMPORT_PLACE_UNKNOWN' }); return null; }
    countyId = options[0]!.id;
    values.countyId = countyId;
    values.provinceId = options[0]!.provinceId;
  }
  if (names.place) {
    if (countyId === null) { issues.push({ field: 'address.placeId', code: 'DONOR_IMPORT_PLACE_UNKNOWN' }); return null; }
    return { countyId, placeKey: searchKey(names.place) };
  }
  return null;
}

export function resolvePlace(refs: ImportReferences, want: { countyId: number; placeKey: string }, values: NormalizedDonorFields, issues: FieldIssue[]): void {
  const id = refs.places.get(`${want.countyId}|${want.placeKey}`) ?? null;
  if (id === null) issues.push({ field: 'address.placeId', code: 'DONOR_IMPORT_PLACE_UNKNOWN' });
  else values.placeId = id;
}

export function resolveCategories(refs: ImportReferences, values: NormalizedDonorFields, issues: FieldIssue[]): void {
  if (!values.categories) return;
  const codes: string[] = [];
  for (const [i, c] of values.categories.entries()) {
    const code = refs.categories.get(searchKey(c));
    if (code) { if (!codes.includes(code)) codes.push(code); } else issues.push({ field: `categories.${i}`, code: 'DONOR_CATEGORY_UNKNOWN' });
  }
  values.categories = codes;
}
