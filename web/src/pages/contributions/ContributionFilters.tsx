// The filters of the contributions list, all kept in the URL: unit, Jalali range, channel, fund kind,
// purpose, amount range in toman, status and receipt number.
import { useEffect, useState } from 'react';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '@mosharekat/fa';
import { CHANNELS, FUND_KINDS, type ContributionQuery } from '../../api/types';
import { JalaliRangePicker } from '../../components/JalaliRangePicker';
import { TomanInput } from '../../components/TomanInput';
import { UnitPicker } from '../../components/UnitPicker';
import type { CatalogueLabels } from '../../lib/catalogues';
import { apiDay } from '../../lib/jalali-generate-config';
import { tomanToRials } from '../../lib/toman';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';

export const LIST_DEFAULTS = {
  unitId: '', from: '', to: '', channel: '', fundKind: '', purposeCode: '', minToman: '', maxToman: '', status: '', receiptNo: '',
  page: 1, pageSize: DEFAULT_PAGE_SIZE,
};
export type ListFilters = typeof LIST_DEFAULTS;
export const FILTER_KEYS = Object.keys(LIST_DEFAULTS).filter((key) => key !== 'page' && key !== 'pageSize') as (keyof ListFilters)[];

/** URL filters → the API's query (Jalali days with slashes, toman → rials, Latin digits). */
export function listQuery(filters: ListFilters): ContributionQuery {
  const query: ContributionQuery = {};
  if (filters.unitId) query.unitId = filters.unitId;
  if (filters.from) query.from = apiDay(filters.from);
  if (filters.to) query.to = apiDay(filters.to);
  if (filters.channel) query.channel = filters.channel as ContributionQuery['channel'];
  if (filters.fundKind) query.fundKind = filters.fundKind as ContributionQuery['fundKind'];
  if (filters.purposeCode) query.purposeCode = filters.purposeCode;
  const min = tomanToRials(filters.minToman);
  const max = tomanToRials(filters.maxToman);
  if (min) query.minRials = min;
  if (max) query.maxRials = max;
  if (filters.status) query.status = filters.status as ContributionQuery['status'];
  if (filters.receiptNo.trim()) query.receiptNo = toLatinDigits(filters.receiptNo.trim());
  return query;
}

interface Props {
  filters: ListFilters;
  setFilters: (patch: Partial<ListFilters>) => void;
  labels: CatalogueLabels;
}

export function ContributionFilterFields({ filters, setFilters, labels }: Props) {
  const { t } = useTranslation();
  const [minToman, setMin] = useState(filters.minToman);
  const [maxToman, setMax] = useState(filters.maxToman);
  const [receiptNo, setReceiptNo] = useState(filters.receiptNo);
  useEffect(() => {
    setMin(filters.minToman);
    setMax(filters.maxToman);
    setReceiptNo(filters.receiptNo);
  }, [filters.minToman, filters.maxToman, filters.receiptNo]);
  const all = { value: '', label: t('common.all') };
  const applyAmounts = () => setFilters({ minToman, maxToman });

  return (
    <>
      <Form.Item label={t('contributions.unit')} htmlFor="contributions-unit">
        <UnitPicker id="contributions-unit" value={filters.unitId || null} onChange={(unitId) => setFilters({ unitId: unitId ?? '' })} allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('contributions.dateRange')} htmlFor="contributions-range">
        <JalaliRangePicker id="contributions-range" from={filters.from} to={filters.to} onChange={(from, to) => setFilters({ from, to })} />
      </Form.Item>
      <Form.Item label={t('contributions.channel')} htmlFor="contributions-channel">
        <Select id="contributions-channel" value={filters.channel} onChange={(channel: string) => setFilters({ channel })} style={{ width: 150 }} options={[all, ...CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))]} />
      </Form.Item>
      <Form.Item label={t('contributions.fundKind')} htmlFor="contributions-kind">
        <Select id="contributions-kind" value={filters.fundKind} onChange={(fundKind: string) => setFilters({ fundKind })} style={{ width: 110 }} options={[all, ...FUND_KINDS.map((k) => ({ value: k, label: t(`fundKinds.${k}`) }))]} />
      </Form.Item>
      <Form.Item label={t('contributions.purpose')} htmlFor="contributions-purpose">
        <Select
          id="contributions-purpose"
          value={filters.purposeCode}
          onChange={(purposeCode: string) => setFilters({ purposeCode })}
          style={{ width: 200 }}
          popupMatchSelectWidth={false}
          options={[all, ...labels.purposes.map((p) => ({ value: p.code, label: labels.purpose(p.code) }))]}
        />
      </Form.Item>
      <Form.Item label={t('contributions.minToman')} htmlFor="contributions-min">
        <TomanInput id="contributions-min" value={minToman} onChange={setMin} onBlur={applyAmounts} onPressEnter={applyAmounts} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label={t('contributions.maxToman')} htmlFor="contributions-max">
        <TomanInput id="contributions-max" value={maxToman} onChange={setMax} onBlur={applyAmounts} onPressEnter={applyAmounts} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label={t('contributions.status')} htmlFor="contributions-status">
        <Select id="contributions-status" value={filters.status} onChange={(status: string) => setFilters({ status })} style={{ width: 130 }} options={[all, { value: 'posted', label: t('contributions.posted') }, { value: 'reversed', label: t('contributions.reversed') }]} />
      </Form.Item>
      <Form.Item label={t('contributions.receiptNo')} htmlFor="contributions-receipt">
        <Input.Search id="contributions-receipt" dir="ltr" value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} onSearch={(value) => setFilters({ receiptNo: value.trim() })} allowClear style={{ width: 200 }} enterButton={t('common.search')} />
      </Form.Item>
    </>
  );
}
