// Amounts typed in toman (what people say) become exact rials for the API (toman × 10, a decimal
// string), with bigint all the way: never Number or parseFloat on money.
import { toLatinDigits } from '@mosharekat/fa';
import { groupThousands } from './format';

/** What a toman field keeps: its digits only (Persian digits and separators typed are accepted). */
export function tomanDigits(typed: string): string {
  return toLatinDigits(typed).replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

/** Digits of toman → rials as the API takes them ("1250" → "12500"); empty or zero → null. */
export function tomanToRials(digits: string | undefined | null): string | null {
  const clean = tomanDigits(digits ?? '');
  if (!clean) return null;
  const rials = BigInt(clean) * 10n;
  return rials > 0n ? rials.toString() : null;
}

/** The digits grouped as the person sees them while typing: "1250000" → "1,250,000" (or ۱٬۲۵۰٬۰۰۰). */
export function showToman(digits: string, persian: boolean): string {
  if (!digits) return '';
  const grouped = groupThousands(digits, persian ? '٬' : ',');
  return persian ? grouped.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))) : grouped;
}

/**
 * Where the caret belongs after regrouping: just after the same number of digits it followed
 * before, so separators appearing or disappearing do not push it around.
 */
export function caretAfterDigits(shown: string, digitsBefore: number): number {
  if (digitsBefore <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < shown.length; i += 1) {
    if (/[\d۰-۹]/.test(shown[i] ?? '')) seen += 1;
    if (seen === digitsBefore) return i + 1;
  }
  return shown.length;
}

/** How many digits precede position `at` in `text` (Latin or Persian). */
export function digitsBefore(text: string, at: number): number {
  return (text.slice(0, at).match(/[\d۰-۹٠-٩]/g) ?? []).length;
}
