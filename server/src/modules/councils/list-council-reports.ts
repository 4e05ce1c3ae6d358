import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { scopeRoots } from '../access/scope.ts';
import { loadReport, toReportDto, type ReportRow } from './council-report-row.ts';
import { halfRange, lastEndedHalf, type HalfYear } from './council-rules.ts';

export async function getCouncilReport(db: Queryable, actor: Actor | SystemActor, id: string) {
  return toReportDto(db, actor, await loadReport(db, actor, id));
}

export interface ListCouncilReportsInput {
  fiscalYear?: number | undefined;
  half?: 1 | 2 | undefined;
  unitId?: string | undefined;
  level?: 'provincial' | 'county' | undefined;
  /** only councils that have not submitted (no report, or a draft) */
  missing?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * For one half-year (default: the last one that has ended), every county and provincial council
 * in the caller's scope with the state of its report: missing, draft, submitted, acknowledged.
 * The upper level reads it to see who has not reported.
 */
export async function listCouncilReports(db: Queryable, actor: Actor | SystemActor, input: ListCouncilReportsInput, now: Date = new Date()) {
  const period: HalfYear = input.fiscalYear && input.half ? { fiscalYear: input.fiscalYear, half: input.half } : lastEndedHalf(now);
  const scope = scopeRoots(actor, 'councils.read');
  const { rows } = await db.query<{ council_id: string; council_name: string; level: 'provincial' | 'county'; unit_id: string; unit_name: string; unit_code: string; unit_kind: string;
    report_id: string | null; status: ReportRow['status'] | null; submitted_at: Date | null; acknowledged_at: Date | null; total: number }>(
    `SELECT c.id AS council_id, c.name AS council_name, c.level, u.id AS unit_id, u.name AS unit_name, u.code AS unit_code, u.kind AS unit_kind,
            r.id AS report_id, r.status, r.submitted_at, r.acknowledged_at, count(*) OVER ()::int AS total
       FROM council c JOIN org_unit u ON u.id = c.unit_id
       LEFT JOIN council_report r ON r.council_id = c.id AND r.fiscal_year = $2 AND r.half = $3
      WHERE c.level <> 'central' AND ($1::uuid[] IS NULL OR u.path && $1::uuid[])
        AND ($4::uuid IS NULL OR u.path @> ARRAY[$4::uuid]) AND ($5::text IS NULL OR c.level = $5)
        AND (NOT $6::boolean OR r.status IS NULL OR r.status = 'draft')
      ORDER BY u.depth, u.name LIMIT $7 OFFSET $8`,
    [scope, period.fiscalYear, period.half, input.unitId ?? null, input.level ?? null, Boolean(input.missing), input.pageSize, (input.page - 1) * input.pageSize]);
  const range = halfRange(period);
  return {
    period: { fiscalYear: period.fiscalYear, half: period.half, fromOn: range.fromOn, toOn: range.toOn, ended: now >= range.end },
    items: rows.map((r) => ({
      council: { id: r.council_id, name: r.council_name, level: r.level, unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code, kind: r.unit_kind } },
      reportId: r.report_id, status: r.status ?? ('missing' as const),
      submittedAt: r.submitted_at?.toISOString() ?? null, acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    })),
    total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize,
  };
}
