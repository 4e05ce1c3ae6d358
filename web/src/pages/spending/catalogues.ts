// Purposes and target groups (GET /api/catalogues) change rarely: one request per session, labels in the user's language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAsync } from '../../lib/use-async';
import type { CatalogueEntry, Catalogues } from './types';

let cached: Promise<Catalogues> | null = null;

export function loadCatalogues(): Promise<Catalogues> {
  if (!cached) {
    cached = unwrap(api.GET('/api/catalogues'));
    cached.catch(() => (cached = null));
  }
  return cached;
}

export function useCatalogues() {
  const { i18n } = useTranslation();
  const state = useAsync(() => loadCatalogues(), []);
  const en = i18n.language === 'en';
  const labelOf = useCallback((entry: CatalogueEntry) => (en ? entry.labelEn : entry.labelFa), [en]);
  const purposeLabel = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '—';
      const entry = state.data?.purposes.find((p) => p.code === code);
      return entry ? labelOf(entry) : code;
    },
    [state.data, labelOf],
  );
  const targetGroupLabel = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '—';
      const entry = state.data?.targetGroups.find((g) => g.code === code);
      return entry ? labelOf(entry) : code;
    },
    [state.data, labelOf],
  );
  const purposeOptions = (state.data?.purposes ?? []).map((p) => ({ value: p.code, label: labelOf(p) }));
  const targetGroupOptions = (state.data?.targetGroups ?? []).map((g) => ({ value: g.code, label: labelOf(g) }));
  return { data: state.data, error: state.error, purposeLabel, targetGroupLabel, purposeOptions, targetGroupOptions };
}
