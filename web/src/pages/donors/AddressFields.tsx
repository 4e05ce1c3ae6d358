// The address part of the donor form: province → county → city or village from Iran's divisions
// (GET /api/geo), each list loaded when its parent is chosen; a county's places are its cities and
// its first villages, and typing searches all of the county's places on the server.
import { useEffect, useMemo, useState } from 'react';
import { Form, Input, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { searchKey } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { GeoDivision } from './types';

type GeoRef = { id: number; name: string; level: string };

const cache = new Map<string, Promise<GeoDivision[]>>();

function geo(query: { level?: GeoDivision['level']; parentId?: number; countyId?: number; q?: string; pageSize: number }): Promise<GeoDivision[]> {
  const key = JSON.stringify(query);
  let answer = cache.get(key);
  if (!answer) {
    answer = unwrap(api.GET('/api/geo', { params: { query } })).then((page) => page.items);
    answer.catch(() => cache.delete(key));
    if (!query.q) cache.set(key, answer);
  }
  return answer;
}

const isPlace = (d: { level: string }) => d.level === 'city' || d.level === 'village';

function useGeo(load: (() => Promise<GeoDivision[]>) | null, deps: unknown[]): { items: GeoDivision[]; loading: boolean } {
  const [state, setState] = useState<{ items: GeoDivision[]; loading: boolean }>({ items: [], loading: false });
  useEffect(() => {
    if (!load) {
      setState({ items: [], loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load()
      .then((items) => live && setState({ items, loading: false }))
      .catch(() => live && setState({ items: [], loading: false }));
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

interface Props {
  form: FormInstance;
  /** The saved place, so its name shows even when it is not among the first villages listed. */
  savedPlace?: GeoRef | null;
  disabled?: boolean;
}

export function AddressFields({ form, savedPlace, disabled }: Props) {
  const { t } = useTranslation();
  const provinceId = Form.useWatch(['address', 'provinceId'], form) as number | null | undefined;
  const countyId = Form.useWatch(['address', 'countyId'], form) as number | null | undefined;
  const [placeQuery, setPlaceQuery] = useState('');

  const provinces = useGeo(() => geo({ level: 'province', pageSize: 100 }), []);
  const counties = useGeo(provinceId ? () => geo({ level: 'county', parentId: provinceId, pageSize: 200 }) : null, [provinceId]);
  const places = useGeo(
    countyId
      ? async () => {
          const [cities, villages] = await Promise.all([geo({ level: 'city', countyId, pageSize: 200 }), geo({ level: 'village', countyId, pageSize: 200 })]);
          return [...cities, ...villages];
        }
      : null,
    [countyId],
  );
  const [searched, setSearched] = useState<GeoDivision[] | null>(null);
  useEffect(() => {
    if (!countyId || placeQuery.trim().length < 2) {
      setSearched(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      geo({ countyId, q: placeQuery.trim(), pageSize: 50 })
        .then((items) => live && setSearched(items.filter(isPlace)))
        .catch(() => live && setSearched([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [countyId, placeQuery]);

  const placeOptions = useMemo(() => {
    const list: GeoRef[] = [...(searched ?? places.items)];
    if (savedPlace && isPlace(savedPlace) && !list.some((p) => p.id === savedPlace.id)) list.unshift(savedPlace);
    const group = (level: string, label: string) => {
      const options = list.filter((p) => p.level === level).map((p) => ({ value: p.id, label: p.name }));
      return options.length ? [{ label, title: label, options }] : [];
    };
    return [...group('city', t('donors.address.cities')), ...group('village', t('donors.address.villages'))];
  }, [searched, places.items, savedPlace, t]);

  const byName = (input: string, option?: { label?: unknown }) => searchKey(String(option?.label ?? '')).includes(searchKey(input));
  return (
    <>
      <Form.Item name={['address', 'provinceId']} label={t('donors.address.province')}>
        <Select
          allowClear
          disabled={disabled}
          loading={provinces.loading}
          placeholder={t('donors.address.pickProvince')}
          showSearch={{ filterOption: byName }}
          options={provinces.items.map((p) => ({ value: p.id, label: p.name }))}
          onChange={() => form.setFieldValue('address', { ...form.getFieldValue('address'), countyId: null, placeId: null })}
        />
      </Form.Item>
      <Form.Item name={['address', 'countyId']} label={t('donors.address.county')}>
        <Select
          allowClear
          disabled={disabled || !provinceId}
          loading={counties.loading}
          placeholder={provinceId ? undefined : t('donors.address.pickCounty')}
          showSearch={{ filterOption: byName }}
          options={counties.items.map((c) => ({ value: c.id, label: c.name }))}
          onChange={() => form.setFieldValue(['address', 'placeId'], null)}
        />
      </Form.Item>
      <Form.Item name={['address', 'placeId']} label={t('donors.address.place')}>
        <Select
          allowClear
          disabled={disabled || !countyId}
          loading={places.loading}
          placeholder={countyId ? t('donors.address.searchPlace') : t('donors.address.pickPlace')}
          showSearch={{ filterOption: searched ? false : byName, onSearch: setPlaceQuery }}
          options={placeOptions}
          onBlur={() => setPlaceQuery('')}
        />
      </Form.Item>
      <Form.Item name={['address', 'postalCode']} label={t('donors.address.postalCode')}>
        <Input dir="ltr" inputMode="numeric" maxLength={20} disabled={disabled} />
      </Form.Item>
      <Form.Item name={['address', 'line']} label={t('donors.address.line')} className="span-2">
        <Input.TextArea rows={2} maxLength={300} disabled={disabled} />
      </Form.Item>
    </>
  );
}
