import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadReport, toReportDto } from './council-report-row.ts';
import { loadCouncil } from './council-row.ts';
import { halfRange, type HalfYear } from './council-rules.ts';

const staffId = (ctx: OpContext) => (ctx.actor.kind === 'staff' ? ctx.actor.userId : null);

/** Opens the six-monthly report of a county or provincial council; its figures are generated live until submitted. */
export async function createCouncilReport(tx: Queryable, ctx: OpContext, input: { councilId: string } & HalfYear, now: Date = new Date()) {
  const c = await loadCouncil(tx, ctx.actor, input.councilId, 'reports.council');
  if (c.level === 'central') throw new AppError('COUNCIL_REPORT_CENTRAL');
  if (now < halfRange(input).start) throw new AppError('COUNCIL_REPORT_PERIOD_FUTURE', { field: 'half' });
  let id: string;
  try {
    const { rows } = await tx.query<{ id: string }>('INSERT INTO council_report (council_id, fiscal_year, half, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [c.id, input.fiscalYear, input.half, staffId(ctx)]);
    id = rows[0]!.id;
  } catch (err) {
    if ((err as DatabaseError).code === '23505') throw new AppError('COUNCIL_REPORT_EXISTS');
    throw err;
  }
  await writeAudit(tx, ctx, { action: 'council_report.create', entityType: 'council_report', entityId: id, unitId: c.unit_id, summary: { fiscalYear: input.fiscalYear, half: input.half } });
  return toReportDto(tx, ctx.actor, await loadReport(tx, ctx.actor, id));
}
