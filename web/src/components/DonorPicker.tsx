// Picks a registered donor by typing (GET /api/donors?q=): a name fragment of three letters or more
// (Persian-normalised by the server, so «علي» finds «علی»), or a whole national code, legal id or
// mobile in any form. The value is the donor's id; options show the name, the masked code and the
// registering unit. Works inside antd Form.Item (value / onChange / id). A value set from outside
// (an edit form) is labelled by fetching that donor once.
import { useEffect, useRef, useState, type CSSProperties, type Ref } from 'react';
import { Select, type RefSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { searchKey, toLatinDigits } from '@mosharekat/fa';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { DonorSummary } from '../api/types';
import { useFormat } from '../lib/format';

/** Whether the server will search this text: a whole number (10+ digits) or three letters of a name. */
export function isSearchableDonorQuery(text: string): boolean {
  const compact = toLatinDigits(text).replace(/[\s\-()]/g, '');
  if (!compact) return false;
  if (/^\+?\d+$/.test(compact)) return compact.replace(/^\+/, '').length >= 10;
  return searchKey(text).length >= 3;
}

/** The label of a donor anywhere a donor is chosen: name and masked code. */
export interface PickedDonor {
  id: string;
  displayName: string;
  type?: 'natural' | 'legal';
  code?: string | null;
}

export interface DonorPickerProps {
  value?: string | null;
  onChange?: (id: string | null, donor?: PickedDonor) => void;
  /** Only natural or only legal persons (e.g. a company's representative is a natural person). */
  type?: 'natural' | 'legal';
  /** Donors that may not be chosen (the record being edited). */
  excludeIds?: string[];
  id?: string;
  ref?: Ref<RefSelectProps>;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  className?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
}

const DEBOUNCE_MS = 300;

function toPicked(donor: DonorSummary): PickedDonor {
  return { id: donor.id, displayName: donor.displayName, type: donor.type, code: donor.nationalCode ?? donor.legalId ?? donor.mobile };
}

export function DonorPicker({ value, onChange, type, excludeIds, placeholder, ...rest }: DonorPickerProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DonorSummary[]>([]);
  const [known, setKnown] = useState<Map<string, PickedDonor>>(new Map());
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const remember = (donors: PickedDonor[]) =>
    setKnown((current) => {
      const next = new Map(current);
      for (const donor of donors) next.set(donor.id, donor);
      return next;
    });

  useEffect(() => {
    clearTimeout(timer.current);
    if (!isSearchableDonorQuery(query)) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    timer.current = setTimeout(() => {
      setLoading(true);
      unwrap(api.GET('/api/donors', { params: { query: { q: query.trim(), pageSize: 20, ...(type ? { type } : {}) } }, signal: controller.signal }))
        .then((page) => {
          setFound(page.items);
          remember(page.items.map(toPicked));
        })
        .catch(() => setFound([]))
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer.current);
      controller.abort();
    };
  }, [query, type]);

  // A value that came from outside (saved relation, URL) gets its name from the donor's record.
  useEffect(() => {
    if (!value || known.has(value)) return;
    const controller = new AbortController();
    unwrap(api.GET('/api/donors/{id}', { params: { path: { id: value } }, signal: controller.signal }))
      .then((donor) => remember([{ id: donor.id, displayName: donor.displayName, type: donor.type, code: donor.nationalCode ?? donor.legalId ?? donor.mobiles[0] ?? null }]))
      .catch(() => undefined);
    return () => controller.abort();
  }, [value, known]);

  const label = (donor: PickedDonor) => (donor.code ? `${donor.displayName} (${f.digits(donor.code)})` : donor.displayName);
  const chosen = value ? known.get(value) : undefined;
  const options = found
    .filter((donor) => !excludeIds?.includes(donor.id))
    .map((donor) => ({
      value: donor.id,
      label: label(toPicked(donor)),
      title: label(toPicked(donor)),
      unit: donor.unit.name,
    }));
  if (chosen && !options.some((option) => option.value === chosen.id)) options.unshift({ value: chosen.id, label: label(chosen), title: label(chosen), unit: '' });
  if (value && !chosen) options.unshift({ value, label: '…', title: '', unit: '' });

  const searchable = isSearchableDonorQuery(query);
  return (
    <Select<string | null>
      {...rest}
      value={value ?? null}
      placeholder={placeholder ?? t('donors.picker.placeholder')}
      allowClear={rest.allowClear ?? true}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={loading}
      options={options}
      optionRender={(option) => (
        <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.4 }}>
          <span>{option.data.label}</span>
          {option.data.unit ? <small style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{option.data.unit}</small> : null}
        </div>
      )}
      notFoundContent={loading ? null : searchable ? t('donors.picker.none') : t('donors.picker.hint')}
      onChange={(next) => onChange?.(next ?? null, next ? known.get(next) : undefined)}
      popupMatchSelectWidth={false}
    />
  );
}
