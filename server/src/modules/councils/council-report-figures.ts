import type { Queryable } from '../../db/pool.ts';
import { paidSpendingByPurpose } from '../spending/spending-summary.ts';
import { latinDay } from './council-row.ts';
import { halfRange, type HalfYear } from './council-rules.ts';
import { resolutionNumber } from './resolution-row.ts';

/** What a six-monthly report states; amounts are decimal strings of rials. */
export interface ReportFigures {
  period: { fiscalYear: number; half: 1 | 2; fromOn: string; toOn: string };
  received: { generalRials: string; specificRials: string; totalRials: string; byPurpose: { purposeCode: string; labelFa: string; fundKind: 'general' | 'specific'; rials: string }[] };
  spending: { generalRials: string; specificRials: string; totalRials: string; byPurpose: { purposeCode: string; labelFa: string; fundKind: 'general' | 'specific'; count: number; rials: string }[] };
  resolutions: { count: number; items: { id: string; number: string; kind: string; text: string; ceilingRials: string | null }[] };
  meetings: { held: number; withQuorum: number; items: { id: string; heldOn: string; quorumMet: boolean; presentCount: number; memberCount: number }[] };
  generatedAt: string;
}

/**
 * The figures of a council's six-monthly report, from the data: money received by the funds of
 * the council's unit and everything below it (the contribution journals of the half-year, net of
 * reversals, straight from the ledger's lines), spending paid by purpose (the spending journals),
 * the resolutions passed and the meetings held in the half-year.
 */
export async function reportFigures(db: Queryable, council: { id: string; unit_id: string }, period: HalfYear): Promise<ReportFigures> {
  const range = halfRange(period);
  const { rows: received } = await db.query<{ kind: 'general' | 'specific'; purpose_code: string; label_fa: string; rials: bigint }>(
    `SELECT f.kind, f.purpose_code, p.label_fa, (-sum(l.amount))::bigint AS rials
       FROM journal j
       JOIN journal_line l ON l.journal_id = j.id AND l.account_id = l.fund_id
       JOIN fund f ON f.id = l.fund_id
       JOIN org_unit u ON u.id = f.unit_id
       JOIN purpose p ON p.code = f.purpose_code
      WHERE j.kind IN ('contribution', 'contribution_reversal') AND j.fiscal_year = $2 AND j.fiscal_month BETWEEN $3 AND $4
        AND u.path @> ARRAY[$1::uuid]
      GROUP BY f.kind, f.purpose_code, p.label_fa, p.sort
      ORDER BY p.sort`,
    [council.unit_id, period.fiscalYear, range.fromMonth, range.toMonth]);
  const spent = await paidSpendingByPurpose(db, council.unit_id, period.fiscalYear, range.fromMonth, range.toMonth);
  const { rows: resolutions } = await db.query<{ id: string; fiscal_year: number; serial: number; kind: string; text: string; ceiling_rials: bigint | null }>(
    `SELECT r.id, r.fiscal_year, r.serial, r.kind, r.text, r.ceiling_rials FROM council_resolution r JOIN council_meeting m ON m.id = r.meeting_id
      WHERE r.council_id = $1 AND m.held_at >= $2 AND m.held_at < $3 ORDER BY r.fiscal_year, r.serial`,
    [council.id, range.start, range.end]);
  const { rows: meetings } = await db.query<{ id: string; held_at: Date; quorum_met: boolean; present_count: number; member_count: number }>(
    `SELECT id, held_at, quorum_met, present_count, member_count FROM council_meeting
      WHERE council_id = $1 AND status = 'held' AND held_at >= $2 AND held_at < $3 ORDER BY held_at`,
    [council.id, range.start, range.end]);

  const sum = <T extends { rials: bigint }>(xs: T[], pick: (x: T) => boolean) => xs.filter(pick).reduce((s, x) => s + x.rials, 0n);
  const rGeneral = sum(received, (r) => r.kind === 'general');
  const rSpecific = sum(received, (r) => r.kind === 'specific');
  const sGeneral = sum(spent, (s) => s.fundKind === 'general');
  const sSpecific = sum(spent, (s) => s.fundKind === 'specific');
  return {
    period: { fiscalYear: period.fiscalYear, half: period.half, fromOn: range.fromOn, toOn: range.toOn },
    received: {
      generalRials: rGeneral.toString(), specificRials: rSpecific.toString(), totalRials: (rGeneral + rSpecific).toString(),
      byPurpose: received.map((r) => ({ purposeCode: r.purpose_code, labelFa: r.label_fa, fundKind: r.kind, rials: r.rials.toString() })),
    },
    spending: {
      generalRials: sGeneral.toString(), specificRials: sSpecific.toString(), totalRials: (sGeneral + sSpecific).toString(),
      byPurpose: spent.map((s) => ({ purposeCode: s.purposeCode, labelFa: s.labelFa, fundKind: s.fundKind, count: s.count, rials: s.rials.toString() })),
    },
    resolutions: {
      count: resolutions.length,
      items: resolutions.map((r) => ({ id: r.id, number: resolutionNumber(r), kind: r.kind, text: r.text.slice(0, 300), ceilingRials: r.ceiling_rials?.toString() ?? null })),
    },
    meetings: {
      held: meetings.length, withQuorum: meetings.filter((m) => m.quorum_met).length,
      items: meetings.map((m) => ({ id: m.id, heldOn: latinDay(m.held_at), quorumMet: m.quorum_met, presentCount: m.present_count, memberCount: m.member_count })),
    },
    generatedAt: new Date().toISOString(),
  };
}
