import { formatJalaliDate } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { RelationKind } from './donor-input.ts';
import { shownIdent, shownMobile, shownSheba } from './donor-pii.ts';
import { holdsForDonor, type DonorRow } from './donor-scope.ts';
import type { DonorDto } from './donors.schemas.ts';

/** Jalali 'YYYY/MM/DD' (Latin digits) of a calendar day stored as 'YYYY-MM-DD'. */
export function isoDateToJalali(iso: string): string {
  // noon UTC falls on the same calendar day in Tehran, whatever the offset of that year
  return formatJalaliDate(new Date(`${iso}T12:00:00Z`), { digits: 'latin' });
}

type GeoRef = { id: number; name: string; level: string };

/**
 * The profile of a donor as the API returns it. Personal identifiers are always masked here;
 * the full values come only from revealDonor(), which is audited.
 */
export async function buildDonorDto(db: Queryable, actor: Actor | SystemActor, row: DonorRow): Promise<DonorDto> {
  const owner = row.merged_into ?? row.id;
  const { rows: [extra] } = await db.query<{
    unit: { id: string; name: string; code: string };
    units: { id: string; name: string; code: string; reason: string }[];
    geo: GeoRef[];
    mobiles: string[];
    contacts: { id: string; full_name: string; title: string | null; mobile_enc: string | null; phone: string | null; email: string | null }[];
    relations: { kind: RelationKind; direction: 'outgoing' | 'incoming'; role: string | null; id: string; type: 'natural' | 'legal'; display_name: string; status: 'active' | 'merged' }[];
    merges: { survivor_id: string; merged_id: string; merged_name: string; merged_at: string; actor_name: string | null; reason: string | null; filled_fields: string[]; moved: Record<string, number>; frozen: Record<string, number> }[];
  }>(
    `SELECT
       (SELECT json_build_object('id', u.id, 'name', u.name, 'code', u.code) FROM org_unit u WHERE u.id = $2) AS unit,
       coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'code', u.code, 'reason', l.reason) ORDER BY l.linked_at)
                   FROM donor_unit_link l JOIN org_unit u ON u.id = l.unit_id WHERE l.donor_id = $3), '[]') AS units,
       coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'level', g.level))
                   FROM geo_division g WHERE g.id = ANY($4::int[])), '[]') AS geo,
       coalesce((SELECT json_agg(encode(m.mobile_enc, 'base64') ORDER BY m.position, m.added_at)
                   FROM donor_mobile m WHERE m.donor_id = $1), '[]') AS mobiles,
       coalesce((SELECT json_agg(json_build_object('id', c.id, 'full_name', c.full_name, 'title', c.title,
                   'mobile_enc', encode(c.mobile_enc, 'base64'), 'phone', c.phone, 'email', c.email) ORDER BY c.position)
                   FROM donor_contact c WHERE c.donor_id = $1), '[]') AS contacts,
       coalesce((SELECT json_agg(json_build_object('kind', r.kind, 'direction', r.direction, 'role', r.role, 'id', o.id,
                   'type', o.type, 'display_name', o.display_name, 'status', o.status) ORDER BY r.created_at)
                   FROM (SELECT kind, 'outgoing' AS direction, role, related_donor_id AS other, created_at FROM donor_relation WHERE donor_id = $1
                         UNION ALL
                         SELECT kind, 'incoming', role, donor_id, created_at FROM donor_relation WHERE related_donor_id = $1) r
                   JOIN donor o ON o.id = r.other), '[]') AS relations,
       coalesce((SELECT json_agg(json_build_object('survivor_id', m.survivor_id, 'merged_id', m.merged_id, 'merged_name', md.display_name,
                   'merged_at', m.merged_at, 'actor_name', m.actor_name, 'reason', m.reason, 'filled_fields', m.filled_fields,
                   'moved', m.moved, 'frozen', m.frozen) ORDER BY m.merged_at DESC)
                   FROM donor_merge m JOIN donor md ON md.id = m.merged_id
                  WHERE m.survivor_id = $3 OR m.merged_id = $1
                     OR m.survivor_id IN (SELECT x.id FROM donor x WHERE x.merged_into = $3)), '[]') AS merges`,
    [row.id, row.unit_id, owner, [row.province_geo_id, row.county_geo_id, row.place_geo_id].filter((x) => x !== null)],
  );
  const e = extra!;
  const geo = (id: number | null): GeoRef | null => (id === null ? null : e.geo.find((g) => g.id === id) ?? null);
  const b64 = (s: string | null) => (s ? Buffer.from(s, 'base64') : null);
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    mergedIntoId: row.merged_into,
    displayName: row.display_name,
    firstName: row.first_name,
    lastName: row.last_name,
    fatherName: row.father_name,
    nationalCode: row.type === 'natural' ? shownIdent('natural', row.ident_enc, false) : null,
    birthDate: row.birth_date ? isoDateToJalali(row.birth_date) : null,
    birthDateIso: row.birth_date,
    gender: row.gender,
    legalName: row.legal_name,
    legalType: row.legal_type,
    legalId: row.type === 'legal' ? shownIdent('legal', row.ident_enc, false) : null,
    registrationNo: row.registration_no,
    economicCode: row.economic_code,
    mobiles: e.mobiles.map((m) => shownMobile(b64(m), false)!),
    phone: row.phone,
    email: row.email,
    preferredChannel: row.preferred_channel,
    address: { province: geo(row.province_geo_id), county: geo(row.county_geo_id), place: geo(row.place_geo_id), line: row.address_line, postalCode: row.postal_code },
    sheba: shownSheba(row.sheba_enc, false),
    publicConsent: row.public_consent,
    tags: row.tags,
    categories: row.categories,
    notes: row.notes,
    contacts: e.contacts.map((c) => ({ id: c.id, fullName: c.full_name, title: c.title, mobile: shownMobile(b64(c.mobile_enc), false), phone: c.phone, email: c.email })),
    relations: e.relations.map((r) => ({ kind: r.kind, direction: r.direction, role: r.role, donor: { id: r.id, type: r.type, displayName: r.display_name, status: r.status } })),
    unit: e.unit,
    units: e.units,
    can: {
      edit: row.status === 'active' && holdsForDonor(actor, 'donors.manage', row),
      reveal: holdsForDonor(actor, 'donors.pii', row),
      merge: row.status === 'active' && holdsForDonor(actor, 'donors.merge', row),
    },
    mergeHistory: e.merges.map((m) => ({
      survivorId: m.survivor_id, mergedId: m.merged_id, mergedDisplayName: m.merged_name, mergedAt: new Date(m.merged_at).toISOString(),
      actorName: m.actor_name, reason: m.reason, filledFields: m.filled_fields, moved: m.moved, frozen: m.frozen,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
