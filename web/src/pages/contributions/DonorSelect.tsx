// Picks a registered donor by name, national code or mobile (GET /api/donors?q=); empty = anonymous.
// Without donors.read the field stays a labelled placeholder and the gift is anonymous.
import { useEffect, useRef, useState, type Ref } from 'react';
import { Input, Select, type RefSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { DonorSummary } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useFormat } from '../../lib/format';

interface DonorSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  ref?: Ref<RefSelectProps>;
}

const MIN_QUERY = 2; // the API's shortest search

export function DonorSelect({ id, value, onChange, ref }: DonorSelectProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useAuth();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<DonorSummary[]>([]);
  // the chosen donor stays labelled when a later search no longer lists them
  const [picked, setPicked] = useState<DonorSummary | null>(null);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (value === null || value === undefined) setQuery('');
  }, [value]);

  useEffect(() => {
    clearTimeout(timer.current);
    if (query.trim().length < MIN_QUERY) return;
    const controller = new AbortController();
    timer.current = setTimeout(() => {
      setLoading(true);
      unwrap(api.GET('/api/donors', { params: { query: { q: query.trim(), pageSize: 10 } }, signal: controller.signal }))
        .then((page) => setOptions(page.items))
        .catch(() => undefined)
        .finally(() => setLoading(false));
    }, 300);
    return () => {
      clearTimeout(timer.current);
      controller.abort();
    };
  }, [query]);

  if (!can('donors.read')) {
    return <Input id={id} disabled value={t('contributions.anonymous')} />;
  }
  const describe = (donor: DonorSummary) => donor.nationalCode ?? donor.legalId ?? donor.mobile;
  return (
    <Select<string | null>
      id={id}
      ref={ref}
      value={value ?? null}
      onChange={(next) => {
        setPicked(options.find((donor) => donor.id === next) ?? null);
        onChange?.(next ?? null);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={loading}
      placeholder={`${t('contributions.anonymous')} — ${t('contributions.donorSearch')}`}
      notFoundContent={query.trim().length >= MIN_QUERY && !loading ? t('common.noData') : null}
      options={[...(picked && value === picked.id && !options.some((d) => d.id === picked.id) ? [picked] : []), ...options].map((donor) => ({
        value: donor.id,
        label: describe(donor) ? `${donor.displayName} (${f.digits(describe(donor) ?? '')})` : donor.displayName,
      }))}
    />
  );
}
