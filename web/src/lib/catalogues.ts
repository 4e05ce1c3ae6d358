// Purposes (intents) and target groups change rarely: load them once per session and label them in
// the page's language.
import { useMemo } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { CatalogueEntry, Catalogues } from '../api/types';
import { useAsync } from './use-async';
import { useFormat } from './format';

let loaded: Promise<Catalogues> | null = null;

export function loadCatalogues(): Promise<Catalogues> {
  if (!loaded) {
    loaded = unwrap(api.GET('/api/catalogues'));
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}

export interface CatalogueLabels {
  purposes: CatalogueEntry[];
  targetGroups: CatalogueEntry[];
  purpose: (code: string | null | undefined) => string;
  targetGroup: (code: string | null | undefined) => string;
  loading: boolean;
  error: unknown;
}

export function useCatalogues(): CatalogueLabels {
  const f = useFormat();
  const { data, loading, error } = useAsync(() => loadCatalogues(), []);
  return useMemo(() => {
    const label = (entry: CatalogueEntry | undefined, code: string) => (entry ? (f.lang === 'fa' ? entry.labelFa : entry.labelEn) : code);
    const purposes = data?.purposes ?? [];
    const targetGroups = data?.targetGroups ?? [];
    return {
      purposes,
      targetGroups,
      purpose: (code) => (code ? label(purposes.find((p) => p.code === code), code) : ''),
      targetGroup: (code) => (code ? label(targetGroups.find((g) => g.code === code), code) : ''),
      loading,
      error,
    };
  }, [data, loading, error, f.lang]);
}
