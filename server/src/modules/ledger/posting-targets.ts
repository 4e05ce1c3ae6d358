import type { Queryable } from '../../db/pool.ts';
import { ensureCustodyAccount, provinceOf, provinceOnPath } from './accounts.ts';
import { intentKey, resolveFund, type Intent } from './funds.ts';

export interface PostingTargets {
  provinceId: string;
  centralAccountId: string;
  fund: { id: string; kind: 'general' | 'specific'; name: string; purposeCode: string; targetGroupCode: string | null };
}

/** A unit and what its gifts post to, as found (nulls for what does not exist yet). */
export interface PostingTargetRow {
  unit_id: string; intent_key: string;
  id: string | null; name: string; code: string; path: string[]; status: 'active' | 'retired';
  province_id: string | null; central_id: string | null;
  fund_id: string | null; fund_kind: 'general' | 'specific'; fund_name: string; purpose_code: string; target_group_code: string | null;
}

/**
 * For each (unit, intent key): the unit, its province (or HQ) and that one's central account, and
 * the fund of the intent at the unit — one query for any number of gifts.
 */
export async function postingTargetRows(db: Queryable, unitIds: string[], intentKeys: string[]): Promise<PostingTargetRow[]> {
  const { rows } = await db.query<PostingTargetRow>(
    `SELECT x.unit_id, x.intent_key, u.id, u.name, u.code, u.path, u.status, p.id AS province_id, c.id AS central_id,
            f.id AS fund_id, f.kind AS fund_kind, f.name AS fund_name, f.purpose_code, f.target_group_code
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(unit_id, intent_key, n)
       LEFT JOIN org_unit u ON u.id = x.unit_id
       LEFT JOIN LATERAL (SELECT ${provinceOnPath('u.path')} AS id) p ON true
       LEFT JOIN custody_account c ON c.unit_id = p.id AND c.kind = 'central'
       LEFT JOIN fund f ON f.unit_id = u.id AND f.intent_key = x.intent_key
      ORDER BY x.n`,
    [unitIds, intentKeys]);
  return rows;
}

/**
 * Where a gift to `unitId` with `intent` is posted: the central account of the unit's province (or
 * HQ) and the fund of that intent at the unit. One query when both exist (the common case); the
 * first gift of an intent creates the fund.
 */
export async function postingTargets(tx: Queryable, unitId: string, intent: Intent): Promise<PostingTargets> {
  const [r] = await postingTargetRows(tx, [unitId], [intentKey(intent)]);
  const provinceId = r?.province_id ?? (await provinceOf(tx, unitId)).id;
  const centralAccountId = r?.central_id ?? (await ensureCustodyAccount(tx, provinceId, 'central'));
  if (r?.fund_id) {
    return { provinceId, centralAccountId, fund: { id: r.fund_id, kind: r.fund_kind, name: r.fund_name, purposeCode: r.purpose_code, targetGroupCode: r.target_group_code } };
  }
  const f = await resolveFund(tx, unitId, intent);
  return { provinceId, centralAccountId, fund: { id: f.id, kind: f.kind, name: f.name, purposeCode: f.purpose_code, targetGroupCode: f.target_group_code } };
}
