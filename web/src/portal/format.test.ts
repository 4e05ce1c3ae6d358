import { describe, expect, it } from 'vitest';
import { rialsFromTomanInput, tomanInputText, words } from './format';

describe('portal amounts', () => {
  it.each([
    ['500000', 5_000_000n],
    ['۵۰۰٬۰۰۰', 5_000_000n],
    ['500,000', 5_000_000n],
    [' ۱۲ ۰۰۰ ', 120_000n],
    ['', null],
    ['12.5', null],
    ['-100', null],
    ['abc', null],
  ])('should read %j toman as %s rials', (input, expected) => {
    expect(rialsFromTomanInput(input)).toBe(expected);
  });

  it('should show the typed amount grouped in Persian digits and in words', () => {
    expect(tomanInputText(5_000_000n)).toBe('۵۰۰٬۰۰۰');
    expect(words(5_000_000n)).toBe('پانصد هزار تومان');
  });
});
