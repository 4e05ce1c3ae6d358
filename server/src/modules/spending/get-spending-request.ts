import type { Queryable } from '../../db/pool.ts';
import { messageOf } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { SpendingRequestDetailDto } from './spending.schemas.ts';
import { loadMoneyFacts } from './spending-facts.ts';
import { actionsFor, evaluateSpendingRules } from './spending-rules.ts';
import { loadSpendingRequest, requestFacts, requestState, toSpendingDto, type SpendingRow } from './spending-row.ts';

/** The rules and the can… answers for a loaded request, as the actions and the detail page see them. */
export async function judgeSpendingRequest(tx: Queryable, actor: Actor | SystemActor, row: SpendingRow, now: Date = new Date(), preferred?: { resolutionId?: string | undefined; delegationId?: string | undefined }) {
  const money = await loadMoneyFacts(tx, { unitId: row.unit_id, fundId: row.fund_id, placeUnitId: row.place_unit_id, placeGeoId: row.place_geo_id }, now);
  const req = requestFacts(row);
  const rules = evaluateSpendingRules(req, money.fund, money.facts, preferred);
  const actions = actionsFor(actor, requestState(row), { now, rules });
  return { money, req, rules, actions };
}

/** A request with its history, documents, the rule evaluation and what the caller can do next. */
export async function spendingDetail(tx: Queryable, actor: Actor | SystemActor, row: SpendingRow, now: Date = new Date()): Promise<SpendingRequestDetailDto> {
  const { rules, actions } = await judgeSpendingRequest(tx, actor, row, now);
  const { rows: events } = await tx.query<{ at: Date; actor_name: string; action: string; from_status: string | null; to_status: string; note: string | null; details: Record<string, unknown> }>(
    'SELECT at, actor_name, action, from_status, to_status, note, details FROM spending_request_event WHERE request_id = $1 ORDER BY id', [row.id]);
  const { rows: docs } = await tx.query<{ id: string; file_name: string; content_type: string; size_bytes: number; uploaded_at: Date; uploaded_by: string | null }>(
    `SELECT d.id, d.file_name, d.content_type, d.size_bytes, d.uploaded_at, s.full_name AS uploaded_by FROM spending_document d
       LEFT JOIN staff_user s ON s.id = d.uploaded_by WHERE d.request_id = $1 ORDER BY d.uploaded_at`, [row.id]);
  return {
    request: toSpendingDto(row),
    events: events.map((e) => ({ at: e.at.toISOString(), actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, details: e.details })),
    documents: docs.map((d) => ({ id: d.id, fileName: d.file_name, contentType: d.content_type, sizeBytes: d.size_bytes, uploadedAt: d.uploaded_at.toISOString(), uploadedBy: d.uploaded_by })),
    rules,
    actions: actions.map(({ action, decision }) => {
      if (decision.ok) return { action, allowed: true, code: null, reasonFa: null, reasonEn: null };
      const m = messageOf(decision.code, decision.params);
      return { action, allowed: false, code: decision.code, reasonFa: m.fa, reasonEn: m.en };
    }),
    nextActions: actions.filter((a) => a.decision.ok).map((a) => a.action),
  };
}

export async function getSpendingRequest(tx: Queryable, actor: Actor | SystemActor, id: string) {
  return spendingDetail(tx, actor, await loadSpendingRequest(tx, actor, id));
}
