// What people read: numbers, money and dates in the current language. Persian: Persian digits and
// Jalali dates with month names; English: Latin digits, still the Jalali calendar (the fiscal calendar).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliDate, formatRials, formatToman, jalaliMonthNames, toJalali, toPersianDigits } from '@mosharekat/fa';

export const JALALI_MONTHS_EN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];

export type Lang = 'fa' | 'en';

/** 1234567 → "1,234,567"; works for bigint rials without ever going through Number. */
export function groupThousands(value: bigint | number | string, separator = ','): string {
  const text = typeof value === 'string' ? value.trim() : value.toString();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return negative ? `-${grouped}` : grouped;
}

/** Integer rials as sent by the API (a decimal string) into a bigint; never through Number. */
export function rialsOf(value: string | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

export interface Formatter {
  lang: Lang;
  digits: (value: string | number | bigint) => string;
  count: (value: number | bigint | string) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** "8 آذر": a short Jalali day for chart axes. */
  dayMonth: (iso: string) => string;
  toman: (rials: bigint) => string;
  rials: (rials: bigint) => string;
}

export function makeFormatter(lang: Lang): Formatter {
  const digitSet = lang === 'fa' ? 'fa' : 'latin';
  const digits = (value: string | number | bigint) => (lang === 'fa' ? toPersianDigits(String(value)) : String(value));
  // U+066C ARABIC THOUSANDS SEPARATOR is what Persian typography uses between digit groups.
  const count = (value: number | bigint | string) => digits(groupThousands(value, lang === 'fa' ? '٬' : ','));
  const date = (iso: string | null | undefined, withTime: boolean) =>
    iso ? formatJalaliDate(new Date(iso), { digits: digitSet, withTime, monthName: false }) : '—';
  return {
    lang,
    digits,
    count,
    date: (iso) => date(iso, false),
    dateTime: (iso) => date(iso, true),
    dayMonth: (iso) => {
      const { jm, jd } = toJalali(new Date(iso));
      return digits(`${jd} ${(lang === 'fa' ? jalaliMonthNames : JALALI_MONTHS_EN)[jm - 1] ?? ''}`);
    },
    toman: (rials) => `${formatToman(rials, { digits: digitSet, unit: false })} ${lang === 'fa' ? 'تومان' : 'toman'}`,
    rials: (rials) => formatRials(rials, { digits: digitSet, unit: false }),
  };
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'fa';
  return useMemo(() => makeFormatter(lang), [lang]);
}

/**
 * Keeps a code such as a receipt number (1404-07-000123) or a document number reading left to right
 * inside a Persian sentence (Unicode LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE).
 */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}
