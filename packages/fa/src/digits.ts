// Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits both reach us:
// Persian keyboards type the former, Arabic keyboards and some bank exports the latter.
const NON_LATIN_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g;
const LATIN_OR_ARABIC_DIGIT = /[0-9\u0660-\u0669]/g;

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;
const LATIN_ZERO = 0x30;

function digitValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= PERSIAN_ZERO) return code - PERSIAN_ZERO;
  if (code >= ARABIC_ZERO) return code - ARABIC_ZERO;
  return code - LATIN_ZERO;
}

/** Turns every Persian or Arabic-Indic digit into 0-9; everything else is left as is. */
export function toLatinDigits(s: string): string {
  return s.replace(NON_LATIN_DIGIT, (ch) => String(digitValue(ch)));
}

/**
 * Renders digits as Persian ۰-۹ for display. Arabic-Indic digits are converted too, so a
 * string shown to a user never mixes the two visually similar but distinct sets.
 */
export function toPersianDigits(value: string | number | bigint): string {
  return String(value).replace(LATIN_OR_ARABIC_DIGIT, (ch) =>
    String.fromCharCode(PERSIAN_ZERO + digitValue(ch)),
  );
}
