import { numberToWords } from '@persian-tools/persian-tools';
import { describe, expect, it } from 'vitest';
import { numberToWordsFa, rialsInWords, tomanInWords } from './money-words.ts';

describe('numberToWordsFa', () => {
  it.each<[bigint, string]>([
    [0n, 'صفر'],
    [1n, 'یک'],
    [10n, 'ده'],
    [11n, 'یازده'],
    [19n, 'نوزده'],
    [20n, 'بیست'],
    [21n, 'بیست و یک'],
    [99n, 'نود و نه'],
    [100n, 'صد'],
    [101n, 'صد و یک'],
    [110n, 'صد و ده'],
    [119n, 'صد و نوزده'],
    [200n, 'دویست'],
    [250n, 'دویست و پنجاه'],
    [300n, 'سیصد'],
    [400n, 'چهارصد'],
    [500n, 'پانصد'],
    [600n, 'ششصد'],
    [700n, 'هفتصد'],
    [800n, 'هشتصد'],
    [900n, 'نهصد'],
    [999n, 'نهصد و نود و نه'],
    [1000n, 'یک هزار'],
    [1001n, 'یک هزار و یک'],
    [1100n, 'یک هزار و صد'],
    [12345n, 'دوازده هزار و سیصد و چهل و پنج'],
    [800_000n, 'هشتصد هزار'],
    [1_000_000n, 'یک میلیون'],
    [1_000_001n, 'یک میلیون و یک'],
    [1_000_000_000n, 'یک میلیارد'],
    [2_500_000_000n, 'دو میلیارد و پانصد میلیون'],
    [10n ** 12n, 'یک هزار میلیارد'],
    [
      1_234_567_890_123n,
      'یک هزار و دویست و سی و چهار میلیارد و پانصد و شصت و هفت میلیون و هشتصد و نود هزار و صد و بیست و سه',
    ],
    [
      9_007_199_254_740_993n,
      'نه میلیون و هفت هزار و صد و نود و نه میلیارد و دویست و پنجاه و چهار میلیون و هفتصد و چهل هزار و نهصد و نود و سه',
    ],
    [10n ** 15n, 'یک میلیون میلیارد'],
    [10n ** 15n + 7n, 'یک میلیون میلیارد و هفت'],
    [10n ** 18n, 'یک میلیارد میلیارد'],
    [
      10n ** 18n - 1n,
      'نهصد و نود و نه میلیون و نهصد و نود و نه هزار و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون و نهصد و نود و نه هزار و نهصد و نود و نه',
    ],
    [-5n, 'منفی پنج'],
    [-(10n ** 18n), 'منفی یک میلیارد میلیارد'],
  ])('should spell %s correctly', (n, expected) => {
    expect(numberToWordsFa(n)).toBe(expected);
  });

  it.each([10n ** 18n + 1n, -(10n ** 18n) - 1n])('should throw a RangeError when given %s', (n) => {
    expect(() => numberToWordsFa(n)).toThrow(RangeError);
  });

  // persian-tools is right below 10^12 except for the spaced hundreds we fix.
  const withJoinedHundreds = (words: string) => words.replace(/(^|\s)(چهار|شش|هفت|هشت|نه) صد/g, '$1$2صد');

  it('should match persian-tools with joined hundreds when n is below 20000', () => {
    for (let n = 0; n < 20_000; n++) {
      expect(numberToWordsFa(BigInt(n))).toBe(withJoinedHundreds(String(numberToWords(n))));
    }
  });

  it('should match persian-tools with joined hundreds when n is a large sample below 10^12', () => {
    let seed = 12345;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const n = Math.floor((seed / 2147483648) * 1e12) + (i % 7) * 100;
      expect(numberToWordsFa(BigInt(n))).toBe(withJoinedHundreds(String(numberToWords(n))));
    }
  });

  it('should never write a spaced hundred when counting through the hundreds', () => {
    for (let h = 1n; h < 10n; h++) {
      expect(numberToWordsFa(h * 100n)).not.toMatch(/ صد/);
      expect(numberToWordsFa(h * 100_000n)).not.toMatch(/ صد/);
    }
  });
});

describe('rialsInWords', () => {
  it.each<[bigint, string]>([
    [0n, 'صفر ریال'],
    [12_500n, 'دوازده هزار و پانصد ریال'],
    [800_000_000n, 'هشتصد میلیون ریال'],
  ])('should spell %s rials', (rials, expected) => {
    expect(rialsInWords(rials)).toBe(expected);
  });
});

describe('tomanInWords', () => {
  it.each<[string, bigint, string]>([
    ['the amount is zero', 0n, 'صفر تومان'],
    ['the amount is one toman', 10n, 'یک تومان'],
    ['the amount is whole toman', 12_500n, 'یک هزار و دویست و پنجاه تومان'],
    ['odd rials remain', 12_503n, 'یک هزار و دویست و پنجاه تومان و سه ریال'],
    ['the amount is under one toman', 7n, 'هفت ریال'],
    ['the amount is ten billion toman', 100_000_000_000n, 'ده میلیارد تومان'],
    ['the amount is negative with odd rials', -13n, 'منفی یک تومان و سه ریال'],
  ])('should spell toman when %s', (_label, rials, expected) => {
    expect(tomanInWords(rials)).toBe(expected);
  });
});
