import type { Queryable } from '../../db/pool.ts';
import { ensureCustodyAccount, provinceOf } from './accounts.ts';
import { intentKey, resolveFund, type Intent } from './funds.ts';

export interface PostingTargets {
  provinceId: string;
  centralAccountId: string;
  fund: { id: string; kind: 'general' | 'specific'; name: string; purposeCode: string; targetGroupCode: string | null };
}

/**
 * Where a gift to `unitId` with `intent` is posted: the central account of the unit's province (or
 * HQ) and the fund of that intent at the unit. One query when both exist (the common case); the
 * first gift of an intent creates the fund.
 */
export async function postingTargets(tx: Queryable, unitId: string, intent: Intent): Promise<PostingTargets> {
  const key = intentKey(intent);
  const { rows } = await tx.query<{ province_id: string; central_id: string | null; fund_id: string | null; fund_kind: 'general' | 'specific'; fund_name: string; purpose_code: string; target_group_code: string | null }>(
    `SELECT p.id AS province_id, c.id AS central_id, f.id AS fund_id, f.kind AS fund_kind, f.name AS fund_name, f.purpose_code, f.target_group_code
       FROM org_unit u
       JOIN LATERAL (SELECT p.id FROM org_unit p WHERE p.id = ANY(u.path) AND p.kind IN ('hq', 'province') ORDER BY p.depth DESC LIMIT 1) p ON true
       LEFT JOIN custody_account c ON c.unit_id = p.id AND c.kind = 'central'
       LEFT JOIN fund f ON f.unit_id = u.id AND f.intent_key = $2
      WHERE u.id = $1`,
    [unitId, key],
  );
  const r = rows[0];
  const provinceId = r?.province_id ?? (await provinceOf(tx, unitId)).id;
  const centralAccountId = r?.central_id ?? (await ensureCustodyAccount(tx, provinceId, 'central'));
  if (r?.fund_id) {
    return { provinceId, centralAccountId, fund: { id: r.fund_id, kind: r.fund_kind, name: r.fund_name, purposeCode: r.purpose_code, targetGroupCode: r.target_group_code } };
  }
  const f = await resolveFund(tx, unitId, intent);
  return { provinceId, centralAccountId, fund: { id: f.id, kind: f.kind, name: f.name, purposeCode: f.purpose_code, targetGroupCode: f.target_group_code } };
}
