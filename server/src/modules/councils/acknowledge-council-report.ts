import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canAcknowledge, loadReport, toReportDto } from './council-report-row.ts';

const staffId = (ctx: OpContext) => (ctx.actor.kind === 'staff' ? ctx.actor.userId : null);

/** The level above confirms it has received a submitted report. */
export async function acknowledgeCouncilReport(tx: Queryable, ctx: OpContext, input: { id: string; note?: string | undefined }) {
  const r = await loadReport(tx, ctx.actor, input.id, 'councils.read', true);
  if (r.status !== 'submitted') throw new AppError('COUNCIL_REPORT_WRONG_STATE');
  if (!canAcknowledge(ctx.actor, r)) throw new AppError('COUNCIL_REPORT_NOT_ABOVE');
  const note = input.note ? normalizeFa(input.note) : null;
  await tx.query(`UPDATE council_report SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = now(), acknowledge_note = $3, updated_at = now() WHERE id = $1`,
    [r.id, staffId(ctx), note]);
  await writeAudit(tx, ctx, { action: 'council_report.acknowledge', entityType: 'council_report', entityId: r.id, unitId: r.unit_id, summary: { note } });
  return toReportDto(tx, ctx.actor, await loadReport(tx, ctx.actor, r.id));
}
