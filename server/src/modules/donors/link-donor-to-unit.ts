import { parseLegalId, parseMobile, parseNationalCode } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import { identHash, mobileHash } from './donor-pii.ts';

/*
 * What other modules (contributions, pledges, receipts…) use to refer to donors. They keep a
 * `donor_id uuid REFERENCES donor (id)` column: the merge finds every such column in pg_catalog
 * and re-points it (see merge-donors.ts), so no registration is needed.
 */

/**
 * The surviving record of a donor id (itself when never merged); DONOR_NOT_FOUND when there is
 * no such donor. Call it before storing a donor id that came from a client.
 */
export async function resolveDonorId(db: Queryable, donorId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT coalesce(merged_into, id) AS id FROM donor WHERE id = $1', [donorId]);
  if (!rows[0]) throw new AppError('DONOR_NOT_FOUND', { field: 'donorId' });
  return rows[0].id;
}

/**
 * Records that a donor gave at a unit (idempotent), which makes the donor visible to that unit's
 * subtree. The contributions module calls it in the transaction that records the gift.
 * Returns the id the link was made for (the survivor, if `donorId` was merged).
 */
export async function linkDonorToUnit(tx: Queryable, donorId: string, unitId: string): Promise<string> {
  const id = await resolveDonorId(tx, donorId);
  await tx.query(`INSERT INTO donor_unit_link (donor_id, unit_id, reason) VALUES ($1, $2, 'contribution') ON CONFLICT DO NOTHING`, [id, unitId]);
  return id;
}

/**
 * A donor id and every id merged into it: for reading rows of tables that keep naming a merged
 * record (append-only tables that do not allow re-pointing; see the migration).
 */
export async function donorIdsOf(db: Queryable, donorId: string): Promise<string[]> {
  const id = await resolveDonorId(db, donorId);
  const { rows } = await db.query<{ id: string }>('SELECT id FROM donor WHERE merged_into = $1', [id]);
  return [id, ...rows.map((r) => r.id)];
}

/**
 * The (surviving) donor with this national code, legal id or mobile, without any scope check:
 * for server-side matching by other modules (a gateway payment that carries a national code, a
 * payroll file). Never echo what it finds to a caller who could not see that donor.
 */
export async function findDonorIdByIdentity(db: Queryable, identity: { nationalCode?: string; legalId?: string; mobile?: string }): Promise<string | null> {
  if (identity.nationalCode || identity.legalId) {
    const p = identity.nationalCode ? parseNationalCode(identity.nationalCode) : parseLegalId(identity.legalId!);
    if (!p.ok) return null;
    const { rows } = await db.query<{ id: string }>('SELECT id FROM donor WHERE ident_hash = $1', [identHash(identity.nationalCode ? 'natural' : 'legal', p.value)]);
    if (rows[0]) return rows[0].id;
  }
  if (identity.mobile) {
    const m = parseMobile(identity.mobile);
    if (!m.ok) return null;
    const { rows } = await db.query<{ id: string }>(
      `SELECT d.id FROM donor_mobile m JOIN donor d ON d.id = m.donor_id WHERE m.mobile_hash = $1 AND d.merged_into IS NULL
        ORDER BY m.position, d.created_at LIMIT 1`, [mobileHash(m.value)]);
    if (rows[0]) return rows[0].id;
  }
  return null;
}
