import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { buildDonorDto } from './donor-dto.ts';
import { loadDonor, type DonorRow } from './donor-scope.ts';

export interface MergeDonorsInput {
  /** the surviving record */
  id: string;
  /** the duplicate, merged into `id` and kept (status 'merged') */
  duplicateId: string;
  reason?: string | null | undefined;
}

// Blank columns of the survivor that the duplicate fills in. The address moves as a whole, never
// mixed from two records.
const fillable = ['father_name', 'birth_date', 'gender', 'registration_no', 'economic_code', 'phone', 'email', 'preferred_channel', 'sheba_enc'] as const;
const addressColumns = ['province_geo_id', 'county_geo_id', 'place_geo_id', 'address_line', 'postal_code'] as const;

// Tables of this module whose rows are facts about a donor ("has this mobile", "is known to that
// unit"): after a merge the survivor may already hold the same fact, and the duplicate's copy is
// redundant. Anywhere else a unique conflict stops the merge instead of losing a row.
const setLikeTables = new Set(['donor_unit_link', 'donor_mobile', 'donor_relation']);

interface DonorReference { qualified: string; table_name: string; qcol: string; relid: number; attnum: number; can_update: boolean }

/**
 * Every column in the database that references donor(id), found in pg_catalog at the moment of
 * the merge, so that tables added later by other modules (contributions, pledges…) follow merges
 * without registering anywhere. donor_merge is left out on purpose: it is the history of merges
 * and must keep naming the merged record.
 */
export async function donorReferences(db: Queryable): Promise<DonorReference[]> {
  const { rows } = await db.query<DonorReference>(
    `SELECT format('%I.%I', n.nspname, t.relname) AS qualified, t.relname AS table_name, quote_ident(a.attname) AS qcol,
            t.oid::int AS relid, a.attnum::int AS attnum, has_column_privilege(t.oid, a.attnum, 'UPDATE') AS can_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
      WHERE con.contype = 'f' AND con.confrelid = 'donor'::regclass AND cardinality(con.conkey) = 1
        AND t.relname <> 'donor_merge'
      ORDER BY t.relname, a.attname`,
  );
  return rows;
}

async function dropRedundant(tx: Queryable, ref: DonorReference, survivorId: string, mergedId: string): Promise<void> {
  const { rows } = await tx.query<{ others: string[] }>(
    `SELECT coalesce(array_agg(quote_ident(att.attname)) FILTER (WHERE att.attnum <> $2), '{}') AS others
       FROM pg_index i JOIN pg_attribute att ON att.attrelid = i.indrelid AND att.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1 AND i.indisunique AND $2 = ANY(i.indkey)
      GROUP BY i.indexrelid`,
    [ref.relid, ref.attnum],
  );
  for (const { others } of rows) {
    const same = others.map((c) => `s.${c} IS NOT DISTINCT FROM l.${c}`).join(' AND ') || 'true';
    await tx.query(
      `DELETE FROM ${ref.qualified} l WHERE l.${ref.qcol} = $2
          AND EXISTS (SELECT 1 FROM ${ref.qualified} s WHERE s.${ref.qcol} = $1 AND ${same})`,
      [survivorId, mergedId],
    );
  }
}

/** Re-points every reference from the merged record to the survivor; reports moved and frozen rows. */
async function repointReferences(tx: Queryable, survivorId: string, mergedId: string) {
  const moved: Record<string, number> = {};
  const frozen: Record<string, number> = {};
  for (const ref of await donorReferences(tx)) {
    const key = `${ref.table_name}.${ref.qcol.replace(/"/g, '')}`;
    const count = async () => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ref.qualified} WHERE ${ref.qcol} = $1`, [mergedId])).rows[0]!.n;
    if (!ref.can_update) {
      const n = await count();
      if (n) frozen[key] = n;
      continue;
    }
    if (setLikeTables.has(ref.table_name)) await dropRedundant(tx, ref, survivorId, mergedId);
    await tx.query('SAVEPOINT donor_repoint');
    try {
      const res = await tx.query(`UPDATE ${ref.qualified} SET ${ref.qcol} = $1 WHERE ${ref.qcol} = $2`, [survivorId, mergedId]);
      await tx.query('RELEASE SAVEPOINT donor_repoint');
      if (res.rowCount) moved[key] = res.rowCount;
    } catch (err) {
      await tx.query('ROLLBACK TO SAVEPOINT donor_repoint');
      const code = (err as { code?: string }).code;
      // an append-only table (forbid_change trigger) that did not opt in to re-pointing
      if (code === '42501') {
        const n = await count();
        if (n) frozen[key] = n;
        continue;
      }
      if (code === '23505') throw new AppError('DONOR_MERGE_REFERENCE_CONFLICT', { params: { table: ref.table_name }, cause: err });
      throw err;
    }
  }
  return { moved, frozen };
}

/**
 * Merges a duplicate into the surviving record: blanks of the survivor are filled from the
 * duplicate (nothing of the survivor is overwritten; tags and categories are united, notes
 * appended, public consent kept only if both consented), every reference anywhere is re-pointed,
 * and the duplicate stays as a 'merged' record pointing at the survivor, with a donor_merge row.
 */
export async function mergeDonors(tx: Queryable, ctx: OpContext, input: MergeDonorsInput) {
  if (input.id === input.duplicateId) throw new AppError('DONOR_MERGE_SELF', { field: 'duplicateId' });
  // lock both in a fixed order, so two opposite merges cannot deadlock
  const [first, second] = [input.id, input.duplicateId].sort();
  const loaded = new Map<string, DonorRow>();
  for (const id of [first!, second!]) loaded.set(id, await loadDonor(tx, ctx.actor, id, 'donors.merge', true));
  const survivor = loaded.get(input.id)!;
  const dup = loaded.get(input.duplicateId)!;
  for (const r of [survivor, dup]) {
    if (r.status === 'merged') throw new AppError('DONOR_MERGED', { field: r === dup ? 'duplicateId' : undefined, details: { mergedIntoId: r.merged_into } });
  }
  if (survivor.type !== dup.type) throw new AppError('DONOR_MERGE_TYPE_MISMATCH', { field: 'duplicateId' });
  if (survivor.ident_hash && dup.ident_hash && !survivor.ident_hash.equals(dup.ident_hash)) {
    throw new AppError('DONOR_MERGE_IDENTITY_CONFLICT', { field: 'duplicateId' });
  }

  // the duplicate gives its identifier up first (unique index), then becomes a merged record
  await tx.query(`UPDATE donor SET status = 'merged', merged_into = $2, merged_at = now(), ident_hash = NULL, updated_at = now() WHERE id = $1`,
    [dup.id, survivor.id]);

  const s = survivor as unknown as Record<string, unknown>;
  const d = dup as unknown as Record<string, unknown>;
  const sets: string[] = [];
  const params: unknown[] = [survivor.id];
  const filled: string[] = [];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  for (const c of fillable) {
    if (s[c] === null && d[c] !== null) { set(c, d[c]); filled.push(c); }
  }
  if (addressColumns.every((c) => s[c] === null) && addressColumns.some((c) => d[c] !== null)) {
    for (const c of addressColumns) set(c, d[c]);
    filled.push('address');
  }
  if (!survivor.ident_hash && dup.ident_hash) {
    set('ident_hash', dup.ident_hash);
    set('ident_enc', dup.ident_enc);
    filled.push(survivor.type === 'natural' ? 'national_code' : 'legal_id');
  }
  const tags = [...new Set([...survivor.tags, ...dup.tags])];
  if (tags.length !== survivor.tags.length) set('tags', tags);
  const categories = [...new Set([...survivor.categories, ...dup.categories])];
  if (categories.length !== survivor.categories.length) set('categories', categories);
  if (dup.notes && dup.notes !== survivor.notes) set('notes', [survivor.notes, dup.notes].filter(Boolean).join('\n\n'));
  if (survivor.public_consent && !dup.public_consent) set('public_consent', false);
  await tx.query(`UPDATE donor SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);

  // relations between the two would point from the survivor to itself; the duplicate's mobiles
  // come after the survivor's own
  await tx.query(`DELETE FROM donor_relation WHERE (donor_id = $1 AND related_donor_id = $2) OR (donor_id = $2 AND related_donor_id = $1)`, [survivor.id, dup.id]);
  await tx.query('UPDATE donor_mobile SET position = position + 100 WHERE donor_id = $1', [dup.id]);
  const { moved, frozen } = await repointReferences(tx, survivor.id, dup.id);
  // the duplicate's registering unit now knows the survivor by a merge (see donor_unit_link)
  await tx.query(`UPDATE donor_unit_link SET reason = 'merge' WHERE donor_id = $1 AND unit_id <> $2 AND reason IN ('registration', 'import')`,
    [survivor.id, survivor.unit_id]);

  const actorId = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
  const actorName = ctx.actor.kind === 'staff' ? ctx.actor.fullName : ctx.actor.name;
  await tx.query(
    `INSERT INTO donor_merge (survivor_id, merged_id, actor_id, actor_name, reason, filled_fields, moved, frozen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [survivor.id, dup.id, actorId, actorName, input.reason?.trim() || null, filled, moved, frozen],
  );
  await writeAudit(tx, ctx, { action: 'donor.merge', entityType: 'donor', entityId: survivor.id, unitId: survivor.unit_id, summary: { mergedId: dup.id, filled, moved, frozen } });
  await writeAudit(tx, ctx, { action: 'donor.merged_into', entityType: 'donor', entityId: dup.id, unitId: dup.unit_id, summary: { survivorId: survivor.id } });
  const dto = await buildDonorDto(tx, ctx.actor, await loadDonor(tx, ctx.actor, survivor.id, 'donors.read'));
  return { survivor: dto, merge: dto.mergeHistory.find((m) => m.mergedId === dup.id)! };
}
