import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { refuseIntentMismatch } from './check-intent.ts';
import { spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { spendingColumns, type SpendingFields } from './spending-input.ts';
import { loadSpendingRequest } from './spending-row.ts';

/**
 * A unit asks to spend: a draft request on one of its funds. A specific fund's intent is checked
 * at once; whether general money has an authority is answered on the request (its rules) and
 * enforced at submission.
 */
export async function createSpendingRequest(tx: Queryable, ctx: OpContext, input: { unitId: string } & SpendingFields) {
  const unit = await loadOrgUnit(tx, ctx.actor, input.unitId, 'spending.request');
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: 'unitId' });
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  const c = await spendingColumns(tx, ctx.actor, unit.id, input);
  await refuseIntentMismatch(tx, unit.id, c);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO spending_request (unit_id, fund_id, amount_rials, title, description, purpose_code, target_group_code, place_unit_id, place_geo_id, project,
                                   beneficiaries, beneficiary_count, payee_name, payee_sheba, payee_bank_name, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [unit.id, c.fund_id, c.amount_rials, c.title, c.description, c.purpose_code, c.target_group_code, c.place_unit_id, c.place_geo_id, c.project,
      c.beneficiaries, c.beneficiary_count, c.payee_name, c.payee_sheba, c.payee_bank_name, ctx.actor.userId]);
  const id = rows[0]!.id;
  await recordSpendingEvent(tx, ctx, { requestId: id, unitId: unit.id, action: 'create', from: null, to: 'draft', details: { amountRials: c.amount_rials, fundId: c.fund_id, purposeCode: c.purpose_code } });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, id));
}
