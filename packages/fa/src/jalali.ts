import { d2j, isValidJalaaliDate, j2d, toGregorian, toJalaali } from 'jalaali-js';
import { toLatinDigits, toPersianDigits } from './digits.ts';

// The organisation keeps Tehran office hours and its fiscal year is the Persian year, so
// "which day / month / year" always means Tehran wall-clock time, never the server's or the
// browser's zone. The offset is never hard-coded as +03:30: Iran observed DST until 1401
// (2022) and used LMT before 1946, and historic receipts must still land on the right day.
export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };
export type JalaliDate = { jy: number; jm: number; jd: number };
export type JalaliDateTime = JalaliDate & { hour: number; minute: number; second: number };
export type FiscalPeriod = { fiscalYear: number; fiscalMonth: number };

export const jalaliMonthNames = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

const DAY_MS = 86_400_000;

// Building a DateTimeFormat is costly; one instance serves every call.
let tehranFormatter: Intl.DateTimeFormat | undefined;
function formatter(): Intl.DateTimeFormat {
  tehranFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TEHRAN_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return tehranFormatter;
}

/** Tehran's wall clock at `instant`, read from the time-zone database (slow: Intl formatting). */
function intlParts(instant: Date): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter().formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  // Some engines still print midnight as 24 despite hourCycle h23.
  if (wall.hour === 24) wall.hour = 0;
  return wall;
}

// Tehran's offset from UTC, remembered per 30-minute slot of UTC time: reading the wall clock is
// then plain arithmetic (a campaign dates hundreds of gifts a second). A slot whose first and last
// second have different offsets (a clock change inside it) is never remembered: those instants
// are read from the time-zone database one by one.
const SLOT_MS = 1_800_000;
const slotOffsets = new Map<number, number | null>();

function offsetOfSlot(slot: number): number | null {
  let offset = slotOffsets.get(slot);
  if (offset === undefined) {
    const start = slot * SLOT_MS;
    const end = start + SLOT_MS - 1000;
    const a = wallAsUtcMs(intlParts(new Date(start))) - start;
    const b = wallAsUtcMs(intlParts(new Date(end))) - end;
    offset = a === b ? a : null;
    if (slotOffsets.size >= 100_000) slotOffsets.clear();
    slotOffsets.set(slot, offset);
  }
  return offset;
}

/** Gregorian wall-clock reading in Tehran at `instant`. */
export function tehranParts(instant: Date): WallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('tehranParts: invalid Date');
  const offset = offsetOfSlot(Math.floor(ms / SLOT_MS));
  if (offset === null) return intlParts(instant);
  const wall = new Date(ms + offset);
  return {
    year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
    hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(),
  };
}

function wallAsUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function tehranOffsetMs(utcMs: number): number {
  return wallAsUtcMs(tehranParts(new Date(utcMs))) - utcMs;
}

// Finds the instant whose Tehran wall clock reads `wallMs` (a wall time encoded as if UTC).
// Tehran changes offset at most twice a year, so the offsets a day either side are the only
// candidates. When a wall time occurs twice (DST ended) the earlier instant wins; when it
// never occurred (clock jumped forward) it is read with the pre-jump offset, i.e. shifted
// forward by the gap, so the start of a day is the moment that day actually began.
function instantOfTehranWall(wallMs: number): number {
  const offsetBefore = tehranOffsetMs(wallMs - DAY_MS);
  const offsetAfter = tehranOffsetMs(wallMs + DAY_MS);
  const matches = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (utcMs) => wallAsUtcMs(tehranParts(new Date(utcMs))) === wallMs,
  );
  return matches.length > 0 ? Math.min(...matches) : wallMs - offsetBefore;
}

/** Jalali date and Tehran time of day at `instant`. */
export function toJalali(instant: Date): JalaliDateTime {
  const w = tehranParts(instant);
  const { jy, jm, jd } = toJalaali(w.year, w.month, w.day);
  return { jy, jm, jd, hour: w.hour, minute: w.minute, second: w.second };
}

/** The fiscal year and month an instant is booked in (the Persian year and month in Tehran). */
export function fiscalPeriod(instant: Date): FiscalPeriod {
  const { jy, jm } = toJalali(instant);
  return { fiscalYear: jy, fiscalMonth: jm };
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The instant at which Tehran clocks read the given Jalali date and time. */
export function jalaliToInstant(jy: number, jm: number, jd: number, hour = 0, minute = 0): Date {
  if (!isValidJalaaliDate(jy, jm, jd) || !isIntegerIn(hour, 0, 23) || !isIntegerIn(minute, 0, 59)) {
    throw new RangeError(`jalaliToInstant: no such Jalali date/time: ${jy}/${jm}/${jd} ${hour}:${minute}`);
  }
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return new Date(instantOfTehranWall(Date.UTC(gy, gm - 1, gd, hour, minute)));
}

// Year first, then month and day separated consistently by '/', '-' or '.'.
const JALALI_DATE = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;

/** Reads '1404/07/15', '۱۴۰۴-۰۷-۱۵' or '1404/7/5'; null when malformed or not a real day. */
export function parseJalaliDate(s: string): JalaliDate | null {
  const match = JALALI_DATE.exec(toLatinDigits(s).trim());
  if (match === null) return null;
  const jy = Number(match[1]);
  const jm = Number(match[3]);
  const jd = Number(match[4]);
  return isValidJalaaliDate(jy, jm, jd) ? { jy, jm, jd } : null;
}

export type JalaliFormatOptions = {
  /** 'fa' (default) for the UI, 'latin' for exports. */
  digits?: 'fa' | 'latin';
  /** Append the Tehran time as HH:MM. */
  withTime?: boolean;
  /** '15 مهر 1404' instead of '1404/07/15'. */
  monthName?: boolean;
};

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** '۱۴۰۴/۰۷/۱۵', '۱۴۰۴/۰۷/۱۵ ۱۴:۳۰' or '۱۵ مهر ۱۴۰۴ ساعت ۱۴:۳۰', always in Tehran time. */
export function formatJalaliDate(instant: Date, options: JalaliFormatOptions = {}): string {
  const { digits = 'fa', withTime = false, monthName = false } = options;
  const { jy, jm, jd, hour, minute } = toJalali(instant);
  const time = `${pad2(hour)}:${pad2(minute)}`;
  const text = monthName
    ? `${jd} ${jalaliMonthNames[jm - 1] ?? ''} ${jy}${withTime ? ` ساعت ${time}` : ''}`
    : `${jy}/${pad2(jm)}/${pad2(jd)}${withTime ? ` ${time}` : ''}`;
  return digits === 'fa' ? toPersianDigits(text) : text;
}

/** The instant the Jalali month begins in Tehran. */
export function startOfJalaliMonth(jy: number, jm: number): Date {
  return jalaliToInstant(jy, jm, 1);
}

/** The instant the Persian (fiscal) year begins in Tehran: Nowruz midnight. */
export function startOfJalaliYear(jy: number): Date {
  return jalaliToInstant(jy, 1, 1);
}

/** [start, next month's start) of a Jalali month, for monthly reports. */
export function jalaliMonthRange(jy: number, jm: number): [Date, Date] {
  const next = jm === 12 ? { jy: jy + 1, jm: 1 } : { jy, jm: jm + 1 };
  return [startOfJalaliMonth(jy, jm), startOfJalaliMonth(next.jy, next.jm)];
}

/**
 * Turns an inclusive 'from'–'to' pair of Jalali days, as typed in a filter, into the
 * half-open instant range [from 00:00, day after 'to' 00:00) that SQL compares against.
 * Throws a RangeError when a date is invalid or the range is reversed.
 */
export function jalaliDayRange(from: string, to: string): [Date, Date] {
  const first = parseJalaliDate(from);
  const last = parseJalaliDate(to);
  if (first === null || last === null) {
    throw new RangeError(`jalaliDayRange: invalid Jalali date: ${first === null ? from : to}`);
  }
  const firstDay = j2d(first.jy, first.jm, first.jd);
  const lastDay = j2d(last.jy, last.jm, last.jd);
  if (firstDay > lastDay) throw new RangeError(`jalaliDayRange: ${from} is after ${to}`);
  const after = d2j(lastDay + 1);
  return [jalaliToInstant(first.jy, first.jm, first.jd), jalaliToInstant(after.jy, after.jm, after.jd)];
}

/** Today's Jalali date in Tehran; `now` is injectable so callers and tests can pin the clock. */
export function todayJalali(now: Date = new Date()): JalaliDate {
  const { jy, jm, jd } = toJalali(now);
  return { jy, jm, jd };
}
