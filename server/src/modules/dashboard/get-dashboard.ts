import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { fiscalPeriod } from '@mosharekat/fa';
import { contributionFigures } from '../contributions/contribution-figures.ts';
import { holdsAt } from '../access/scope.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';

export interface Figure {
  key: string;
  value: string;
  kind: 'count' | 'rials';
}

/**
 * Headline figures for a unit and its subtree. Later modules (donors, contributions, ledger) add
 * their figures here; values are strings so that rials stay exact.
 */
export async function getDashboard(db: Queryable, actor: Actor | SystemActor, unitId: string) {
  const unit = await loadOrgUnit(db, actor, unitId, 'dashboard.read');
  const { rows } = await db.query<{ provinces: number; counties: number; departments: number; users: number; audit_today: number; audit_week: number }>(
    `SELECT
       (SELECT count(*)::int FROM org_unit WHERE path @> ARRAY[$1::uuid] AND id <> $1 AND status = 'active' AND kind = 'province') AS provinces,
       (SELECT count(*)::int FROM org_unit WHERE path @> ARRAY[$1::uuid] AND id <> $1 AND status = 'active' AND kind = 'county') AS counties,
       (SELECT count(*)::int FROM org_unit WHERE path @> ARRAY[$1::uuid] AND id <> $1 AND status = 'active' AND kind = 'department') AS departments,
       (SELECT count(*)::int FROM staff_user u JOIN org_unit o ON o.id = u.unit_id WHERE o.path @> ARRAY[$1::uuid] AND u.status = 'active') AS users,
       (SELECT count(*)::int FROM audit_log a JOIN org_unit o ON o.id = a.unit_id WHERE o.path @> ARRAY[$1::uuid] AND a.at >= date_trunc('day', now() AT TIME ZONE 'Asia/Tehran') AT TIME ZONE 'Asia/Tehran') AS audit_today,
       (SELECT count(*)::int FROM audit_log a JOIN org_unit o ON o.id = a.unit_id WHERE o.path @> ARRAY[$1::uuid] AND a.at >= now() - interval '7 days') AS audit_week`,
    [unit.id],
  );
  const r = rows[0]!;
  // one range scan over the last fortnight (audit_log_at_idx), grouped by Tehran day
  const { rows: days } = await db.query<{ day: string; n: number }>(
    `WITH span AS (SELECT ((now() AT TIME ZONE 'Asia/Tehran')::date - 13) AS first_day),
          counts AS (
            SELECT (a.at AT TIME ZONE 'Asia/Tehran')::date AS d, count(*)::int AS n
              FROM audit_log a JOIN org_unit o ON o.id = a.unit_id, span
             WHERE a.at >= (span.first_day::timestamp AT TIME ZONE 'Asia/Tehran') AND o.path @> ARRAY[$1::uuid]
             GROUP BY 1)
     SELECT to_char(days.d, 'YYYY-MM-DD') AS day, coalesce(c.n, 0) AS n
       FROM span CROSS JOIN LATERAL (SELECT span.first_day + i AS d FROM generate_series(0, 13) AS i) days
       LEFT JOIN counts c ON c.d = days.d
      ORDER BY days.d`,
    [unit.id],
  );
  const all: Figure[] = [
    { key: 'subunits.province', value: String(r.provinces), kind: 'count' },
    { key: 'subunits.county', value: String(r.counties), kind: 'count' },
    { key: 'subunits.department', value: String(r.departments), kind: 'count' },
    { key: 'users.active', value: String(r.users), kind: 'count' },
    { key: 'audit.today', value: String(r.audit_today), kind: 'count' },
    { key: 'audit.week', value: String(r.audit_week), kind: 'count' },
  ];
  const money = holdsAt(actor, 'contributions.read', unit.path) ? await contributionFigures(db, unit.id, fiscalPeriod(new Date()).fiscalYear) : null;
  if (money) {
    all.unshift(
      { key: 'contributions.year.total', value: money.totalRials, kind: 'rials' },
      { key: 'contributions.year.count', value: money.gifts, kind: 'count' },
    );
  }
  const figures = all.filter((f) => !(f.key === 'subunits.province' && unit.kind !== 'hq') && !(f.key === 'subunits.county' && unit.kind === 'county'));
  return {
    unit: { id: unit.id, kind: unit.kind, name: unit.name, code: unit.code },
    figures,
    series: [
      ...(money ? [{ key: 'contributions.byMonth', points: money.byMonth.map((m) => ({ label: m.key, value: m.totalRials })) }] : []),
      { key: 'audit.byDay', points: days.map((d) => ({ label: d.day, value: String(d.n) })) },
    ],
  };
}
