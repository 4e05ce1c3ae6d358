// The date engine behind antd's pickers: the Jalali calendar from date-fns-jalali over plain Date
// values (local midnight of the picked day), with Persian month names and digits when the locale is fa.
import type generatePicker from 'antd/es/date-picker/generatePicker';
import {
  addDays,
  addMonths,
  addYears,
  endOfMonth,
  format,
  getDate,
  getDay,
  getHours,
  getMilliseconds,
  getMinutes,
  getMonth,
  getSeconds,
  getWeek,
  getYear,
  isAfter,
  isValid,
  parse,
  setDate,
  setHours,
  setMilliseconds,
  setMinutes,
  setMonth,
  setSeconds,
  setYear,
  startOfWeek,
} from 'date-fns-jalali';
import { enUS, faIR } from 'date-fns-jalali/locale';
import { toLatinDigits, toPersianDigits } from '@mosharekat/fa';

const isPersian = (locale: string) => locale.toLowerCase().startsWith('fa');
const localeOf = (locale: string) => (isPersian(locale) ? faIR : enUS);

/** antd's formats are dayjs tokens; date-fns spells years and days in lower case. */
export function toDateFnsFormat(format: string): string {
  return format
    .replace(/Y/g, 'y')
    .replace(/D/g, 'd')
    .replace(/gggg/, 'yyyy')
    .replace(/g/g, 'G')
    .replace(/([Ww])o/g, 'wo')
    .replace(/A/g, 'a');
}

function formatIn(locale: string, date: Date, pattern: string): string {
  const text = format(date, toDateFnsFormat(pattern), { locale: localeOf(locale) });
  return isPersian(locale) ? toPersianDigits(text) : text;
}

function parseStrict(locale: string, text: string, pattern: string): Date | null {
  const latin = toLatinDigits(text.trim());
  const date = parse(latin, toDateFnsFormat(pattern), new Date(), { locale: localeOf(locale) });
  if (!isValid(date)) return null;
  // date-fns accepts "1404/1/2" for "yyyy/MM/dd"; require the text to round-trip so typing stays predictable.
  return format(date, toDateFnsFormat(pattern), { locale: localeOf(locale) }) === latin ? date : null;
}

type GenerateConfig<T extends object> = Parameters<typeof generatePicker<T>>[0];

export const jalaliGenerateConfig: GenerateConfig<Date> = {
  getNow: () => new Date(),
  getFixedDate: (text) => new Date(text),
  getEndDate: (date) => endOfMonth(date),
  getWeekDay: (date) => getDay(date),
  getYear: (date) => getYear(date),
  getMonth: (date) => getMonth(date),
  getDate: (date) => getDate(date),
  getHour: (date) => getHours(date),
  getMinute: (date) => getMinutes(date),
  getSecond: (date) => getSeconds(date),
  getMillisecond: (date) => getMilliseconds(date),
  addYear: (date, diff) => addYears(date, diff),
  addMonth: (date, diff) => addMonths(date, diff),
  addDate: (date, diff) => addDays(date, diff),
  setYear: (date, year) => setYear(date, year),
  setMonth: (date, month) => setMonth(date, month),
  setDate: (date, day) => setDate(date, day),
  setHour: (date, hour) => setHours(date, hour),
  setMinute: (date, minute) => setMinutes(date, minute),
  setSecond: (date, second) => setSeconds(date, second),
  setMillisecond: (date, ms) => setMilliseconds(date, ms),
  isAfter: (a, b) => isAfter(a, b),
  isValidate: (date) => isValid(date),
  locale: {
    // The Iranian week starts on Saturday, in both languages.
    getWeekFirstDay: () => 6,
    getWeekFirstDate: (_locale, date) => startOfWeek(date, { weekStartsOn: 6 }),
    getWeek: (_locale, date) => getWeek(date, { weekStartsOn: 6 }),
    getShortWeekDays: (locale) =>
      Array.from({ length: 7 }, (_, day) => localeOf(locale).localize.day(day as 0, { width: isPersian(locale) ? 'narrow' : 'short' })),
    getShortMonths: (locale) =>
      Array.from({ length: 12 }, (_, month) => localeOf(locale).localize.month(month as 0, { width: 'wide' })),
    format: (locale, date, pattern) => (isValid(date) ? formatIn(locale, date, pattern) : ''),
    parse: (locale, text, patterns) => {
      for (const pattern of patterns) {
        const date = parseStrict(locale, text, pattern);
        if (date) return date;
      }
      return null;
    },
  },
};

/** A Jalali calendar day as it appears in URLs: 1404-05-01. */
export function jalaliKey(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function fromJalaliKey(key: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const date = parse(key, 'yyyy-MM-dd', new Date());
  return isValid(date) ? date : null;
}

/** A picked day as the API takes Jalali days: 1404/05/01. */
export function jalaliDay(date: Date): string {
  return format(date, 'yyyy/MM/dd');
}

/** A URL day key (1404-05-01) as the API's Jalali day (1404/05/01); empty stays empty. */
export function apiDay(key: string): string {
  return key.replace(/-/g, '/');
}
