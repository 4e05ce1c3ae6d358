import crypto from 'node:crypto';
import { searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../../db/pool.ts';
import type { DataKeys } from '../../../lib/crypto-keys.ts';
import { messageOf } from '../../../lib/errors.ts';
import type { OpContext } from '../../access/actor.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { displayNameOf, normalizeDonorFields, type DonorType, type FieldIssue, type NormalizedDonorFields } from '../donor-input.ts';
import { encryptIdent, encryptMobile, encryptSheba, identHash, mobileHash } from '../donor-pii.ts';
import { donorColumns, holdsForDonor, type DonorRow } from '../donor-scope.ts';
import { columnOfField, convertRow, type HeaderMap } from './import-columns.ts';
import { preloadPlaces, resolveCategories, resolveCounty, resolvePlace, type ImportReferences } from './import-references.ts';
import type { SheetRow } from './read-import-rows.ts';

export interface ImportState {
  id: string;
  unitId: string;
  dryRun: boolean;
  header: HeaderMap;
  refs: ImportReferences;
  keys: DataKeys;
}

interface Prepared {
  rowNo: number;
  type: DonorType;
  values: NormalizedDonorFields;
  displayName: string;
  identHash: Buffer | null;
  mobileHashes: Buffer[];
  /** rows of the file that describe the same donor as this one (after the first) */
  merged: number[];
}

export interface BatchCounts { read: number; valid: number; invalid: number; created: number; updated: number; unchanged: number }

// Blank columns of an existing donor that an import row may fill; nothing is ever overwritten.
const fillColumns = [
  ['fatherName', 'father_name'], ['birthDate', 'birth_date'], ['gender', 'gender'], ['registrationNo', 'registration_no'],
  ['economicCode', 'economic_code'], ['phone', 'phone'], ['email', 'email'], ['preferredChannel', 'preferred_channel'], ['notes', 'notes'],
] as const;
const addressColumns = [['provinceId', 'province_geo_id'], ['countyId', 'county_geo_id'], ['placeId', 'place_geo_id'], ['addressLine', 'address_line'], ['postalCode', 'postal_code']] as const;

/** Fills the blanks of `into` from `from` (same donor, two rows of one file). */
function fillFrom(into: Prepared, from: Prepared): void {
  const a = into.values as Record<string, unknown>;
  const b = from.values as Record<string, unknown>;
  for (const [f] of [...fillColumns, ...addressColumns]) if ((a[f] ?? null) === null && (b[f] ?? null) !== null) a[f] = b[f];
  if (!into.identHash && from.identHash) { into.identHash = from.identHash; a.nationalCode = b.nationalCode; a.legalId = b.legalId; }
  if (!a.sheba && b.sheba) a.sheba = b.sheba;
  for (const list of ['tags', 'categories'] as const) a[list] = [...new Set([...(into.values[list] ?? []), ...(from.values[list] ?? [])])];
  for (const [i, h] of from.mobileHashes.entries()) {
    if (!into.mobileHashes.some((x) => x.equals(h))) { into.mobileHashes.push(h); into.values.mobiles = [...(into.values.mobiles ?? []), from.values.mobiles![i]!]; }
  }
  into.merged.push(from.rowNo);
}

/**
 * Validates, matches and (unless a dry run) writes one batch of import rows in one transaction,
 * together with the batch's error rows, the import's progress and an audit row: a crash between
 * batches loses nothing and the job resumes after the last committed batch.
 *
 * Matching: a row with a national code / legal id matches the donor holding it; a row without
 * one matches a donor of the same name with one of its mobiles (within the caller's units).
 * A matched donor only gets its blank fields filled, and missing mobiles, tags and categories
 * added; nothing is overwritten. So importing the same file again changes nothing.
 */
export async function applyImportBatch(tx: Queryable, ctx: OpContext, state: ImportState, rows: SheetRow[]): Promise<BatchCounts> {
  const counts: BatchCounts = { read: 0, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0 };
  const errors: { rowNo: number; issue: FieldIssue }[] = [];
  const converted: { rowNo: number; c: NonNullable<ReturnType<typeof convertRow>>; values: NormalizedDonorFields; issues: FieldIssue[]; place: { countyId: number; placeKey: string } | null }[] = [];
  for (const r of rows) {
    const c = convertRow(r.cells, state.header);
    if (!c) continue;
    counts.read += 1;
    const { values, issues } = normalizeDonorFields(c.type, c.input, { partial: false });
    issues.unshift(...c.issues);
    const place = resolveCounty(state.refs, c.geo, values, issues);
    resolveCategories(state.refs, values, issues);
    converted.push({ rowNo: r.rowNo, c, values, issues, place });
  }
  await preloadPlaces(tx, state.refs, converted.flatMap((x) => (x.place ? [{ countyId: x.place.countyId, key: x.place.placeKey }] : [])));

  // one entry per donor: rows naming the same identifier (or name + mobile) are combined
  const byKey = new Map<string, Prepared>();
  for (const x of converted) {
    if (x.place) resolvePlace(state.refs, x.place, x.values, x.issues);
    const ident = x.c.type === 'natural' ? x.values.nationalCode : x.values.legalId;
    if (!ident && !x.values.mobiles?.length && !x.issues.length) {
      x.issues.push({ field: x.c.type === 'natural' ? 'nationalCode' : 'legalId', code: 'DONOR_IMPORT_IDENTITY_REQUIRED' });
    }
    if (x.issues.length) {
      counts.invalid += 1;
      for (const issue of x.issues) errors.push({ rowNo: x.rowNo, issue });
      continue;
    }
    counts.valid += 1;
    const displayName = displayNameOf(x.c.type, x.values);
    const p: Prepared = {
      rowNo: x.rowNo, type: x.c.type, values: x.values, displayName,
      identHash: ident ? identHash(x.c.type, ident, state.keys) : null,
      mobileHashes: (x.values.mobiles ?? []).map((m) => mobileHash(m, state.keys)), merged: [],
    };
    const key = p.identHash ? `I${p.identHash.toString('hex')}` : `M${p.type}|${searchKey(displayName)}|${p.mobileHashes[0]!.toString('hex')}`;
    const first = byKey.get(key);
    if (first) fillFrom(first, p); else byKey.set(key, p);
  }
  const prepared = [...byKey.values()];

  // serialise with concurrent registrations of the same identifiers (createDonor takes the same locks)
  const hashes = prepared.flatMap((p) => (p.identHash ? [p.identHash] : []));
  if (!state.dryRun && hashes.length) {
    await tx.query(`SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(encode(h, 'hex'), 0) AS k FROM unnest($1::bytea[]) AS h ORDER BY 1) x`, [hashes]);
  }
  const lock = state.dryRun ? '' : 'FOR UPDATE OF d';
  const { rows: byIdent } = await tx.query<DonorRow>(`SELECT ${donorColumns} FROM donor d WHERE d.ident_hash = ANY($1::bytea[]) ${lock}`, [hashes]);
  const noIdent = prepared.filter((p) => !p.identHash);
  const { rows: byMobile } = noIdent.length ? await tx.query<DonorRow & { k: number }>(
    `SELECT k.i::int AS k, ${donorColumns}
       FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS k(name_key, hash, type, i)
       JOIN donor_mobile m ON m.mobile_hash = k.hash
       JOIN donor d ON d.id = m.donor_id AND d.name_key = k.name_key AND d.type = k.type AND d.merged_into IS NULL
      ORDER BY k.i, d.created_at ${lock}`,
    [noIdent.map((p) => searchKey(p.displayName)), noIdent.map((p) => p.mobileHashes[0]!), noIdent.map((p) => p.type)],
  ) : { rows: [] };
  const noIdentIndex = new Map(noIdent.map((p, i) => [p, i + 1]));
  const matched = new Map<Prepared, DonorRow>();
  const blocked = new Set<Prepared>();
  for (const p of prepared) {
    const existing = p.identHash
      ? byIdent.find((d) => d.ident_hash!.equals(p.identHash!))
      : byMobile.find((d) => d.k === noIdentIndex.get(p) && holdsForDonor(ctx.actor, 'donors.manage', d));
    if (!existing) continue;
    if (holdsForDonor(ctx.actor, 'donors.manage', existing)) {
      matched.set(p, existing);
      continue;
    }
    // registered where the importer has no access: say so, change nothing, give no id
    blocked.add(p);
    const rowsOfDonor = [p.rowNo, ...p.merged];
    counts.valid -= rowsOfDonor.length;
    counts.invalid += rowsOfDonor.length;
    for (const rowNo of rowsOfDonor) errors.push({ rowNo, issue: { field: p.type === 'natural' ? 'nationalCode' : 'legalId', code: 'DONOR_IMPORT_EXISTS_ELSEWHERE' } });
  }

  // existing donors: what the rows add
  const existingIds = [...matched.values()].map((d) => d.id);
  const { rows: currentMobiles } = existingIds.length
    ? await tx.query<{ donor_id: string; mobile_hash: Buffer }>('SELECT donor_id, mobile_hash FROM donor_mobile WHERE donor_id = ANY($1::uuid[])', [existingIds])
    : { rows: [] };
  const updates: { row: DonorRow; set: Record<string, unknown>; mobiles: { hash: Buffer; mobile: string }[] }[] = [];
  const creates: Prepared[] = [];
  for (const p of prepared) {
    if (blocked.has(p)) continue;
    const d = matched.get(p);
    counts.unchanged += p.merged.length;
    if (!d) { creates.push(p); continue; }
    const cur = d as unknown as Record<string, unknown>;
    const v = p.values as Record<string, unknown>;
    const set: Record<string, unknown> = {};
    for (const [f, col] of fillColumns) if (cur[col] === null && (v[f] ?? null) !== null) set[col] = v[f];
    if (addressColumns.every(([, col]) => cur[col] === null) && addressColumns.some(([f]) => (v[f] ?? null) !== null)) {
      for (const [f, col] of addressColumns) set[col] = v[f] ?? null;
    }
    if (!d.sheba_enc && p.values.sheba) set.sheba_enc = encryptSheba(p.values.sheba, state.keys);
    for (const [list, col] of [['tags', 'tags'], ['categories', 'categories']] as const) {
      const next = [...new Set([...(cur[col] as string[]), ...(p.values[list] ?? [])])];
      if (next.length !== (cur[col] as string[]).length) set[col] = next;
    }
    const have = currentMobiles.filter((m) => m.donor_id === d.id).map((m) => m.mobile_hash);
    const mobiles = p.mobileHashes.flatMap((h, i) => (have.some((x) => x.equals(h)) ? [] : [{ hash: h, mobile: p.values.mobiles![i]! }]));
    if (Object.keys(set).length || mobiles.length) { updates.push({ row: d, set, mobiles }); counts.updated += 1; } else counts.unchanged += 1;
  }
  counts.created = creates.length;

  if (!state.dryRun) {
    await insertDonors(tx, ctx, state, creates);
    for (const u of updates) {
      const cols = Object.keys(u.set);
      if (cols.length) {
        await tx.query(`UPDATE donor SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [u.row.id, ...cols.map((c) => u.set[c])]);
      }
    }
    const extra = updates.flatMap((u) => u.mobiles.map((m, i) => ({ id: u.row.id, ...m, position: 100 + i })));
    await insertMobiles(tx, state.keys, extra);
    if (creates.length || updates.length) {
      await writeAudit(tx, ctx, {
        action: 'donor.import_batch', entityType: 'donor_import', entityId: state.id, unitId: state.unitId,
        summary: {
          rows: [rows[0]?.rowNo ?? null, rows.at(-1)?.rowNo ?? null],
          created: creates.map((c) => createdIds.get(c)),
          updated: updates.map((u) => ({ id: u.row.id, filled: Object.keys(u.set), mobiles: u.mobiles.length })),
        },
      });
    }
  }
  if (errors.length) {
    await tx.query(
      `INSERT INTO donor_import_error (import_id, row_no, field, column_title, code, message_fa, message_en)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [state.id, errors.map((e) => e.rowNo), errors.map((e) => e.issue.field), errors.map((e) => columnOfField(e.issue.field, state.header)), errors.map((e) => e.issue.code),
        errors.map((e) => messageOf(e.issue.code).fa), errors.map((e) => messageOf(e.issue.code).en)],
    );
  }
  const last = rows.at(-1)?.rowNo;
  await tx.query(
    `UPDATE donor_import SET rows_read = rows_read + $2, rows_valid = rows_valid + $3, rows_invalid = rows_invalid + $4,
            created_count = created_count + $5, updated_count = updated_count + $6, unchanged_count = unchanged_count + $7,
            next_row = greatest(next_row, $8), updated_at = now() WHERE id = $1`,
    [state.id, counts.read, counts.valid, counts.invalid, counts.created, counts.updated, counts.unchanged, (last ?? 0) + 1],
  );
  return counts;
}

const createdIds = new WeakMap<Prepared, string>();

/** New donors of a batch: one multi-row INSERT … SELECT FROM unnest(…) per table. */
async function insertDonors(tx: Queryable, ctx: OpContext, state: ImportState, creates: Prepared[]): Promise<void> {
  if (!creates.length) return;
  const ids = creates.map((p) => {
    const id = crypto.randomUUID();
    createdIds.set(p, id);
    return id;
  });
  const col = <T>(f: (p: Prepared) => T) => creates.map(f);
  const v = (p: Prepared) => p.values;
  await tx.query(
    `INSERT INTO donor (id, type, unit_id, display_name, name_key, first_name, last_name, father_name, birth_date, gender,
        legal_name, legal_type, registration_no, economic_code, ident_hash, ident_enc, phone, email, preferred_channel,
        province_geo_id, county_geo_id, place_geo_id, address_line, postal_code, sheba_enc, public_consent, tags, categories, notes, created_by)
     SELECT u.id, u.type, $1, u.display_name, u.name_key, u.first_name, u.last_name, u.father_name, u.birth_date, u.gender,
        u.legal_name, u.legal_type, u.registration_no, u.economic_code, u.ident_hash, u.ident_enc, u.phone, u.email, u.preferred_channel,
        u.province, u.county, u.place, u.address_line, u.postal_code, u.sheba_enc, u.public_consent,
        ARRAY(SELECT jsonb_array_elements_text(u.tags)), ARRAY(SELECT jsonb_array_elements_text(u.categories)), u.notes, $2
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::text[],
                   $12::text[], $13::text[], $14::text[], $15::text[], $16::bytea[], $17::bytea[], $18::text[], $19::text[], $20::text[],
                   $21::int[], $22::int[], $23::int[], $24::text[], $25::text[], $26::bytea[], $27::boolean[], $28::jsonb[], $29::jsonb[], $30::text[])
         AS u(id, type, display_name, name_key, first_name, last_name, father_name, birth_date, gender, legal_name, legal_type,
              registration_no, economic_code, ident_hash, ident_enc, phone, email, preferred_channel, province, county, place,
              address_line, postal_code, sheba_enc, public_consent, tags, categories, notes)`,
    [state.unitId, ctx.actor.kind === 'staff' ? ctx.actor.userId : null, ids, col((p) => p.type), col((p) => p.displayName),
      col((p) => searchKey(p.displayName)), col((p) => v(p).firstName ?? null), col((p) => v(p).lastName ?? null), col((p) => v(p).fatherName ?? null),
      col((p) => v(p).birthDate ?? null), col((p) => v(p).gender ?? null), col((p) => v(p).legalName ?? null), col((p) => v(p).legalType ?? null),
      col((p) => v(p).registrationNo ?? null), col((p) => v(p).economicCode ?? null), col((p) => p.identHash),
      col((p) => {
        const ident = p.type === 'natural' ? v(p).nationalCode : v(p).legalId;
        return ident ? encryptIdent(p.type, ident, state.keys) : null;
      }),
      col((p) => v(p).phone ?? null), col((p) => v(p).email ?? null), col((p) => v(p).preferredChannel ?? null),
      col((p) => v(p).provinceId ?? null), col((p) => v(p).countyId ?? null), col((p) => v(p).placeId ?? null),
      col((p) => v(p).addressLine ?? null), col((p) => v(p).postalCode ?? null), col((p) => (v(p).sheba ? encryptSheba(v(p).sheba!, state.keys) : null)),
      col((p) => v(p).publicConsent ?? false), col((p) => JSON.stringify(v(p).tags ?? [])), col((p) => JSON.stringify(v(p).categories ?? [])),
      col((p) => v(p).notes ?? null)],
  );
  await tx.query(`INSERT INTO donor_unit_link (donor_id, unit_id, reason) SELECT id, $2, 'import' FROM unnest($1::uuid[]) AS id`, [ids, state.unitId]);
  await insertMobiles(tx, state.keys, creates.flatMap((p, k) => p.mobileHashes.map((hash, i) => ({ id: ids[k]!, hash, mobile: p.values.mobiles![i]!, position: i }))));
}

async function insertMobiles(tx: Queryable, keys: DataKeys, rows: { id: string; hash: Buffer; mobile: string; position: number }[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO donor_mobile (donor_id, mobile_hash, mobile_enc, position)
     SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::bytea[], $4::smallint[]) ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.hash), rows.map((r) => encryptMobile(r.mobile, keys)), rows.map((r) => r.position)],
  );
}
