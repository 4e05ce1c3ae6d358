import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { holdsAt } from '../access/scope.ts';
import { reportFigures, type ReportFigures } from './council-report-figures.ts';
import type { CouncilLevel } from './council-rules.ts';

export const reportSelect = `
  SELECT r.*, c.name AS council_name, c.level, c.unit_id, u.name AS unit_name, u.code AS unit_code, u.kind AS unit_kind, u.path AS unit_path,
         sb.full_name AS submitted_by_name, ab.full_name AS acknowledged_by_name
    FROM council_report r
    JOIN council c ON c.id = r.council_id
    JOIN org_unit u ON u.id = c.unit_id
    LEFT JOIN staff_user sb ON sb.id = r.submitted_by
    LEFT JOIN staff_user ab ON ab.id = r.acknowledged_by`;

export interface ReportRow {
  id: string; council_id: string; fiscal_year: number; half: 1 | 2; status: 'draft' | 'submitted' | 'acknowledged'; narrative: string;
  figures: ReportFigures | null; created_at: Date; updated_at: Date; submitted_at: Date | null; acknowledged_at: Date | null; acknowledge_note: string | null;
  council_name: string; level: CouncilLevel; unit_id: string; unit_name: string; unit_code: string; unit_kind: string; unit_path: string[];
  submitted_by_name: string | null; acknowledged_by_name: string | null;
}

/** The report may be acknowledged by someone holding reports.council strictly above its council's unit. */
export function canAcknowledge(actor: Actor | SystemActor, r: Pick<ReportRow, 'status' | 'unit_path'>): boolean {
  return r.status === 'submitted' && holdsAt(actor, 'reports.council', r.unit_path.slice(0, -1));
}

export async function toReportDto(db: Queryable, actor: Actor | SystemActor, r: ReportRow) {
  const own = holdsAt(actor, 'reports.council', r.unit_path);
  const nextActions: ('edit' | 'submit' | 'acknowledge')[] = [];
  if (r.status === 'draft' && own) nextActions.push('edit', 'submit');
  if (canAcknowledge(actor, r)) nextActions.push('acknowledge');
  return {
    id: r.id,
    council: { id: r.council_id, name: r.council_name, level: r.level, unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code, kind: r.unit_kind } },
    fiscalYear: r.fiscal_year, half: r.half, status: r.status, narrative: r.narrative,
    // a draft shows live figures; a submitted report the figures it was submitted with
    figures: r.figures ?? await reportFigures(db, { id: r.council_id, unit_id: r.unit_id }, { fiscalYear: r.fiscal_year, half: r.half }),
    figuresFrozen: r.figures !== null,
    createdAt: r.created_at.toISOString(), submittedAt: r.submitted_at?.toISOString() ?? null, submittedBy: r.submitted_by_name,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null, acknowledgedBy: r.acknowledged_by_name, acknowledgeNote: r.acknowledge_note,
    nextActions,
  };
}

export async function loadReport(db: Queryable, actor: Actor | SystemActor, id: string, permission: Permission = 'councils.read', forUpdate = false): Promise<ReportRow> {
  if (forUpdate) await db.query('SELECT 1 FROM council_report WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<ReportRow>(`${reportSelect} WHERE r.id = $1`, [id]);
  const r = rows[0];
  if (!r || !holdsAt(actor, 'councils.read', r.unit_path)) throw new AppError('COUNCIL_REPORT_NOT_FOUND');
  if (!holdsAt(actor, permission, r.unit_path)) throw new AppError('FORBIDDEN');
  return r;
}
