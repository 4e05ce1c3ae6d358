import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';

export type CustodyKind = 'central' | 'spending' | 'in_transit' | 'inventory';

const defaultNames: Record<CustodyKind, string> = {
  central: 'حساب متمرکز مشارکت‌ها',
  spending: 'حساب هزینه‌کرد شهرستان',
  in_transit: 'وجوه در راه',
  inventory: 'انبار اقلام غیرنقدی',
};

/** The custody account of a kind at a unit, created on first use (one per unit and kind). */
export async function ensureCustodyAccount(tx: Queryable, unitId: string, kind: CustodyKind): Promise<string> {
  const find = () => tx.query<{ id: string }>('SELECT id FROM custody_account WHERE unit_id = $1 AND kind = $2', [unitId, kind]);
  let found = await find();
  if (found.rows[0]) return found.rows[0].id;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`custody:${unitId}:${kind}`]);
  found = await find();
  if (found.rows[0]) return found.rows[0].id;
  const { rows } = await tx.query<{ id: string }>(
    `WITH a AS (INSERT INTO ledger_account (kind, unit_id) VALUES ('custody', $1) RETURNING id)
     INSERT INTO custody_account (id, unit_id, kind, name) SELECT a.id, $1, $2, $3 FROM a RETURNING id`,
    [unitId, kind, defaultNames[kind]],
  );
  return rows[0]!.id;
}

/**
 * SQL: the province whose cash a unit's belongs to, given the unit's `path` (an SQL expression): the
 * deepest province or HQ on the path (HQ for HQ and its departments). The seed: all cash must reach
 * the central participation account of its province.
 */
export const provinceOnPath = (path: string) =>
  `(SELECT p.id FROM org_unit p WHERE p.id = ANY(${path}) AND p.kind IN ('hq', 'province') ORDER BY p.depth DESC LIMIT 1)`;

/** The province a unit's cash belongs to (see provinceOnPath), with its kind. */
export async function provinceOf(db: Queryable, unitId: string): Promise<{ id: string; kind: 'hq' | 'province' }> {
  const { rows } = await db.query<{ id: string; kind: 'hq' | 'province' }>(
    `SELECT p.id, p.kind FROM org_unit u JOIN org_unit p ON p.id = ${provinceOnPath('u.path')} WHERE u.id = $1`,
    [unitId],
  );
  if (!rows[0]) throw new AppError('ORG_UNIT_NOT_FOUND');
  return rows[0];
}

/** Creates the standard accounts: a central account for HQ and each province, a spending account per county. */
export async function ensureStandardAccounts(tx: Queryable): Promise<number> {
  const { rows } = await tx.query<{ id: string; kind: string }>(
    `SELECT u.id, u.kind FROM org_unit u WHERE u.status = 'active' AND u.kind IN ('hq', 'province', 'county')
        AND NOT EXISTS (SELECT 1 FROM custody_account c WHERE c.unit_id = u.id AND c.kind = CASE WHEN u.kind = 'county' THEN 'spending' ELSE 'central' END)`,
  );
  for (const u of rows) await ensureCustodyAccount(tx, u.id, u.kind === 'county' ? 'spending' : 'central');
  return rows.length;
}
