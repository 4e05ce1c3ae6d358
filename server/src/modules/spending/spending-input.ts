import { normalizeFa, parseSheba } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { loadFund } from '../ledger/funds.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';

export interface SpendingFields {
  fundId: string;
  amountRials: bigint;
  title: string;
  description?: string | undefined;
  purposeCode: string;
  targetGroupCode?: string | undefined;
  placeUnitId?: string | undefined;
  placeGeoId?: number | undefined;
  project?: string | undefined;
  beneficiaries?: string | undefined;
  beneficiaryCount?: number | undefined;
  payeeName: string;
  payeeSheba: string;
}

/** The columns of a request from validated input: catalogue codes exist, the fund is the unit's, the Sheba checks out. */
export async function spendingColumns(db: Queryable, actor: Actor | SystemActor, unitId: string, input: SpendingFields) {
  if (input.amountRials <= 0n) throw new AppError('FIELD_AMOUNT', { field: 'amountRials' });
  if (input.purposeCode === 'general') throw new AppError('SPENDING_PURPOSE_REQUIRED', { field: 'purposeCode' });
  const { rows: p } = await db.query('SELECT 1 FROM purpose WHERE code = $1 AND active', [input.purposeCode]);
  if (!p.length) throw new AppError('LEDGER_PURPOSE_UNKNOWN', { field: 'purposeCode' });
  if (input.targetGroupCode) {
    const { rows } = await db.query('SELECT 1 FROM target_group WHERE code = $1', [input.targetGroupCode]);
    if (!rows.length) throw new AppError('LEDGER_TARGET_GROUP_UNKNOWN', { field: 'targetGroupCode' });
  }
  if (input.placeGeoId !== undefined) {
    const { rows } = await db.query('SELECT 1 FROM geo_division WHERE id = $1', [input.placeGeoId]);
    if (!rows.length) throw new AppError('FIELD_INVALID', { field: 'placeGeoId' });
  }
  if (input.placeUnitId) await loadOrgUnit(db, actor, input.placeUnitId, 'org.read');
  const fund = await loadFund(db, input.fundId).catch(() => { throw new AppError('LEDGER_FUND_NOT_FOUND', { field: 'fundId' }); });
  if (fund.unit_id !== unitId) throw new AppError('SPENDING_FUND_NOT_OF_UNIT', { field: 'fundId' });
  const sheba = parseSheba(input.payeeSheba);
  if (!sheba.ok) throw new AppError('SPENDING_SHEBA_INVALID', { field: 'payeeSheba' });
  return {
    fund_id: fund.id, amount_rials: input.amountRials, title: normalizeFa(input.title), description: input.description ? normalizeFa(input.description) : null,
    purpose_code: input.purposeCode, target_group_code: input.targetGroupCode ?? null, place_unit_id: input.placeUnitId ?? null, place_geo_id: input.placeGeoId ?? null,
    project: input.project?.trim() || null, beneficiaries: input.beneficiaries ? normalizeFa(input.beneficiaries) : null, beneficiary_count: input.beneficiaryCount ?? null,
    payee_name: normalizeFa(input.payeeName), payee_sheba: sheba.value, payee_bank_name: sheba.bankName,
  };
}
export type SpendingColumns = Awaited<ReturnType<typeof spendingColumns>>;
