import type { Queryable } from '../../db/pool.ts';

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBadId: string | null;
  reason: 'hash_mismatch' | 'row_missing' | 'chain_gap' | 'unsealed_row' | null;
}

/** Seals every pending row (whole log), then walks the chain from the start. */
export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  await db.query('SELECT audit_seal_pending(NULL, NULL)');
  const { rows } = await db.query<{ ok: boolean; checked: bigint; first_bad_id: bigint | null; reason: ChainReport['reason'] }>(
    'SELECT * FROM audit_verify()',
  );
  const r = rows[0]!;
  if (!r.ok) return { ok: false, checked: Number(r.checked), firstBadId: String(r.first_bad_id), reason: r.reason };
  // A row that exists but could not be sealed means the chain does not cover it.
  const unsealed = await db.query<{ id: bigint }>(
    `SELECT a.id FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id) ORDER BY a.id LIMIT 1`,
  );
  if (unsealed.rows[0]) return { ok: false, checked: Number(r.checked), firstBadId: String(unsealed.rows[0].id), reason: 'unsealed_row' };
  return { ok: true, checked: Number(r.checked), firstBadId: null, reason: null };
}

/** Seals recent rows; run every few seconds by the server and after tests. */
export async function sealAudit(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT audit_seal_pending() AS n');
  return rows[0]?.n ?? 0;
}
