import { describe, expect, it } from 'vitest';
import * as fa from './index.ts';

describe('package entry point', () => {
  it.each([
    'toLatinDigits', 'toPersianDigits', 'normalizeFa', 'searchKey', 'parseNationalCode', 'parseLegalId',
    'parseMobile', 'parseSheba', 'parsePostalCode', 'maskDigits', 'generateNationalCode', 'generateLegalId',
    'generateMobile', 'parseRials', 'rialsToToman', 'formatToman', 'formatRials', 'numberToWordsFa',
    'rialsInWords', 'tomanInWords', 'tehranParts', 'toJalali', 'fiscalPeriod', 'jalaliToInstant',
    'parseJalaliDate', 'formatJalaliDate', 'startOfJalaliMonth', 'startOfJalaliYear', 'jalaliMonthRange',
    'jalaliDayRange', 'todayJalali',
  ])('should export the function %s when imported from the package root', (name) => {
    expect(typeof (fa as Record<string, unknown>)[name]).toBe('function');
  });

  it('should export the month names when imported from the package root', () => {
    expect(fa.jalaliMonthNames[6]).toBe('مهر');
  });
});
