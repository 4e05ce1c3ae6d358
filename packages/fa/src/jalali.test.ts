import { describe, expect, it } from 'vitest';
import {
  fiscalPeriod,
  formatJalaliDate,
  jalaliDayRange,
  jalaliMonthNames,
  jalaliMonthRange,
  jalaliToInstant,
  parseJalaliDate,
  startOfJalaliMonth,
  startOfJalaliYear,
  tehranParts,
  toJalali,
  todayJalali,
} from './jalali.ts';

const at = (iso: string) => new Date(iso);

describe('tehranParts', () => {
  it.each([
    ['Nowruz 1404 begins', '2025-03-20T20:30:00Z', { year: 2025, month: 3, day: 21, hour: 0, minute: 0, second: 0 }],
    ['summer 2021 had DST (+04:30)', '2021-07-01T12:00:00Z', { year: 2021, month: 7, day: 1, hour: 16, minute: 30, second: 0 }],
    ['summer 2023 had no DST (+03:30)', '2023-07-01T12:00:00Z', { year: 2023, month: 7, day: 1, hour: 15, minute: 30, second: 0 }],
    ['the instant is from 1900 (LMT +03:25:44)', '1900-01-01T00:00:00Z', { year: 1900, month: 1, day: 1, hour: 3, minute: 25, second: 44 }],
    ['UTC is still on the previous day', '2025-10-06T21:00:00Z', { year: 2025, month: 10, day: 7, hour: 0, minute: 30, second: 0 }],
  ])('should read the Tehran wall clock when %s', (_label, iso, expected) => {
    expect(tehranParts(at(iso))).toEqual(expected);
  });

  it('should throw a RangeError when the Date is invalid', () => {
    expect(() => tehranParts(new Date('nope'))).toThrow(RangeError);
  });

  it('should agree with the time-zone database minute by minute around clock changes (remembered offsets)', () => {
    const intl = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tehran', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const read = (d: Date) => Object.fromEntries(intl.formatToParts(d).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value) % (p.type === 'hour' ? 24 : Infinity)]));
    // DST began 2021-03-21 and ended 2021-09-21 (local midnight); LMT ended in 1946
    for (const start of ['2021-03-21T18:00:00Z', '2021-09-21T18:00:00Z', '1945-12-31T18:00:00Z', '2022-03-21T18:00:00Z']) {
      for (let m = 0; m < 8 * 60; m += 1) {
        const d = new Date(Date.parse(start) + m * 60_000 + 17_000);
        expect(tehranParts(d)).toEqual(read(d));
      }
    }
  });
});

describe('toJalali', () => {
  it.each([
    ['the first instant of 1404', '2025-03-20T20:30:00Z', { jy: 1404, jm: 1, jd: 1, hour: 0, minute: 0, second: 0 }],
    ['the last second of leap year 1403', '2025-03-20T20:29:59Z', { jy: 1403, jm: 12, jd: 30, hour: 23, minute: 59, second: 59 }],
    ['Nowruz 1403', '2024-03-19T20:30:00Z', { jy: 1403, jm: 1, jd: 1, hour: 0, minute: 0, second: 0 }],
    ['the last second of common year 1402', '2024-03-19T20:29:59Z', { jy: 1402, jm: 12, jd: 29, hour: 23, minute: 59, second: 59 }],
    ['a summer day under DST', '2021-07-01T12:00:00Z', { jy: 1400, jm: 4, jd: 10, hour: 16, minute: 30, second: 0 }],
    ['UTC is still on the previous day', '2025-10-06T21:00:00Z', { jy: 1404, jm: 7, jd: 15, hour: 0, minute: 30, second: 0 }],
  ])('should convert when the instant is %s', (_label, iso, expected) => {
    expect(toJalali(at(iso))).toEqual(expected);
  });
});

describe('fiscalPeriod', () => {
  it.each([
    ['one second before Nowruz', '2025-03-20T20:29:59Z', { fiscalYear: 1403, fiscalMonth: 12 }],
    ['exactly Nowruz', '2025-03-20T20:30:00Z', { fiscalYear: 1404, fiscalMonth: 1 }],
    ['mid-Mehr', '2025-10-07T10:00:00Z', { fiscalYear: 1404, fiscalMonth: 7 }],
    ['Tehran has passed midnight into Mehr', '2025-09-22T20:30:00Z', { fiscalYear: 1404, fiscalMonth: 7 }],
    ['Tehran is still in Shahrivar', '2025-09-22T20:29:59Z', { fiscalYear: 1404, fiscalMonth: 6 }],
  ])('should book into the right period when the instant is %s', (_label, iso, expected) => {
    expect(fiscalPeriod(at(iso))).toEqual(expected);
  });
});

describe('jalaliToInstant', () => {
  it.each<[string, [number, number, number, number?, number?], string]>([
    ['Nowruz 1404', [1404, 1, 1], '2025-03-20T20:30:00.000Z'],
    ['an afternoon in Mehr 1404', [1404, 7, 15, 14, 30], '2025-10-07T11:00:00.000Z'],
    ['the leap day 1403/12/30', [1403, 12, 30], '2025-03-19T20:30:00.000Z'],
    ['a summer afternoon under DST', [1400, 4, 10, 16, 30], '2021-07-01T12:00:00.000Z'],
    ['the day after DST ended', [1400, 6, 31], '2021-09-21T20:30:00.000Z'],
    ['the last minute of a day', [1404, 7, 15, 23, 59], '2025-10-07T20:29:00.000Z'],
  ])('should give the UTC instant when the Tehran time is %s', (_label, args, iso) => {
    expect(jalaliToInstant(...args).toISOString()).toBe(iso);
  });

  it('should return the moment the clock jumped when midnight was skipped by DST', () => {
    // 1400/01/02 00:00 never showed on Tehran clocks: 23:59 was followed by 01:00.
    const instant = jalaliToInstant(1400, 1, 2);
    expect(instant.toISOString()).toBe('2021-03-21T20:30:00.000Z');
    expect(toJalali(instant)).toEqual({ jy: 1400, jm: 1, jd: 2, hour: 1, minute: 0, second: 0 });
    expect(toJalali(new Date(instant.getTime() - 1000))).toMatchObject({ jd: 1, hour: 23, minute: 59 });
  });

  it('should shift forward by the gap when the wall time was skipped', () => {
    expect(jalaliToInstant(1400, 1, 2, 0, 30).toISOString()).toBe('2021-03-21T21:00:00.000Z');
  });

  it('should pick the earlier instant when DST ended and the hour repeated', () => {
    const instant = jalaliToInstant(1400, 6, 30, 23, 30);
    expect(instant.toISOString()).toBe('2021-09-21T19:00:00.000Z');
    expect(toJalali(new Date('2021-09-21T20:00:00Z'))).toMatchObject({ jd: 30, hour: 23, minute: 30 });
  });

  it.each<[string, [number, number, number, number?, number?]]>([
    ['1404/12/30 does not exist', [1404, 12, 30]],
    ['the month is 13', [1404, 13, 1]],
    ['the day is 0', [1404, 1, 0]],
    ['Mehr has no 31st', [1404, 7, 31]],
    ['the hour is 24', [1404, 1, 1, 24]],
    ['the minute is 60', [1404, 1, 1, 0, 60]],
    ['the hour is fractional', [1404, 1, 1, 1.5]],
  ])('should throw a RangeError when %s', (_label, args) => {
    expect(() => jalaliToInstant(...args)).toThrow(RangeError);
  });

  it('should start every day at the moment the previous one ended when walking 1380–1410', () => {
    for (let jy = 1380; jy <= 1410; jy++) {
      for (let jm = 1; jm <= 12; jm++) {
        const days = jm <= 6 ? 31 : 30;
        for (let jd = 1; jd <= days; jd++) {
          if (parseJalaliDate(`${jy}/${jm}/${jd}`) === null) continue;
          const start = jalaliToInstant(jy, jm, jd);
          const there = toJalali(start);
          expect([there.jy, there.jm, there.jd, there.minute]).toEqual([jy, jm, jd, 0]);
          expect(there.hour === 0 || (jm === 1 && jd === 2 && there.hour === 1)).toBe(true);
          expect(toJalali(new Date(start.getTime() - 1000)).jd).not.toBe(jd);
        }
      }
    }
  });
});

describe('parseJalaliDate', () => {
  it.each([
    ['slashes', '1404/07/15', { jy: 1404, jm: 7, jd: 15 }],
    ['Persian digits and dashes', '۱۴۰۴-۰۷-۱۵', { jy: 1404, jm: 7, jd: 15 }],
    ['dots', '1404.07.15', { jy: 1404, jm: 7, jd: 15 }],
    ['unpadded parts', '1404/7/5', { jy: 1404, jm: 7, jd: 5 }],
    ['surrounding spaces', ' 1404/07/15 ', { jy: 1404, jm: 7, jd: 15 }],
    ['the leap day of 1403', '1403/12/30', { jy: 1403, jm: 12, jd: 30 }],
  ])('should read the date when written with %s', (_label, input, expected) => {
    expect(parseJalaliDate(input)).toEqual(expected);
  });

  it.each([
    ['1404 is not a leap year', '1404/12/30'],
    ['the month is 13', '1404/13/01'],
    ['the month is 0', '1404/00/10'],
    ['the day is 32', '1404/01/32'],
    ['Mehr has no 31st', '1404/07/31'],
    ['separators are mixed', '1404/07-15'],
    ['there are no separators', '14040715'],
    ['a time is attached', '1404/07/15 10:00'],
    ['the year has two digits', '04/07/15'],
    ['the input is empty', ''],
    ['the input is text', 'فردا'],
  ])('should return null when %s', (_label, input) => {
    expect(parseJalaliDate(input)).toBeNull();
  });
});

describe('formatJalaliDate', () => {
  const afternoon = at('2025-10-07T11:00:00Z'); // 1404/07/15 14:30 Tehran
  it.each<[string, Date, Parameters<typeof formatJalaliDate>[1], string]>([
    ['the defaults are used', afternoon, undefined, '۱۴۰۴/۰۷/۱۵'],
    ['the time is asked for', afternoon, { withTime: true }, '۱۴۰۴/۰۷/۱۵ ۱۴:۳۰'],
    ['the month name and time are asked for', afternoon, { monthName: true, withTime: true }, '۱۵ مهر ۱۴۰۴ ساعت ۱۴:۳۰'],
    ['Latin digits are asked for', afternoon, { digits: 'latin' }, '1404/07/15'],
    ['Latin digits and time are asked for', afternoon, { digits: 'latin', withTime: true }, '1404/07/15 14:30'],
    ['the month name is asked for on Nowruz', at('2025-03-20T20:30:00Z'), { monthName: true }, '۱ فروردین ۱۴۰۴'],
    ['the month name is asked for in Esfand', at('2025-03-20T20:29:00Z'), { monthName: true, digits: 'latin' }, '30 اسفند 1403'],
    ['UTC is still on the previous day', at('2025-10-06T21:05:00Z'), { withTime: true, digits: 'latin' }, '1404/07/15 00:35'],
  ])('should format when %s', (_label, instant, options, expected) => {
    expect(formatJalaliDate(instant, options)).toBe(expected);
  });
});

describe('jalaliMonthNames', () => {
  it('should list the twelve months from Farvardin to Esfand when read in order', () => {
    expect(jalaliMonthNames).toHaveLength(12);
    expect([jalaliMonthNames[0], jalaliMonthNames[6], jalaliMonthNames[9], jalaliMonthNames[11]]).toEqual([
      'فروردین',
      'مهر',
      'دی',
      'اسفند',
    ]);
  });
});

describe('startOfJalaliMonth and startOfJalaliYear', () => {
  it.each<[string, () => Date, string]>([
    ['year 1404', () => startOfJalaliYear(1404), '2025-03-20T20:30:00.000Z'],
    ['year 1400, a DST era year whose clocks changed a day later', () => startOfJalaliYear(1400), '2021-03-20T20:30:00.000Z'],
    ['Mehr 1404', () => startOfJalaliMonth(1404, 7), '2025-09-22T20:30:00.000Z'],
    ['Tir 1400, inside DST', () => startOfJalaliMonth(1400, 4), '2021-06-21T19:30:00.000Z'],
    ['Mehr 1400, just after DST', () => startOfJalaliMonth(1400, 7), '2021-09-22T20:30:00.000Z'],
  ])('should give the Tehran midnight when asked for %s', (_label, start, iso) => {
    expect(start().toISOString()).toBe(iso);
  });

  it('should throw a RangeError when the month does not exist', () => {
    expect(() => startOfJalaliMonth(1404, 13)).toThrow(RangeError);
  });
});

describe('jalaliMonthRange', () => {
  it.each<[string, number, number, [string, string]]>([
    ['Esfand, the range ends at Nowruz', 1403, 12, ['2025-02-18T20:30:00.000Z', '2025-03-20T20:30:00.000Z']],
    ['Mehr, a mid-year month', 1404, 7, ['2025-09-22T20:30:00.000Z', '2025-10-22T20:30:00.000Z']],
  ])('should span the whole month when it is %s', (_label, jy, jm, expected) => {
    expect(jalaliMonthRange(jy, jm).map((d) => d.toISOString())).toEqual(expected);
  });
});

describe('jalaliDayRange', () => {
  it.each<[string, string, string, [string, string]]>([
    ['one day', '1404/07/15', '1404/07/15', ['2025-10-06T20:30:00.000Z', '2025-10-07T20:30:00.000Z']],
    ['the leap day, ending at Nowruz', '1403/12/30', '1403/12/30', ['2025-03-19T20:30:00.000Z', '2025-03-20T20:30:00.000Z']],
    ['a whole year in Persian digits', '۱۴۰۴/۰۱/۰۱', '1404/12/29', ['2025-03-20T20:30:00.000Z', '2026-03-20T20:30:00.000Z']],
  ])('should give a half-open range when the filter is %s', (_label, from, to, expected) => {
    expect(jalaliDayRange(from, to).map((d) => d.toISOString())).toEqual(expected);
  });

  it.each([
    ['the start is not a date', 'x', '1404/01/01'],
    ['the end does not exist', '1404/01/01', '1404/12/30'],
    ['the range is reversed', '1404/01/02', '1404/01/01'],
  ])('should throw a RangeError when %s', (_label, from, to) => {
    expect(() => jalaliDayRange(from, to)).toThrow(RangeError);
  });
});

describe('todayJalali', () => {
  it.each([
    ['Tehran has just reached Nowruz', '2025-03-20T20:30:00Z', { jy: 1404, jm: 1, jd: 1 }],
    ['UTC is still on the previous day', '2025-10-06T21:00:00Z', { jy: 1404, jm: 7, jd: 15 }],
  ])('should give the Tehran date when %s', (_label, iso, expected) => {
    expect(todayJalali(at(iso))).toEqual(expected);
  });

  it('should give a real date when no clock is passed', () => {
    const { jy, jm, jd } = todayJalali();
    expect(parseJalaliDate(`${jy}/${jm}/${jd}`)).toEqual({ jy, jm, jd });
  });
});
