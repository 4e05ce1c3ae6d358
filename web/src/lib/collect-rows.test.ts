import { describe, expect, it } from 'vitest';
import { collectRows } from './collect-rows';

function fakeList(total: number) {
  const asked: number[] = [];
  const fetchPage = async (page: number, pageSize: number) => {
    asked.push(page);
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i);
    return { items, total, page, pageSize };
  };
  return { fetchPage, asked };
}

describe('collectRows', () => {
  it('should read every page when the list is shorter than the limit', async () => {
    const list = fakeList(250);
    const { rows, total } = await collectRows(list.fetchPage, 10_000, 100);
    expect(rows).toHaveLength(250);
    expect(total).toBe(250);
    expect(list.asked).toEqual([1, 2, 3]);
  });

  it('should stop at the limit when the list is longer', async () => {
    const list = fakeList(50_000);
    const { rows, total } = await collectRows(list.fetchPage, 1_000, 100);
    expect(rows).toHaveLength(1_000);
    expect(rows.at(-1)).toBe(999);
    expect(total).toBe(50_000);
    expect(list.asked).toHaveLength(10);
  });

  it('should ask once when the list is empty', async () => {
    const list = fakeList(0);
    expect((await collectRows(list.fetchPage, 100, 100)).rows).toEqual([]);
    expect(list.asked).toEqual([1]);
  });
});
