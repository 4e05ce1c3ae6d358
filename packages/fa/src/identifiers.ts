import {
  getShebaInfo,
  isShebaValid,
  phoneNumberDetail,
  verifyIranianLegalId,
  verifyIranianNationalId,
} from '@persian-tools/persian-tools';
import { toLatinDigits } from './digits.ts';

export type ParseFailureReason = 'empty' | 'format' | 'checksum';
export type ParseFailure = { ok: false; reason: ParseFailureReason };
export type ParseResult = { ok: true; value: string } | ParseFailure;
export type MobileParseResult = { ok: true; value: string; operator: string | null } | ParseFailure;
export type ShebaParseResult = { ok: true; value: string; bankName: string | null } | ParseFailure;

// What people type around an identifier: spaces, dashes of every width, parentheses, and
// the invisible direction marks that forms and messengers paste along with it.
const DECORATION = /[\s\p{Pd}\p{Cf}()]/gu;

function clean(input: string): string {
  return toLatinDigits(input).replace(DECORATION, '');
}

function fail(reason: ParseFailureReason): ParseFailure {
  return { ok: false, reason };
}

const ALL_SAME_DIGIT = /^(\d)\1*$/;

/**
 * 10-digit personal national code (کد ملی) with its mod-11 check digit. The prefix (issuing
 * office) is not checked: the official prefix list is incomplete and would reject real
 * donors. Codes of one repeated digit pass the checksum but are the classic fake input.
 */
export function parseNationalCode(input: string): ParseResult {
  const value = clean(input);
  if (value === '') return fail('empty');
  if (!/^\d{10}$/.test(value)) return fail('format');
  if (ALL_SAME_DIGIT.test(value)) return fail('checksum');
  if (!verifyIranianNationalId(value, { checkPrefix: false })) return fail('checksum');
  return { ok: true, value };
}

/**
 * 11-digit national id of a legal person (شناسه ملی). persian-tools accepts longer strings
 * and ignores the excess, so the length is enforced here.
 */
export function parseLegalId(input: string): ParseResult {
  const value = clean(input);
  if (value === '') return fail('empty');
  if (!/^\d{11}$/.test(value)) return fail('format');
  if (verifyIranianLegalId(value) !== true) return fail('checksum');
  return { ok: true, value };
}

// The country code may come as +98, 0098 or 98, written "+98 (0) 912…" or with the trunk 0
// dropped; the regex backtracks, so 9891234567 (a 989… subscriber) is still read correctly.
const MOBILE = /^(?:(?:\+|00)?98)?0?(9\d{9})$/;

/**
 * Iranian mobile number in the stored form 09xxxxxxxxx. Validity is structural (9 followed
 * by nine digits): persian-tools' operator table lacks live ranges such as 0931 and 0934,
 * so it only supplies the operator name, never a rejection.
 */
export function parseMobile(input: string): MobileParseResult {
  const cleaned = clean(input);
  if (cleaned === '') return fail('empty');
  const subscriber = MOBILE.exec(cleaned)?.[1];
  if (subscriber === undefined) return fail('format');
  const value = `0${subscriber}`;
  return { ok: true, value, operator: phoneNumberDetail(value)?.operator ?? null };
}

/**
 * IBAN of an Iranian bank account (شبا), stored as 'IR' + 24 digits and verified with the
 * ISO 7064 mod-97 check. Officers often copy it without the IR prefix.
 */
export function parseSheba(input: string): ShebaParseResult {
  const cleaned = clean(input).toUpperCase();
  if (cleaned === '') return fail('empty');
  const value = /^\d{24}$/.test(cleaned) ? `IR${cleaned}` : cleaned;
  if (!/^IR\d{24}$/.test(value)) return fail('format');
  if (!isShebaValid(value)) return fail('checksum');
  return { ok: true, value, bankName: getShebaInfo(value)?.persianName ?? null };
}

/** 10-digit postal code (کد پستی). There is no public check digit, so only the shape is checked. */
export function parsePostalCode(input: string): ParseResult {
  const value = clean(input);
  if (value === '') return fail('empty');
  if (!/^\d{10}$/.test(value)) return fail('format');
  return { ok: true, value };
}

/**
 * Hides all but the last `visible` characters ('******1234'), as receipts and logs show a
 * national code or account. A value no longer than `visible` is masked entirely, so masking
 * never reveals a whole identifier.
 */
export function maskDigits(value: string, visible = 4): string {
  const chars = Array.from(value);
  const shown = chars.length > visible ? Math.max(0, Math.floor(visible)) : 0;
  const hidden = chars.length - shown;
  return '*'.repeat(hidden) + chars.slice(hidden).join('');
}
