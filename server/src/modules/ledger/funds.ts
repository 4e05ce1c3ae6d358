import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';

export interface Intent {
  /** 'general' for unrestricted money, else a purpose code from the catalogue */
  purposeCode: string;
  targetGroupCode?: string | null | undefined;
  placeUnitId?: string | null | undefined;
  placeGeoId?: number | null | undefined;
  project?: string | null | undefined;
}

export interface FundRow {
  id: string;
  unit_id: string;
  kind: 'general' | 'specific';
  purpose_code: string;
  target_group_code: string | null;
  place_unit_id: string | null;
  place_geo_id: number | null;
  project: string | null;
  name: string;
}

/** Equal intents at one unit share one fund; this is the key that says they are equal. */
export function intentKey(i: Intent): string {
  if (i.purposeCode === 'general') return 'general';
  return [i.purposeCode, i.targetGroupCode ?? '', i.placeUnitId ?? '', i.placeGeoId ?? '', (i.project ?? '').trim()].join('|');
}

/** The fund that owns money given at `unitId` with this intent, created on first use. */
export async function resolveFund(tx: Queryable, unitId: string, intent: Intent): Promise<FundRow> {
  const key = intentKey(intent);
  let found = await tx.query<FundRow>('SELECT * FROM fund WHERE unit_id = $1 AND intent_key = $2', [unitId, key]);
  if (found.rows[0]) return found.rows[0];
  // first use of this intent here: serialise creators so the account row is made exactly once
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fund:${unitId}:${key}`]);
  found = await tx.query<FundRow>('SELECT * FROM fund WHERE unit_id = $1 AND intent_key = $2', [unitId, key]);
  if (found.rows[0]) return found.rows[0];
  const { rows: p } = await tx.query<{ label_fa: string }>('SELECT label_fa FROM purpose WHERE code = $1 AND active', [intent.purposeCode]);
  if (!p[0]) throw new AppError('LEDGER_PURPOSE_UNKNOWN', { field: 'purposeCode' });
  let name = intent.purposeCode === 'general' ? 'عام' : `خاص: ${p[0].label_fa}`;
  if (intent.targetGroupCode) {
    const { rows: t } = await tx.query<{ label_fa: string }>('SELECT label_fa FROM target_group WHERE code = $1', [intent.targetGroupCode]);
    if (!t[0]) throw new AppError('LEDGER_TARGET_GROUP_UNKNOWN', { field: 'targetGroupCode' });
    name += ` — ${t[0].label_fa}`;
  }
  if (intent.project) name += ` — ${intent.project.trim()}`;
  const { rows } = await tx.query<FundRow>(
    `WITH a AS (INSERT INTO ledger_account (kind, unit_id) VALUES ('fund', $1) RETURNING id)
     INSERT INTO fund (id, unit_id, kind, purpose_code, target_group_code, place_unit_id, place_geo_id, project, intent_key, name)
     SELECT a.id, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM a RETURNING *`,
    [unitId, intent.purposeCode === 'general' ? 'general' : 'specific', intent.purposeCode, intent.targetGroupCode ?? null,
      intent.placeUnitId ?? null, intent.placeGeoId ?? null, intent.project?.trim() || null, key, name],
  );
  return rows[0]!;
}

export async function loadFund(db: Queryable, fundId: string): Promise<FundRow & { unit_path: string[] }> {
  const { rows } = await db.query<FundRow & { unit_path: string[] }>(
    'SELECT f.*, u.path AS unit_path FROM fund f JOIN org_unit u ON u.id = f.unit_id WHERE f.id = $1',
    [fundId],
  );
  if (!rows[0]) throw new AppError('LEDGER_FUND_NOT_FOUND');
  return rows[0];
}
