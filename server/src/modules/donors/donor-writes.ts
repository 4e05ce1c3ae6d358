import type { Queryable } from '../../db/pool.ts';
import type { DataKeys } from '../../lib/crypto-keys.ts';
import { AppError } from '../../lib/errors.ts';
import { messageOf } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { DonorType, FieldIssue, NormalizedContact, NormalizedDonorFields, RelationKind } from './donor-input.ts';
import { encryptMobile, mobileHash } from './donor-pii.ts';
import { holdsForDonor, donorColumns, type DonorRow } from './donor-scope.ts';

/** Helpers shared by create, update, import and merge. */

/** Throws the first issue's code with every issue as a field (so a form can show them all). */
export function throwIssues(issues: FieldIssue[]): void {
  if (!issues.length) return;
  throw new AppError(issues[0]!.code, {
    fields: issues.map((i) => ({ field: i.field, code: i.code, message: messageOf(i.code) })),
  });
}

/**
 * Checks what needs the database: the address belongs together (a missing province or county is
 * taken from the place below it), the categories exist. Fills the derived geo ids into `values`.
 */
export async function checkGeoAndCategories(db: Queryable, values: NormalizedDonorFields): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const ids = [values.provinceId, values.countyId, values.placeId].filter((x): x is number => typeof x === 'number');
  if (ids.length) {
    const { rows } = await db.query<{ id: number; level: string; parent_id: number | null; province_id: number | null; county_id: number | null }>(
      'SELECT id, level, parent_id, province_id, county_id FROM geo_division WHERE id = ANY($1::int[])', [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const place = values.placeId != null ? byId.get(values.placeId) : undefined;
    const county = values.countyId != null ? byId.get(values.countyId) : undefined;
    const province = values.provinceId != null ? byId.get(values.provinceId) : undefined;
    if (values.placeId != null && (!place || (place.level !== 'city' && place.level !== 'village'))) issues.push({ field: 'address.placeId', code: 'DONOR_GEO_INVALID' });
    else if (values.countyId != null && (!county || county.level !== 'county')) issues.push({ field: 'address.countyId', code: 'DONOR_GEO_INVALID' });
    else if (values.provinceId != null && (!province || province.level !== 'province')) issues.push({ field: 'address.provinceId', code: 'DONOR_GEO_INVALID' });
    else {
      if (place) {
        if (values.countyId != null && place.county_id !== values.countyId) issues.push({ field: 'address.placeId', code: 'DONOR_GEO_INVALID' });
        values.countyId = place.county_id;
        if (values.provinceId != null && place.province_id !== values.provinceId) issues.push({ field: 'address.placeId', code: 'DONOR_GEO_INVALID' });
        values.provinceId = place.province_id;
      } else if (county) {
        if (values.provinceId != null && county.parent_id !== values.provinceId) issues.push({ field: 'address.countyId', code: 'DONOR_GEO_INVALID' });
        values.provinceId = county.parent_id;
      }
    }
  }
  if (values.categories?.length) {
    const { rows } = await db.query<{ code: string }>('SELECT code FROM donor_category WHERE code = ANY($1::text[])', [values.categories]);
    for (const [i, c] of values.categories.entries()) {
      if (!rows.some((r) => r.code === c)) issues.push({ field: `categories.${i}`, code: 'DONOR_CATEGORY_UNKNOWN' });
    }
  }
  return issues;
}

export interface RelationsInput {
  /** natural persons: this donor is <kind> the other */
  relations?: { kind: RelationKind; donorId: string; role?: string | null | undefined }[] | undefined;
  /** legal persons: natural persons who represent it */
  representatives?: { donorId: string; role: string }[] | undefined;
}

/** Checks the donors named in relations: visible to the actor, active, of the right type. */
export async function checkRelations(db: Queryable, actor: Actor | SystemActor, type: DonorType, selfId: string | null, input: RelationsInput): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (type === 'legal' && input.relations?.length) issues.push({ field: 'relations', code: 'DONOR_FIELD_NOT_FOR_TYPE' });
  if (type === 'natural' && input.representatives?.length) issues.push({ field: 'representatives', code: 'DONOR_FIELD_NOT_FOR_TYPE' });
  const wanted = [
    ...(input.relations ?? []).map((r, i) => ({ field: `relations.${i}.donorId`, id: r.donorId, need: r.kind === 'family_of' ? 'natural' : 'legal' })),
    ...(input.representatives ?? []).map((r, i) => ({ field: `representatives.${i}.donorId`, id: r.donorId, need: 'natural' })),
  ];
  if (!wanted.length) return issues;
  const { rows } = await db.query<DonorRow>(`SELECT ${donorColumns} FROM donor d WHERE d.id = ANY($1::uuid[])`, [wanted.map((w) => w.id)]);
  for (const w of wanted) {
    const other = rows.find((r) => r.id === w.id);
    if (!other || other.status !== 'active' || !holdsForDonor(actor, 'donors.read', other)) issues.push({ field: w.field, code: 'DONOR_RELATED_NOT_FOUND' });
    else if (other.type !== w.need || other.id === selfId) issues.push({ field: w.field, code: 'DONOR_RELATION_INVALID' });
  }
  return issues;
}

/** Replaces the relations this donor owns: outgoing ones (natural) or its representatives (legal). */
export async function writeRelations(tx: Queryable, donorId: string, input: RelationsInput): Promise<void> {
  if (input.relations) {
    await tx.query('DELETE FROM donor_relation WHERE donor_id = $1', [donorId]);
    for (const r of input.relations) {
      await tx.query(`INSERT INTO donor_relation (donor_id, related_donor_id, kind, role) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [donorId, r.donorId, r.kind, r.role?.trim() || null]);
    }
  }
  if (input.representatives) {
    await tx.query(`DELETE FROM donor_relation WHERE related_donor_id = $1 AND kind = 'representative_of'`, [donorId]);
    for (const r of input.representatives) {
      await tx.query(`INSERT INTO donor_relation (donor_id, related_donor_id, kind, role) VALUES ($1, $2, 'representative_of', $3)
                      ON CONFLICT (donor_id, related_donor_id, kind) DO UPDATE SET role = EXCLUDED.role`, [r.donorId, donorId, r.role.trim()]);
    }
  }
}

/** Replaces the mobiles of a donor (position = order given). */
export async function writeMobiles(tx: Queryable, donorId: string, mobiles: string[], keys: DataKeys): Promise<void> {
  await tx.query('DELETE FROM donor_mobile WHERE donor_id = $1', [donorId]);
  if (!mobiles.length) return;
  await tx.query(
    `INSERT INTO donor_mobile (donor_id, mobile_hash, mobile_enc, position)
     SELECT $1, h, e, p FROM unnest($2::bytea[], $3::bytea[], $4::smallint[]) AS x(h, e, p)`,
    [donorId, mobiles.map((m) => mobileHash(m, keys)), mobiles.map((m) => encryptMobile(m, keys)), mobiles.map((_, i) => i)],
  );
}

export async function writeContacts(tx: Queryable, donorId: string, contacts: NormalizedContact[], keys: DataKeys): Promise<void> {
  await tx.query('DELETE FROM donor_contact WHERE donor_id = $1', [donorId]);
  for (const [i, c] of contacts.entries()) {
    await tx.query(
      `INSERT INTO donor_contact (donor_id, full_name, title, mobile_hash, mobile_enc, phone, email, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [donorId, c.fullName, c.title, c.mobile ? mobileHash(c.mobile, keys) : null, c.mobile ? encryptMobile(c.mobile, keys) : null, c.phone, c.email, i],
    );
  }
}

/** Serialises concurrent registrations of one identifier (until the transaction ends). */
export async function lockIdentity(tx: Queryable, hash: Buffer): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended(encode($1::bytea, 'hex'), 0))`, [hash]);
}

/** The donor holding an identifier, with its scope paths (for the duplicate answer). */
export async function donorByIdentity(db: Queryable, hash: Buffer): Promise<DonorRow | undefined> {
  const { rows } = await db.query<DonorRow>(`SELECT ${donorColumns} FROM donor d WHERE d.ident_hash = $1`, [hash]);
  return rows[0];
}

/** 409 DONOR_DUPLICATE; the existing id only for a caller who may see that donor. */
export function duplicateError(actor: Actor | SystemActor, existing: DonorRow, field: string): AppError {
  const visible = holdsForDonor(actor, 'donors.read', existing);
  return new AppError('DONOR_DUPLICATE', { field, ...(visible ? { details: { existingId: existing.id } } : {}) });
}
