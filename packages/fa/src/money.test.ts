import { describe, expect, it } from 'vitest';
import { formatRials, formatToman, parseRials, rialsToToman } from './money.ts';

describe('parseRials', () => {
  it.each<[string, string | bigint | number, bigint]>([
    ['zero', '0', 0n],
    ['plain digits', '1234567', 1234567n],
    ['comma separators', '1,234,567', 1234567n],
    ['Persian digits and separators', '۱٬۲۳۴٬۵۶۷', 1234567n],
    ['Arabic-Indic digits', '٠١٢', 12n],
    ['surrounding spaces', ' 42 ', 42n],
    ['leading zeros', '007', 7n],
    ['the int8 maximum', '9223372036854775807', 9223372036854775807n],
    ['a digit string beyond 2^53', '9007199254740993', 9007199254740993n],
    ['a safe number', 1234, 1234n],
    ['the largest safe number', Number.MAX_SAFE_INTEGER, 9007199254740991n],
    ['a bigint', 5n, 5n],
  ])('should read %s', (_label, input, expected) => {
    expect(parseRials(input)).toBe(expected);
  });

  it.each<[string, string | bigint | number]>([
    ['the string is empty', ''],
    ['the string is blank', '   '],
    ['it has a decimal point', '12.5'],
    ['it has a Persian decimal separator', '۱۲٫۵'],
    ['it is negative', '-5'],
    ['it has a plus sign', '+5'],
    ['it uses exponent notation', '1e3'],
    ['it is not a number', 'abc'],
    ['the thousands are grouped wrongly', '1,23,456'],
    ['a group has four digits', '1,2345'],
    ['it starts with a separator', ',123'],
    ['it ends with a separator', '123,'],
    ['it is grouped with spaces', '1 000'],
    ['it exceeds int8', '9223372036854775808'],
    ['the number has a fraction', 1.5],
    ['the number is negative', -1],
    ['the number is NaN', Number.NaN],
    ['the number is infinite', Number.POSITIVE_INFINITY],
    ['the number is beyond 2^53', 2 ** 53],
    ['the bigint is negative', -1n],
    ['the bigint exceeds int8', 9223372036854775808n],
  ])('should throw a RangeError when %s', (_label, input) => {
    expect(() => parseRials(input)).toThrow(RangeError);
  });
});

describe('rialsToToman', () => {
  it.each([
    [12345n, 1234n, 5n],
    [10n, 1n, 0n],
    [9n, 0n, 9n],
    [0n, 0n, 0n],
    [-15n, -1n, -5n],
  ])('should split %s rials into %s toman and %s rials', (rials, toman, remainderRials) => {
    expect(rialsToToman(rials)).toEqual({ toman, remainderRials });
  });
});

describe('formatToman', () => {
  it.each<[string, bigint, Parameters<typeof formatToman>[1], string]>([
    ['a whole toman amount', 12_345_670n, undefined, '۱٬۲۳۴٬۵۶۷ تومان'],
    ['odd rials', 12_345_675n, {}, '۱٬۲۳۴٬۵۶۷٫۵ تومان'],
    ['zero', 0n, {}, '۰ تومان'],
    ['less than one toman', 5n, {}, '۰٫۵ تومان'],
    ['exactly three digits of toman', 9_990n, {}, '۹۹۹ تومان'],
    ['exactly four digits of toman', 10_000n, {}, '۱٬۰۰۰ تومان'],
    ['Latin digits', 12_345_670n, { digits: 'latin' }, '1,234,567 تومان'],
    ['Latin digits and odd rials', 12_345_675n, { digits: 'latin' }, '1,234,567.5 تومان'],
    ['Latin digits without unit', 12_345_670n, { digits: 'latin', unit: false }, '1,234,567'],
    ['no unit', 12_345_670n, { unit: false }, '۱٬۲۳۴٬۵۶۷'],
    ['a negative balance', -12_345_670n, { digits: 'latin' }, '-1,234,567 تومان'],
    ['a negative odd amount', -15n, { digits: 'latin' }, '-1.5 تومان'],
    ['an amount beyond 2^53', 90_071_992_547_409_930n, { digits: 'latin' }, '9,007,199,254,740,993 تومان'],
  ])('should format when given %s', (_label, rials, options, expected) => {
    expect(formatToman(rials, options)).toBe(expected);
  });
});

describe('formatRials', () => {
  it.each<[string, bigint, Parameters<typeof formatRials>[1], string]>([
    ['a typical amount', 12_345_670n, undefined, '۱۲٬۳۴۵٬۶۷۰ ریال'],
    ['three digits', 999n, {}, '۹۹۹ ریال'],
    ['zero', 0n, {}, '۰ ریال'],
    ['Latin digits', 1000n, { digits: 'latin' }, '1,000 ریال'],
    ['no unit', 1_000_000n, { unit: false }, '۱٬۰۰۰٬۰۰۰'],
    ['a negative amount', -1000n, { digits: 'latin' }, '-1,000 ریال'],
  ])('should format when given %s', (_label, rials, options, expected) => {
    expect(formatRials(rials, options)).toBe(expected);
  });
});
