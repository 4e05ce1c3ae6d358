import { describe, expect, it } from 'vitest';
import { caretAfterDigits, digitsBefore, showToman, tomanDigits, tomanToRials } from './toman';

describe('tomanToRials', () => {
  it('should multiply by ten exactly when the amount is beyond the double range', () => {
    expect(tomanToRials('900719925474099312')).toBe('9007199254740993120');
  });

  it('should read Persian digits and separators typed by a person', () => {
    expect(tomanToRials('۱٬۲۵۰٬۰۰۰')).toBe('12500000');
    expect(tomanToRials('1,250')).toBe('12500');
  });

  it('should give null when the amount is empty or zero', () => {
    expect(tomanToRials('')).toBeNull();
    expect(tomanToRials('000')).toBeNull();
    expect(tomanToRials(undefined)).toBeNull();
  });
});

describe('toman field', () => {
  it('should keep digits only and drop leading zeros', () => {
    expect(tomanDigits('۰۰۱۲a3')).toBe('123');
    expect(tomanDigits('0')).toBe('0');
  });

  it('should group thousands in the language of the page', () => {
    expect(showToman('1250000', true)).toBe('۱٬۲۵۰٬۰۰۰');
    expect(showToman('1250000', false)).toBe('1,250,000');
    expect(showToman('', true)).toBe('');
  });

  it('should keep the caret after the same digit when separators move', () => {
    // typing the 4th digit of "1234" at the end: "1,234" → caret after 4 digits is at the end
    expect(caretAfterDigits('1,234', 4)).toBe(5);
    // caret after the first digit of "1,234"
    expect(caretAfterDigits('1,234', 1)).toBe(1);
    expect(caretAfterDigits('۱٬۲۳۴', 2)).toBe(3);
    expect(digitsBefore('۱٬۲۳۴', 3)).toBe(2);
  });
});
