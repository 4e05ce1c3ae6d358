import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import { loadFund } from '../ledger/funds.ts';
import { loadMoneyFacts } from './spending-facts.ts';
import type { SpendingColumns } from './spending-input.ts';
import { evaluateSpendingRules } from './spending-rules.ts';

/**
 * A specific fund pays only for what its donors intended: a request that does not match is
 * refused when it is written, with the reason (rule A2 of spending-rules.ts) and the field to fix.
 */
export async function refuseIntentMismatch(tx: Queryable, unitId: string, cols: SpendingColumns): Promise<void> {
  if ((await loadFund(tx, cols.fund_id)).kind !== 'specific') return;
  const { fund, facts } = await loadMoneyFacts(tx, { unitId, fundId: cols.fund_id, placeUnitId: cols.place_unit_id, placeGeoId: cols.place_geo_id });
  const rule = evaluateSpendingRules(
    { unitId, amountRials: cols.amount_rials, purposeCode: cols.purpose_code, targetGroupCode: cols.target_group_code, project: cols.project, status: 'draft', authority: null, pinned: null },
    fund, facts,
  ).find((r) => r.rule === 'specific_intent_match');
  if (!rule || rule.ok) return;
  const field = cols.purpose_code !== fund.purposeCode ? 'purposeCode'
    : fund.targetGroupCode && cols.target_group_code !== fund.targetGroupCode ? 'targetGroupCode'
      : facts.placeUnitInside === false ? 'placeUnitId' : facts.placeGeoInside === false ? 'placeGeoId' : 'project';
  throw new AppError('SPENDING_INTENT_MISMATCH', { field, params: { reasonFa: rule.reasonFa, reasonEn: rule.reasonEn } });
}
