import { describe, expect, it } from 'vitest';
import { activeFilters, readFilters, writeFilters } from './url-filters';

const defaults = { q: '', status: '', page: 1, pageSize: 20 };

describe('readFilters', () => {
  it('should return the defaults when the query string is empty', () => {
    expect(readFilters(new URLSearchParams(''), defaults)).toEqual(defaults);
  });

  it('should read strings and positive integers when present', () => {
    const params = new URLSearchParams('q=تهران&status=active&page=3&pageSize=50');
    expect(readFilters(params, defaults)).toEqual({ q: 'تهران', status: 'active', page: 3, pageSize: 50 });
  });

  it('should accept Persian digits in numbers', () => {
    expect(readFilters(new URLSearchParams('page=۱۲'), defaults).page).toBe(12);
  });

  it('should fall back when a number is malformed, negative or a page size is not offered', () => {
    const params = new URLSearchParams('page=-2&pageSize=7');
    expect(readFilters(params, defaults)).toMatchObject({ page: 1, pageSize: 20 });
    expect(readFilters(new URLSearchParams('page=abc'), defaults).page).toBe(1);
  });

  it('should ignore keys it does not own', () => {
    expect(readFilters(new URLSearchParams('unit=42'), defaults)).toEqual(defaults);
  });
});

describe('writeFilters', () => {
  it('should drop default and empty values when writing', () => {
    const next = writeFilters(new URLSearchParams('q=a&status=active'), { q: '', status: 'active' }, defaults);
    expect(next.toString()).toBe('status=active');
  });

  it('should go back to page 1 when a filter changes', () => {
    const next = writeFilters(new URLSearchParams('q=a&page=4'), { q: 'b' }, defaults);
    expect(next.get('page')).toBeNull();
    expect(next.get('q')).toBe('b');
  });

  it('should keep the filters when only the page changes', () => {
    const next = writeFilters(new URLSearchParams('q=a'), { page: 3 }, defaults);
    expect(next.toString()).toBe('q=a&page=3');
  });

  it('should go back to page 1 when the page size changes', () => {
    const next = writeFilters(new URLSearchParams('page=5'), { pageSize: 50 }, defaults);
    expect(next.toString()).toBe('pageSize=50');
  });

  it('should keep keys owned by other parts of the page', () => {
    const next = writeFilters(new URLSearchParams('unit=9&q=a'), { q: 'b' }, defaults);
    expect(next.get('unit')).toBe('9');
  });
});

describe('activeFilters', () => {
  it('should list only non-default filters without paging', () => {
    expect(activeFilters({ q: 'x', status: '', page: 2, pageSize: 50 }, defaults)).toEqual({ q: 'x' });
  });
});
