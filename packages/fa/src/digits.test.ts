import { describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from './digits.ts';

describe('toLatinDigits', () => {
  it.each([
    ['Persian digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Latin digits', '0123456789', '0123456789'],
    ['mixed digits and text', 'کد ۱۲3٤ - x', 'کد 1234 - x'],
    ['no digits', 'سلام', 'سلام'],
    ['an empty string', '', ''],
  ])('should convert to 0-9 when given %s', (_label, input, expected) => {
    expect(toLatinDigits(input)).toBe(expected);
  });

  it('should leave the Persian decimal and thousands separators alone when converting', () => {
    expect(toLatinDigits('۱٬۲۳۴٫۵')).toBe('1٬234٫5');
  });
});

describe('toPersianDigits', () => {
  it.each([
    ['a Latin string', '0123456789', '۰۱۲۳۴۵۶۷۸۹'],
    ['Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'],
    ['already Persian digits', '۱۴۰۴', '۱۴۰۴'],
    ['text with digits', '1404/07/15', '۱۴۰۴/۰۷/۱۵'],
    ['a number', 2025, '۲۰۲۵'],
    ['a negative number', -7, '-۷'],
    ['zero', 0, '۰'],
    ['a bigint beyond 2^53', 12345678901234567890n, '۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰'],
  ])('should render Persian digits when given %s', (_label, input, expected) => {
    expect(toPersianDigits(input)).toBe(expected);
  });

  it('should round-trip through toLatinDigits when the input is Latin', () => {
    expect(toLatinDigits(toPersianDigits('98-912 345'))).toBe('98-912 345');
  });
});
