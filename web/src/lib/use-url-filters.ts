import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readFilters, writeFilters, type FilterValues } from './url-filters';

/** Filters of a list page, read from and written to the URL (each change is a history entry). */
export function useUrlFilters<T extends FilterValues>(defaults: T): [T, (patch: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  // defaults are module constants in every caller, so serialising them is a stable dependency
  const key = JSON.stringify(defaults);
  const values = useMemo(() => readFilters(params, defaults), [params, key]);
  const update = useCallback(
    (patch: Partial<T>) => setParams((current) => writeFilters(current, patch, defaults)),
    [setParams, key],
  );
  return [values, update];
}
