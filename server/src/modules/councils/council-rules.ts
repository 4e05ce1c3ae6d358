import { formatJalaliDate, jalaliToInstant, parseJalaliDate, startOfJalaliMonth, startOfJalaliYear, toJalali, todayJalali } from '@mosharekat/fa';

/*
 * Council rules as pure functions (no I/O): quorum, the quarterly meeting duty, six-monthly
 * report periods. The routes return their answers so the web app needs none of these rules.
 */

export type MemberRole = 'chair' | 'secretary' | 'member';
export type CouncilLevel = 'central' | 'provincial' | 'county';

export function councilLevelOf(unitKind: string): CouncilLevel | null {
  return unitKind === 'hq' ? 'central' : unitKind === 'province' ? 'provincial' : unitKind === 'county' ? 'county' : null;
}

export interface QuorumRule {
  /** majority: more than half of the sitting members; min_members: at least `minMembers` */
  kind: 'majority' | 'min_members';
  minMembers: number | null;
  requiresChair: boolean;
}

export interface QuorumResult {
  met: boolean;
  memberCount: number;
  presentCount: number;
  required: number;
  reasonFa: string;
  reasonEn: string;
}

/** Whether the members present make a quorum (members: those sitting when the meeting is closed). */
export function quorumOf(rule: QuorumRule, members: readonly { id: string; role: MemberRole }[], presentIds: ReadonlySet<string>): QuorumResult {
  const memberCount = members.length;
  const present = members.filter((m) => presentIds.has(m.id));
  const presentCount = present.length;
  const required = rule.kind === 'min_members' ? (rule.minMembers ?? 1) : Math.floor(memberCount / 2) + 1;
  const base = { memberCount, presentCount, required };
  if (presentCount < required) {
    return { ...base, met: false, reasonFa: `${presentCount} نفر از ${memberCount} عضو حاضر بودند و دست‌کم ${required} نفر لازم است.`, reasonEn: `${presentCount} of ${memberCount} members were present; at least ${required} are required.` };
  }
  if (rule.requiresChair && !present.some((m) => m.role === 'chair')) {
    return { ...base, met: false, reasonFa: 'حضور رئیس شورا برای رسمیت جلسه لازم است.', reasonEn: 'The chair must be present.' };
  }
  return { ...base, met: true, reasonFa: `جلسه با حضور ${presentCount} نفر از ${memberCount} عضو رسمیت دارد.`, reasonEn: `Quorate: ${presentCount} of ${memberCount} members present.` };
}

// ---------------------------------------------------------------------------------------------
// The quarterly meeting duty (seeds: a council meets every three months).

export const MEETING_INTERVAL_MONTHS = 3;
export const DUE_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

/** The Tehran midnight `months` Jalali months after the day of `instant` (the day clamped to the month's end). */
export function addJalaliMonths(instant: Date, months: number): Date {
  const { jy, jm, jd } = toJalali(instant);
  const index = jy * 12 + (jm - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  for (let d = jd; d >= 1; d--) {
    if (parseJalaliDate(`${y}/${m}/${d}`)) return jalaliToInstant(y, m, d);
  }
  throw new RangeError('addJalaliMonths: no valid day');
}

export interface MeetingDue {
  /** the next meeting is due by this instant */
  dueAt: Date;
  overdue: boolean;
  daysOverdue: number;
  /** due within DUE_SOON_DAYS */
  dueSoon: boolean;
}

/**
 * When the next meeting is due: three Jalali months after the last meeting held with quorum, or
 * after the council was formed when it has none yet.
 */
export function meetingDue(lastQuorateAt: Date | null, formedAt: Date, now: Date): MeetingDue {
  const dueAt = addJalaliMonths(lastQuorateAt ?? formedAt, MEETING_INTERVAL_MONTHS);
  const overdue = now.getTime() >= dueAt.getTime();
  return {
    dueAt,
    overdue,
    daysOverdue: overdue ? Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS) : 0,
    dueSoon: !overdue && dueAt.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS,
  };
}

// ---------------------------------------------------------------------------------------------
// Six-monthly report periods: the first half of a fiscal year is months 1–6, the second 7–12.

export interface HalfYear {
  fiscalYear: number;
  half: 1 | 2;
}

export function halfOf(instant: Date): HalfYear {
  const { jy, jm } = toJalali(instant);
  return { fiscalYear: jy, half: jm <= 6 ? 1 : 2 };
}

export function halfRange(p: HalfYear): { start: Date; end: Date; fromMonth: number; toMonth: number; fromOn: string; toOn: string } {
  const start = p.half === 1 ? startOfJalaliYear(p.fiscalYear) : startOfJalaliMonth(p.fiscalYear, 7);
  const end = p.half === 1 ? startOfJalaliMonth(p.fiscalYear, 7) : startOfJalaliYear(p.fiscalYear + 1);
  const last = new Date(end.getTime() - 1);
  return { start, end, fromMonth: p.half === 1 ? 1 : 7, toMonth: p.half === 1 ? 6 : 12, fromOn: formatJalaliDate(start, { digits: 'latin' }), toOn: formatJalaliDate(last, { digits: 'latin' }) };
}

/** The most recent half-year that has ended: what the upper level expects reports for. */
export function lastEndedHalf(now: Date): HalfYear {
  const cur = halfOf(now);
  return cur.half === 2 ? { fiscalYear: cur.fiscalYear, half: 1 } : { fiscalYear: cur.fiscalYear - 1, half: 2 };
}

// ---------------------------------------------------------------------------------------------

/**
 * The instant a past or present Jalali day stands for: now when it is today (Tehran), else noon
 * of that day. null when the text is not a date; 'future' when the day has not come.
 */
export function pastDayInstant(day: string, now: Date = new Date()): Date | null | 'future' {
  const d = parseJalaliDate(day);
  if (!d) return null;
  const t = todayJalali(now);
  const cmp = d.jy - t.jy || d.jm - t.jm || d.jd - t.jd;
  if (cmp > 0) return 'future';
  return cmp === 0 ? now : jalaliToInstant(d.jy, d.jm, d.jd, 12, 0);
}

/** 'HH:MM' → [hour, minute], or null. */
export function parseTimeOfDay(s: string): [number, number] | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}
