import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { holdsAt, scopeRoots } from '../access/scope.ts';
import type { DonorType, LegalType } from './donor-input.ts';

/**
 * Who sees a donor: those holding the permission at a unit above (or at) one of the units that
 * know the donor: the registering unit and the units where the donor gave (donor_unit_link).
 * HQ sees all. Out of scope answers like a missing record (404), so ids cannot be probed.
 */

/** The org units where the actor holds `permission` (whole subtrees); null: every unit (HQ, system). */
export async function scopeUnitIds(db: Queryable, actor: Actor | SystemActor, permission: Permission): Promise<string[] | null> {
  const roots = scopeRoots(actor, permission);
  if (roots === null) return null;
  if (roots.length === 0) return [];
  const { rows } = await db.query<{ everything: boolean; units: string[] }>(
    `SELECT coalesce(bool_or(kind = 'hq' AND id = ANY($1::uuid[])), false) AS everything,
            coalesce(array_agg(id) FILTER (WHERE path && $1::uuid[]), '{}') AS units
       FROM org_unit`,
    [roots],
  );
  return rows[0]!.everything ? null : rows[0]!.units;
}

/** The units of `unitId`'s subtree, within `scope` (null: no limit). */
export async function unitsUnder(db: Queryable, unitId: string, scope: string[] | null): Promise<string[]> {
  const { rows } = await db.query<{ units: string[] }>(
    `SELECT coalesce(array_agg(id), '{}') AS units FROM org_unit WHERE path @> ARRAY[$1::uuid] AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
    [unitId, scope]);
  return rows[0]!.units;
}

/**
 * SQL: the (active) donor `alias` is known to one of the units in the uuid[] parameter `param`:
 * registered there, or linked there for another reason (gave there, merged from there). Reads
 * donor.known_units (a copy of the donor's links kept by triggers, migration 0830), which leads the
 * GIN index it shares with the name's trigrams: a name search within a scope is one index scan.
 */
export function knownTo(alias: string, param: string): string {
  return `${alias}.known_units && ${param}::uuid[]`;
}

export interface DonorRow {
  id: string; type: DonorType; status: 'active' | 'merged'; merged_into: string | null; merged_at: Date | null;
  unit_id: string; display_name: string; name_key: string;
  first_name: string | null; last_name: string | null; father_name: string | null; birth_date: string | null; gender: 'male' | 'female' | null;
  legal_name: string | null; legal_type: LegalType | null; registration_no: string | null; economic_code: string | null;
  ident_hash: Buffer | null; ident_enc: Buffer | null;
  phone: string | null; email: string | null; preferred_channel: 'sms' | 'call' | 'email' | 'post' | 'none' | null;
  province_geo_id: number | null; county_geo_id: number | null; place_geo_id: number | null; address_line: string | null; postal_code: string | null;
  sheba_enc: Buffer | null; public_consent: boolean; tags: string[]; categories: string[]; notes: string | null;
  created_by: string | null; created_at: Date; updated_at: Date;
  /** org_unit.path of every unit that knows the donor (of the survivor, for a merged record) */
  unit_paths: string[][];
}

/** Every column of donor, birth_date as text ('YYYY-MM-DD': a calendar day, never shifted by time zones). */
export const donorColumns = `d.id, d.type, d.status, d.merged_into, d.merged_at, d.unit_id, d.display_name, d.name_key,
  d.first_name, d.last_name, d.father_name, d.birth_date::text AS birth_date, d.gender, d.legal_name, d.legal_type,
  d.registration_no, d.economic_code, d.ident_hash, d.ident_enc, d.phone, d.email, d.preferred_channel,
  d.province_geo_id, d.county_geo_id, d.place_geo_id, d.address_line, d.postal_code, d.sheba_enc, d.public_consent,
  d.tags, d.categories, d.notes, d.created_by, d.created_at, d.updated_at,
  coalesce((SELECT jsonb_agg(ou.path) FROM donor_unit_link l JOIN org_unit ou ON ou.id = l.unit_id
             WHERE l.donor_id = coalesce(d.merged_into, d.id)), '[]') AS unit_paths`;

export function holdsForDonor(actor: Actor | SystemActor, permission: Permission, row: Pick<DonorRow, 'unit_paths'>): boolean {
  return row.unit_paths.some((p) => holdsAt(actor, permission, p));
}

/**
 * Loads a donor the actor may act on with `permission` (404 when out of read scope, 403 when
 * visible but the permission is missing). `forUpdate` locks the row.
 */
export async function loadDonor(db: Queryable, actor: Actor | SystemActor, id: string, permission: Permission, forUpdate = false): Promise<DonorRow> {
  const { rows } = await db.query<DonorRow>(`SELECT ${donorColumns} FROM donor d WHERE d.id = $1 ${forUpdate ? 'FOR UPDATE OF d' : ''}`, [id]);
  const row = rows[0];
  if (!row || !holdsForDonor(actor, 'donors.read', row)) throw new AppError('DONOR_NOT_FOUND');
  if (!holdsForDonor(actor, permission, row)) throw new AppError('FORBIDDEN');
  return row;
}
