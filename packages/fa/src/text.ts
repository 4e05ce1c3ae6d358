import { toLatinDigits } from './digits.ts';

const ZWNJ = '\u200C';

// Arabic-keyboard letters look identical to the Persian ones but compare unequal, so
// «علي» and «علی» would be two donors. Stored text always uses the Persian code points.
const ARABIC_YEH = /[\u064A\u0649]/g; // ي ى
const ARABIC_KAF = /\u0643/g; // ك
const TATWEEL = /\u0640/g;

// Presentation forms (ﻻ, ﷲ, ﻋ…) come from old PDFs and copy-paste; NFKC maps them to the
// ordinary letters. Applied only to this block because NFKC elsewhere rewrites too much
// (superscripts, full-width Latin, ligatures in names).
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;

// Invisible direction marks pasted from Word or messengers make equal-looking names unequal.
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

// ZWNJ (half-space) is part of Persian spelling (می‌روم). Keyboards and converters also
// emit ZWJ, zero-width space, soft hyphen or «¬» in its place; runs of any of these are
// treated as one half-space candidate.
const JOINER_RUN = /[\u200B\u200C\u200D\u00AC\u00AD]+/g;
const KEPT_OUTSIDE_PERSIAN = /[\u200D\u00AC]/g; // ZWJ builds emoji; ¬ is a real sign in Latin text

const WHITESPACE_RUN = /\s+/g;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function isArabicScriptLetter(ch: string | undefined): boolean {
  return ch !== undefined && /^[\p{L}\p{M}]$/u.test(ch) && /^\p{scx=Arabic}$/u.test(ch);
}

function normalizeJoiners(s: string): string {
  return s.replace(JOINER_RUN, (run: string, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + run.length];
    if (isArabicScriptLetter(before) && isArabicScriptLetter(after)) return ZWNJ;
    // At a word edge, next to a space or digit, a half-space means nothing.
    return (run.match(KEPT_OUTSIDE_PERSIAN) ?? []).join('');
  });
}

/**
 * Canonical form for text we STORE (names, titles, addresses, notes): Persian letters
 * instead of Arabic look-alikes, no tatweel, one kind of half-space and only between
 * letters, single spaces, trimmed. Line breaks survive (as a single "\n") so that notes
 * keep their paragraphs; single-line inputs never contain them.
 */
export function normalizeFa(s: string): string {
  const text = s
    .normalize('NFC')
    .replace(PRESENTATION_FORMS, (ch) => ch.normalize('NFKC'))
    .replace(BIDI_CONTROLS, '')
    .replace(ARABIC_YEH, 'ی')
    .replace(ARABIC_KAF, 'ک')
    .replace(TATWEEL, '');
  return normalizeJoiners(text)
    .replace(WHITESPACE_RUN, (run) => (LINE_BREAK.test(run) ? '\n' : ' '))
    .trim();
}

const INVISIBLE_OR_SPACE = /[\s\p{Cf}]/gu; // \p{Cf} covers ZWNJ, ZWJ and direction marks
const DIACRITICS = /[\u064B-\u065F\u0670]/g;
const ALEF_VARIANTS = /[\u0623\u0625\u0622\u0671]/g; // أ إ آ ٱ
const HEH_VARIANTS = /[\u0629\u06C0\u06D5\u06BE]/g; // ة ۀ ە ھ

/**
 * Key for SEARCH and duplicate detection, never for display: folds the spellings people
 * use interchangeably (with or without space or half-space, vowel marks, hamza forms,
 * Persian or Latin digits, letter case) so that they all find the same record.
 */
export function searchKey(s: string): string {
  const folded = normalizeFa(s)
    .replace(INVISIBLE_OR_SPACE, '')
    .replace(DIACRITICS, '')
    .replace(ALEF_VARIANTS, 'ا')
    .replace(/\u0624/g, 'و') // ؤ
    .replace(/\u0626/g, 'ی') // ئ
    .replace(HEH_VARIANTS, 'ه');
  return toLatinDigits(folded).toLowerCase();
}
