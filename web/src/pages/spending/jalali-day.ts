// The API speaks Jalali days as "1404/07/15" (Latin digits); the pickers hold local-midnight Dates.
import { addMonths, format, isValid, parse } from 'date-fns-jalali';

/** The Jalali day a picked Date stands for, as the API wants it. */
export function dayOf(date: Date): string {
  return format(date, 'yyyy/MM/dd');
}

/** A day from the API ("1404/07/15") as a Date for a picker; null when it is not one. */
export function dateOfDay(day: string | null | undefined): Date | null {
  if (!day) return null;
  const date = parse(day.replace(/-/g, '/'), 'yyyy/MM/dd', new Date());
  return isValid(date) ? date : null;
}

export function todayDate(): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export function monthsFromToday(months: number): Date {
  return addMonths(todayDate(), months);
}
