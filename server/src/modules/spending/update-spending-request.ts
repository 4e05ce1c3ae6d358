import type { Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import { refuseIntentMismatch } from './check-intent.ts';
import { spendingDetail } from './get-spending-request.ts';
import { recordSpendingEvent } from './spending-events.ts';
import { spendingColumns, type SpendingFields } from './spending-input.ts';
import { canEdit } from './spending-rules.ts';
import { loadSpendingRequest, refuse, requestState } from './spending-row.ts';

/** The requester corrects a draft. */
export async function updateSpendingRequest(tx: Queryable, ctx: OpContext, input: { id: string } & Partial<SpendingFields>) {
  const r = await loadSpendingRequest(tx, ctx.actor, input.id, 'spending.read', true);
  const d = canEdit(ctx.actor, requestState(r));
  if (!d.ok) refuse(d);
  const merged: SpendingFields = {
    fundId: input.fundId ?? r.fund_id, amountRials: input.amountRials ?? r.amount_rials, title: input.title ?? r.title,
    description: input.description ?? r.description ?? undefined, purposeCode: input.purposeCode ?? r.purpose_code,
    targetGroupCode: input.targetGroupCode ?? r.target_group_code ?? undefined, placeUnitId: input.placeUnitId ?? r.place_unit_id ?? undefined,
    placeGeoId: input.placeGeoId ?? r.place_geo_id ?? undefined, project: input.project ?? r.project ?? undefined,
    beneficiaries: input.beneficiaries ?? r.beneficiaries ?? undefined, beneficiaryCount: input.beneficiaryCount ?? r.beneficiary_count ?? undefined,
    payeeName: input.payeeName ?? r.payee_name, payeeSheba: input.payeeSheba ?? r.payee_sheba,
  };
  const c = await spendingColumns(tx, ctx.actor, r.unit_id, merged);
  await refuseIntentMismatch(tx, r.unit_id, c);
  await tx.query(
    `UPDATE spending_request SET fund_id = $2, amount_rials = $3, title = $4, description = $5, purpose_code = $6, target_group_code = $7, place_unit_id = $8,
            place_geo_id = $9, project = $10, beneficiaries = $11, beneficiary_count = $12, payee_name = $13, payee_sheba = $14, payee_bank_name = $15, updated_at = now()
      WHERE id = $1`,
    [r.id, c.fund_id, c.amount_rials, c.title, c.description, c.purpose_code, c.target_group_code, c.place_unit_id, c.place_geo_id, c.project,
      c.beneficiaries, c.beneficiary_count, c.payee_name, c.payee_sheba, c.payee_bank_name]);
  const changed = Object.keys(input).filter((k) => k !== 'id');
  await recordSpendingEvent(tx, ctx, { requestId: r.id, unitId: r.unit_id, action: 'edit', from: 'draft', to: 'draft', details: { changed, amountRials: c.amount_rials } });
  return spendingDetail(tx, ctx.actor, await loadSpendingRequest(tx, ctx.actor, r.id));
}
