import { formatJalaliDate } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { reportFigures } from './council-report-figures.ts';
import { loadReport, toReportDto } from './council-report-row.ts';
import { halfRange } from './council-rules.ts';

const staffId = (ctx: OpContext) => (ctx.actor.kind === 'staff' ? ctx.actor.userId : null);

/** Sends a report upward once its half-year has ended; its figures are frozen as sent. */
export async function submitCouncilReport(tx: Queryable, ctx: OpContext, input: { id: string }, now: Date = new Date()) {
  const r = await loadReport(tx, ctx.actor, input.id, 'reports.council', true);
  if (r.status !== 'draft') throw new AppError('COUNCIL_REPORT_WRONG_STATE');
  const range = halfRange({ fiscalYear: r.fiscal_year, half: r.half });
  if (now < range.end) throw new AppError('COUNCIL_REPORT_PERIOD_OPEN', { params: { endsOn: formatJalaliDate(range.end) } });
  const figures = await reportFigures(tx, { id: r.council_id, unit_id: r.unit_id }, { fiscalYear: r.fiscal_year, half: r.half });
  await tx.query(`UPDATE council_report SET status = 'submitted', figures = $2, submitted_by = $3, submitted_at = now(), updated_at = now() WHERE id = $1`,
    [r.id, figures, staffId(ctx)]);
  await writeAudit(tx, ctx, { action: 'council_report.submit', entityType: 'council_report', entityId: r.id, unitId: r.unit_id, summary: { received: figures.received.totalRials, spent: figures.spending.totalRials } });
  return toReportDto(tx, ctx.actor, await loadReport(tx, ctx.actor, r.id));
}
