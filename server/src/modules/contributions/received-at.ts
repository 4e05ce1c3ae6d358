import { jalaliToInstant, parseJalaliDate, todayJalali } from '@mosharekat/fa';
import { AppError } from '../../lib/errors.ts';

/**
 * The instant a contribution is dated by, from the Jalali day an officer typed: now when it is
 * today (Tehran), else noon of that day in Tehran (safely inside the day whatever the offset).
 */
export function receivedAtFromJalali(day: string, now: Date = new Date(), field = 'receivedOn'): Date {
  const d = parseJalaliDate(day);
  if (!d) throw new AppError('CONTRIBUTION_DATE_INVALID', { field });
  const today = todayJalali(now);
  const cmp = d.jy - today.jy || d.jm - today.jm || d.jd - today.jd;
  if (cmp > 0) throw new AppError('CONTRIBUTION_DATE_IN_FUTURE', { field });
  if (cmp === 0) return now;
  return jalaliToInstant(d.jy, d.jm, d.jd, 12, 0);
}
