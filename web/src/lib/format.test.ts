import { describe, expect, it } from 'vitest';
import { groupThousands, makeFormatter, rialsOf } from './format';

describe('groupThousands', () => {
  it('should group digits in threes when the number is long', () => {
    expect(groupThousands(1234567n)).toBe('1,234,567');
    expect(groupThousands('15000000000000')).toBe('15,000,000,000,000');
  });

  it('should leave short and negative numbers readable', () => {
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(-1234n)).toBe('-1,234');
  });
});

describe('money', () => {
  it('should keep rials exact beyond the double range when converting from the API string', () => {
    expect(rialsOf('9007199254740993')).toBe(9007199254740993n);
  });

  it('should show toman with Persian digits and separators when the language is Persian', () => {
    expect(makeFormatter('fa').toman(12345670n)).toBe('۱٬۲۳۴٬۵۶۷ تومان');
  });

  it('should show toman with Latin digits when the language is English', () => {
    expect(makeFormatter('en').toman(12345670n)).toBe('1,234,567 toman');
  });
});

describe('dates', () => {
  it('should show Jalali dates with Persian digits in Tehran time when the language is Persian', () => {
    // 2025-07-22T21:00Z is 00:30 on 1 Mordad 1404 in Tehran.
    expect(makeFormatter('fa').date('2025-07-22T21:00:00Z')).toBe('۱۴۰۴/۰۵/۰۱');
    expect(makeFormatter('fa').dayMonth('2025-07-22T21:00:00Z')).toBe('۱ مرداد');
  });

  it('should keep the Jalali calendar with Latin digits when the language is English', () => {
    expect(makeFormatter('en').dateTime('2025-07-22T21:00:00Z')).toBe('1404/05/01 00:30');
    expect(makeFormatter('en').dayMonth('2025-07-22T21:00:00Z')).toBe('1 Mordad');
  });

  it('should show a dash when there is no date', () => {
    expect(makeFormatter('fa').date(null)).toBe('—');
  });
});

describe('counts', () => {
  it('should use Persian digits when the language is Persian', () => {
    expect(makeFormatter('fa').count(1404)).toBe('۱٬۴۰۴');
    expect(makeFormatter('fa').digits('1404/05/01')).toBe('۱۴۰۴/۰۵/۰۱');
  });
});
