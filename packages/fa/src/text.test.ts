import { describe, expect, it } from 'vitest';
import { normalizeFa, searchKey } from './text.ts';

const ZWNJ = '\u200C';
const ZWJ = '\u200D';

describe('normalizeFa', () => {
  it.each([
    ['Arabic yeh is used', 'علي', 'علی'],
    ['Arabic alef maksura is used', 'مصطفى', 'مصطفی'],
    ['Arabic kaf is used', 'كريم', 'کریم'],
    ['tatweel stretches a word', 'مشـــارکت', 'مشارکت'],
    ['spaces are doubled', 'محمد   رضا', 'محمد رضا'],
    ['text is padded', '  \t سلام \u00A0 ', 'سلام'],
    ['a ZWNJ sits between letters', `می${ZWNJ}روم`, `می${ZWNJ}روم`],
    ['ZWNJs are repeated', `می${ZWNJ}${ZWNJ}${ZWNJ}روم`, `می${ZWNJ}روم`],
    ['a ZWJ stands for a half-space', `می${ZWJ}روم`, `می${ZWNJ}روم`],
    ['a «¬» stands for a half-space', 'می¬روم', `می${ZWNJ}روم`],
    ['a soft hyphen stands for a half-space', 'می\u00ADروم', `می${ZWNJ}روم`],
    ['a zero-width space stands for a half-space', 'می\u200Bروم', `می${ZWNJ}روم`],
    ['a ZWNJ is next to a space', `می${ZWNJ} روم`, 'می روم'],
    ['a ZWNJ starts the text', `${ZWNJ}سلام`, 'سلام'],
    ['a ZWNJ ends a word', `خانه${ZWNJ}`, 'خانه'],
    ['a ZWNJ is next to a digit', `۱۲${ZWNJ}تا`, '۱۲تا'],
    ['a ZWNJ follows a vowel mark', `بِ${ZWNJ}رو`, `بِ${ZWNJ}رو`],
    ['a presentation-form ligature is used', 'ﻻله', 'لاله'],
    ['direction marks are pasted in', '\u200Fعلی\u200E رضایی\uFEFF', 'علی رضایی'],
    ['alef and madda are decomposed', 'ا\u0653ب', 'آب'],
    ['a note has paragraphs', 'خط اول  \n\n  خط دوم', 'خط اول\nخط دوم'],
    ['the text is empty', '', ''],
  ])('should normalise when %s', (_label, input, expected) => {
    expect(normalizeFa(input)).toBe(expected);
  });

  it.each([
    ['an emoji uses ZWJ', '👨\u200D👩\u200D👧'],
    ['Latin text uses «¬» as a sign', 'a ¬b'],
    ['the text is already normal', `مشارکت‌های مردمی`],
  ])('should leave the text unchanged when %s', (_label, input) => {
    expect(normalizeFa(input)).toBe(input);
  });

  it('should be idempotent when applied twice', () => {
    const messy = ` علي  ${ZWNJ}${ZWNJ}مي¬روم ـ  كتاب `;
    expect(normalizeFa(normalizeFa(messy))).toBe(normalizeFa(messy));
  });
});

describe('searchKey', () => {
  it.each([
    ['Arabic and Persian yeh differ', 'علي', 'علی'],
    ['one has a space', 'محمد رضا', 'محمدرضا'],
    ['one has a half-space', `محمد${ZWNJ}رضا`, 'محمدرضا'],
    ['one has vowel marks', 'مُحَمَّد', 'محمد'],
    ['one has a dagger alef', 'رحمٰن', 'رحمن'],
    ['alef forms differ', 'أحمد', 'احمد'],
    ['alef with hamza below is used', 'إسلام', 'اسلام'],
    ['alef with madda is used', 'آرش', 'ارش'],
    ['alef wasla is used', 'ٱلله', 'الله'],
    ['waw with hamza is used', 'مؤسسه', 'موسسه'],
    ['yeh with hamza is used', 'مسئول', 'مسیول'],
    ['teh marbuta is used', 'فاطمة', 'فاطمه'],
    ['heh with yeh above is used', 'خانۀ', 'خانه'],
    ['heh with hamza mark is used', 'خانهٔ', 'خانه'],
    ['digits are Persian', 'کوچه ۱۲', 'کوچه12'],
    ['Latin case differs', 'Mosharekat NGO', 'mosharekatngo'],
    ['kaf and tatweel differ', 'كـــريم', 'کریم'],
  ])('should give the same key when %s', (_label, a, b) => {
    expect(searchKey(a)).toBe(searchKey(b));
  });

  it('should fold every spelling of a compound name to one key when searching', () => {
    const keys = new Set(['محمد رضا', 'محمدرضا', `محمد${ZWNJ}رضا`, ' محمد  رضا ', 'محمد\u00ACرضا'].map(searchKey));
    expect([...keys]).toEqual(['محمدرضا']);
  });

  it.each([
    ['the letters really differ', 'علی', 'ولی'],
    ['one name is longer', 'محمد', 'محمدی'],
  ])('should give different keys when %s', (_label, a, b) => {
    expect(searchKey(a)).not.toBe(searchKey(b));
  });

  it('should return an empty key when the text is only spaces and half-spaces', () => {
    expect(searchKey(` ${ZWNJ} \t`)).toBe('');
  });
});
