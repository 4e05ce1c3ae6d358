import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadReport, toReportDto } from './council-report-row.ts';

/** Edits the narrative of a draft report. */
export async function updateCouncilReport(tx: Queryable, ctx: OpContext, input: { id: string; narrative: string }) {
  const r = await loadReport(tx, ctx.actor, input.id, 'reports.council', true);
  if (r.status !== 'draft') throw new AppError('COUNCIL_REPORT_WRONG_STATE');
  const narrative = normalizeFa(input.narrative);
  await tx.query('UPDATE council_report SET narrative = $2, updated_at = now() WHERE id = $1', [r.id, narrative]);
  await writeAudit(tx, ctx, { action: 'council_report.edit', entityType: 'council_report', entityId: r.id, unitId: r.unit_id, summary: { length: narrative.length } });
  return toReportDto(tx, ctx.actor, await loadReport(tx, ctx.actor, r.id));
}
