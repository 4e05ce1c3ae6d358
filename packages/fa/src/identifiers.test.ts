import { describe, expect, it } from 'vitest';
import {
  maskDigits,
  parseLegalId,
  parseMobile,
  parseNationalCode,
  parsePostalCode,
  parseSheba,
} from './identifiers.ts';

// Independent statement of the national-code rule, so the fixtures below are checked
// against the algorithm and not only against the library under test.
function nationalCodeChecksumHolds(code: string): boolean {
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
  const remainder = sum % 11;
  return digits[9] === (remainder < 2 ? remainder : 11 - remainder);
}

// Valid codes computed with the mod-11 rule (weights 10..2, r < 2 ? r : 11 - r).
const VALID_NATIONAL_CODES = ['0499370899', '0012345679', '1234567891', '3000123458', '7431046596', '0060123451'];

describe('parseNationalCode', () => {
  it('should hold the mod-11 rule when checking the fixtures themselves', () => {
    for (const code of VALID_NATIONAL_CODES) expect(nationalCodeChecksumHolds(code)).toBe(true);
    expect(nationalCodeChecksumHolds('1111111111')).toBe(true);
  });

  it.each(VALID_NATIONAL_CODES)('should accept %s when its check digit is right', (code) => {
    expect(parseNationalCode(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['Persian digits', '۰۴۹۹۳۷۰۸۹۹', '0499370899'],
    ['Arabic-Indic digits', '٠٤٩٩٣٧٠٨٩٩', '0499370899'],
    ['dashes', '049-937089-9', '0499370899'],
    ['spaces and a direction mark', ' 0499 370 899\u200F', '0499370899'],
  ])('should normalise when the input has %s', (_label, input, value) => {
    expect(parseNationalCode(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['the input is empty', '', 'empty'],
    ['the input is only spaces', '  - ', 'empty'],
    ['it has 9 digits', '499370899', 'format'],
    ['it has 11 digits', '04993708990', 'format'],
    ['it contains a letter', '049937089a', 'format'],
    ['the check digit is off by one', '0499370898', 'checksum'],
    ['the check digit is zero instead of nine', '0499370890', 'checksum'],
    ['two digits are swapped', '4099370899', 'checksum'],
    ['every digit is 1 (checksum holds)', '1111111111', 'checksum'],
    ['every digit is 0', '0000000000', 'checksum'],
    ['the serial part is all zeros', '1230000003', 'checksum'],
  ])('should reject when %s', (_label, input, reason) => {
    expect(parseNationalCode(input)).toEqual({ ok: false, reason });
  });
});

describe('parseLegalId', () => {
  it.each(['10380284790', '10101234565', '14100012340', '10862543219'])(
    'should accept %s when its check digit is right',
    (code) => {
      expect(parseLegalId(code)).toEqual({ ok: true, value: code });
    },
  );

  it('should normalise when the digits are Persian and grouped', () => {
    expect(parseLegalId('۱۰۳۸ ۰۲۸۴ ۷۹۰')).toEqual({ ok: true, value: '10380284790' });
  });

  it.each([
    ['the input is empty', '', 'empty'],
    ['it has 10 digits', '1038028479', 'format'],
    ['it has 12 digits that start with a valid id', '103802847901', 'format'],
    ['the check digit is wrong', '10380284791', 'checksum'],
    ['every digit is 0', '00000000000', 'checksum'],
  ])('should reject when %s', (_label, input, reason) => {
    expect(parseLegalId(input)).toEqual({ ok: false, reason });
  });
});

describe('parseMobile', () => {
  it.each([
    ['the canonical form', '09121234567'],
    ['no trunk zero', '9121234567'],
    ['+98', '+989121234567'],
    ['0098', '00989121234567'],
    ['98 without plus', '989121234567'],
    ['+98 (0)', '+98 (0) 912 123 4567'],
    ['Persian digits and spaces', '۰۹۱۲ ۱۲۳ ۴۵۶۷'],
    ['Arabic-Indic digits', '٠٩١٢١٢٣٤٥٦٧'],
    ['dashes', '0912-123-4567'],
    ['parentheses', '(0912) 123 4567'],
  ])('should store 09121234567 when written with %s', (_label, input) => {
    const result = parseMobile(input);
    expect(result.ok && result.value).toBe('09121234567');
  });

  it('should read a 989… subscriber when no country code is given', () => {
    const result = parseMobile('9891234567');
    expect(result.ok && result.value).toBe('09891234567');
  });

  it.each([
    ['an MCI number', '09121234567', 'همراه اول'],
    ['an Irancell number', '09351234567', 'ایرانسل'],
    ['a range missing from the operator table', '09341234567', null],
  ])('should report the operator when given %s', (_label, input, operator) => {
    expect(parseMobile(input)).toEqual({ ok: true, value: input, operator });
  });

  it.each([
    ['the input is empty', '', 'empty'],
    ['it is a Tehran landline', '02112345678', 'format'],
    ['a digit is missing', '0912123456', 'format'],
    ['a digit is extra', '091212345678', 'format'],
    ['only the country code is given', '+98', 'format'],
    ['the plus sign is in the middle', '0912+1234567', 'format'],
    ['it is a foreign number', '+14155552671', 'format'],
  ])('should reject when %s', (_label, input, reason) => {
    expect(parseMobile(input)).toEqual({ ok: false, reason });
  });
});

describe('parseSheba', () => {
  it.each([
    ['IR820540102680020817909002', 'بانک پارسیان'],
    ['IR050170000000123456789012', 'بانک ملی ایران'],
    ['IR660120000000000000123456', 'بانک ملت'],
  ])('should accept %s when the mod-97 check holds', (input, bankName) => {
    expect(parseSheba(input)).toEqual({ ok: true, value: input, bankName });
  });

  it.each([
    ['without the IR prefix', '820540102680020817909002'],
    ['in lower case with spaces', 'ir82 0540 1026 8002 0817 9090 02'],
    ['with Persian digits', 'IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲'],
    ['with dashes', 'IR82-0540-1026-8002-0817-9090-02'],
  ])('should canonicalise when written %s', (_label, input) => {
    const result = parseSheba(input);
    expect(result.ok && result.value).toBe('IR820540102680020817909002');
  });

  it('should give no bank name when the bank code is unknown but the checksum holds', () => {
    expect(parseSheba('IR979990000000000000000001')).toEqual({
      ok: true,
      value: 'IR979990000000000000000001',
      bankName: null,
    });
  });

  it.each([
    ['the input is empty', ' ', 'empty'],
    ['two digits are missing', 'IR8205401026800208179090', 'format'],
    ['it is a German IBAN', 'DE89370400440532013000', 'format'],
    ['it contains a letter', 'IR82054010268002081790900X', 'format'],
    ['the last digit is wrong', 'IR820540102680020817909003', 'checksum'],
    ['the check digits are wrong', 'IR830540102680020817909002', 'checksum'],
  ])('should reject when %s', (_label, input, reason) => {
    expect(parseSheba(input)).toEqual({ ok: false, reason });
  });
});

describe('parsePostalCode', () => {
  it.each([
    ['plain digits', '1234567890', '1234567890'],
    ['Persian digits and the usual dash', '۱۲۳۴۵-۶۷۸۹۰', '1234567890'],
  ])('should accept when written with %s', (_label, input, value) => {
    expect(parsePostalCode(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['the input is empty', '', 'empty'],
    ['it has 9 digits', '123456789', 'format'],
    ['it has 11 digits', '12345678901', 'format'],
  ])('should reject when %s', (_label, input, reason) => {
    expect(parsePostalCode(input)).toEqual({ ok: false, reason });
  });
});

describe('maskDigits', () => {
  it.each([
    ['a national code with the default', '0499370899', undefined, '******0899'],
    ['two visible digits', '0499370899', 2, '********99'],
    ['a sheba', 'IR820540102680020817909002', 4, '**********************9002'],
    ['nothing visible', '1234', 0, '****'],
    ['a value as long as the visible part', '1234', 4, '****'],
    ['a value shorter than the visible part', '123', 4, '***'],
    ['an empty value', '', 4, ''],
    ['a negative count', '12345', -1, '*****'],
  ])('should mask when given %s', (_label, value, visible, expected) => {
    expect(maskDigits(value, visible)).toBe(expected);
  });
});
