import { jalaliDayRange, parseJalaliDate } from '@mosharekat/fa';

/**
 * A filter's inclusive Jalali day range ("1404-05-01".."1404-05-31", either end optional) as the
 * half-open ISO instant range the API takes, in Tehran days. A reversed range is read the right way round.
 */
export function instantRange(from: string, to: string): { from?: string; to?: string } {
  const first = from && parseJalaliDate(from) ? from : '';
  const last = to && parseJalaliDate(to) ? to : '';
  if (!first && !last) return {};
  if (first && last) {
    const [a, b] = first.localeCompare(last) <= 0 ? [first, last] : [last, first];
    const [start, end] = jalaliDayRange(a, b);
    return { from: start.toISOString(), to: end.toISOString() };
  }
  if (first) return { from: jalaliDayRange(first, first)[0].toISOString() };
  return { to: jalaliDayRange(last, last)[1].toISOString() };
}
