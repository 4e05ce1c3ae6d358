import type { Paged } from '../api/types';

/** Reads a filtered list page by page until `limit` rows or the end, for exports. */
export async function collectRows<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>,
  limit: number,
  pageSize: number,
  onProgress?: (count: number) => void,
): Promise<{ rows: T[]; total: number }> {
  const rows: T[] = [];
  let total = 0;
  for (let page = 1; rows.length < limit; page += 1) {
    const answer = await fetchPage(page, pageSize);
    total = answer.total;
    rows.push(...answer.items);
    onProgress?.(Math.min(rows.length, limit));
    if (answer.items.length < pageSize || rows.length >= total) break;
  }
  return { rows: rows.slice(0, limit), total };
}
