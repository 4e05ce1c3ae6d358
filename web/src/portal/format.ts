// Money as donors read and type it: toman with Persian digits, words, and typing in either digit set.
import { formatToman, toLatinDigits, toPersianDigits, tomanInWords } from '@mosharekat/fa';

/** "500000" or "۵۰۰٬۰۰۰" typed as toman → rials; null when it is not a whole number of toman. */
export function rialsFromTomanInput(input: string): bigint | null {
  const digits = toLatinDigits(input).replace(/[\s,\u066C\u060C]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return null;
  return BigInt(digits) * 10n;
}

/** What the amount box shows while typing: Persian digits in groups of three. */
export function tomanInputText(rials: bigint | null): string {
  if (rials === null) return '';
  return toPersianDigits((rials / 10n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '٬'));
}

export const toman = (rials: bigint | string) => formatToman(typeof rials === 'string' ? BigInt(rials) : rials);
export const words = (rials: bigint | string) => tomanInWords(typeof rials === 'string' ? BigInt(rials) : rials);
export const fa = (value: string | number | bigint) => toPersianDigits(String(value));
