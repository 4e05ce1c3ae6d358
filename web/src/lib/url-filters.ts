// List filters live in the URL query string so that reload, back/forward and shared links keep them.
// Pure helpers here; the React hook in use-url-filters.ts wraps them around useSearchParams.

export type FilterValues = Record<string, string | number>;

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** Values of `defaults`' keys from the query string; anything missing or malformed falls back to its default. */
export function readFilters<T extends FilterValues>(params: URLSearchParams, defaults: T): T {
  const out: FilterValues = { ...defaults };
  for (const [key, fallback] of Object.entries(defaults)) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    if (typeof fallback === 'number') {
      const n = Number.parseInt(toAsciiDigits(raw), 10);
      out[key] = Number.isSafeInteger(n) && n > 0 ? n : fallback;
    } else {
      out[key] = raw;
    }
  }
  if ('pageSize' in out && !PAGE_SIZES.includes(out.pageSize as (typeof PAGE_SIZES)[number])) {
    out.pageSize = defaults.pageSize ?? DEFAULT_PAGE_SIZE;
  }
  return out as T;
}

/**
 * The next query string after applying `patch`: default or empty values are dropped so URLs stay short,
 * keys this list does not own are kept, and any change other than paging returns to page 1.
 */
export function writeFilters<T extends FilterValues>(
  current: URLSearchParams,
  patch: Partial<T>,
  defaults: T,
): URLSearchParams {
  const next = new URLSearchParams(current);
  let filterChanged = false;
  for (const [key, value] of Object.entries(patch)) {
    const before = current.get(key) ?? '';
    const isDefault = value === undefined || value === null || value === '' || value === defaults[key];
    if (isDefault) next.delete(key);
    else next.set(key, String(value));
    const after = next.get(key) ?? '';
    if (before !== after && key !== 'page' && key !== 'pageSize') filterChanged = true;
  }
  if (patch.pageSize !== undefined && String(patch.pageSize) !== (current.get('pageSize') ?? '')) filterChanged = true;
  if (filterChanged && patch.page === undefined) next.delete('page');
  return next;
}

/** Only the non-default filters, ready to pass as API query parameters (paging excluded). */
export function activeFilters<T extends FilterValues>(values: T, defaults: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T & string)[]) {
    if (key === 'page' || key === 'pageSize') continue;
    const value = values[key];
    if (value !== '' && value !== defaults[key]) out[key] = value;
  }
  return out;
}

function toAsciiDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}
