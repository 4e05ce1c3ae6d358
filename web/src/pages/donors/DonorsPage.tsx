// The donor registry: a server-paged list in the caller's units, filtered by one search box (a name
// fragment, or a whole national code, legal id or mobile), type, unit, category and tag — all kept
// in the URL — with the server's Excel export of exactly that filter.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { isSearchableDonorQuery } from '../../components/DonorPicker';
import { FilterBar } from '../../components/FilterBar';
import { ServerTable } from '../../components/ServerTable';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import { UnitPicker } from '../../components/UnitPicker';
import { useDonorCategories } from './donor-api';
import { donorColumns } from './donor-columns';
import { DonorExportButton } from './DonorExportButton';
import { DONOR_TYPES, type DonorListItem, type DonorListQuery } from './types';
import { KeyboardScroll } from './KeyboardScroll';
import './donors.css';

const DEFAULTS = { q: '', type: '', unitId: '', category: '', tag: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };
const FILTER_KEYS = ['q', 'type', 'unitId', 'category', 'tag'] as const;

function listQuery(filters: typeof DEFAULTS): Omit<DonorListQuery, 'page' | 'pageSize'> {
  const query: Omit<DonorListQuery, 'page' | 'pageSize'> = {};
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.type) query.type = filters.type as DonorListQuery['type'];
  if (filters.unitId) query.unitId = filters.unitId;
  if (filters.category) query.category = filters.category;
  if (filters.tag.trim()) query.tag = filters.tag.trim();
  return query;
}

export default function DonorsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useAuth();
  const navigate = useNavigate();
  const categories = useDonorCategories();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const [draftQ, setDraftQ] = useState(filters.q);
  const [draftTag, setDraftTag] = useState(filters.tag);
  const [qTooShort, setQTooShort] = useState(false);
  useEffect(() => {
    setDraftQ(filters.q);
    setDraftTag(filters.tag);
  }, [filters.q, filters.tag]);

  const query = listQuery(filters);
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/donors', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize],
  );

  function search(value: string) {
    const q = value.trim();
    if (q && !isSearchableDonorQuery(q)) {
      setQTooShort(true);
      return;
    }
    setQTooShort(false);
    setFilters({ q });
  }

  const all = { value: '', label: t('common.all') };
  return (
    <KeyboardScroll>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('donors.list.title')}
      </Typography.Title>
      <FilterBar
        activeCount={FILTER_KEYS.filter((key) => filters[key] !== DEFAULTS[key]).length}
        onReset={() => {
          setQTooShort(false);
          setFilters({ q: '', type: '', unitId: '', category: '', tag: '' });
        }}
        actions={
          <>
            <DonorExportButton query={query} canUnmask={can('donors.pii')} />
            {can('donors.manage') ? (
              <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => void navigate('/donors/new')} data-testid="donor-new">
                {t('donors.list.new')}
              </Button>
            ) : null}
          </>
        }
      >
        <Form.Item
          label={t('donors.list.q')}
          htmlFor="donors-q"
          validateStatus={qTooShort ? 'error' : undefined}
          help={qTooShort ? t('donors.list.qShort') : undefined}
        >
          <Input.Search
            id="donors-q"
            value={draftQ}
            placeholder={t('donors.list.qPlaceholder')}
            onChange={(e) => {
              setDraftQ(e.target.value);
              if (qTooShort) setQTooShort(false);
            }}
            onSearch={search}
            allowClear
            style={{ width: 280 }}
            enterButton={t('common.search')}
            data-testid="donors-q"
          />
        </Form.Item>
        <Form.Item label={t('donors.list.type')} htmlFor="donors-type">
          <Select id="donors-type" value={filters.type} onChange={(type: string) => setFilters({ type })} style={{ width: 120 }} options={[all, ...DONOR_TYPES.map((type) => ({ value: type, label: t(`donors.type.${type}`) }))]} />
        </Form.Item>
        <Form.Item label={t('donors.list.unit')} htmlFor="donors-unit">
          <UnitPicker id="donors-unit" value={filters.unitId || null} onChange={(unitId) => setFilters({ unitId: unitId ?? '' })} allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('donors.list.category')} htmlFor="donors-category">
          <Select id="donors-category" value={filters.category} onChange={(category: string) => setFilters({ category })} style={{ width: 190 }} popupMatchSelectWidth={false} options={[all, ...categories.options]} />
        </Form.Item>
        <Form.Item label={t('donors.list.tag')} htmlFor="donors-tag">
          <Input.Search id="donors-tag" value={draftTag} onChange={(e) => setDraftTag(e.target.value)} onSearch={(tag) => setFilters({ tag: tag.trim() })} allowClear style={{ width: 160 }} />
        </Form.Item>
      </FilterBar>
      {list.data?.totalCapped ? <Alert type="info" showIcon title={t('donors.list.capped', { n: f.count(list.data.total) })} style={{ marginBottom: 12 }} /> : null}
      <ServerTable<DonorListItem>
        className="donor-table"
        rowKey="id"
        columns={donorColumns(t, f, categories.label)}
        data={list.data}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
        data-testid="donors-table"
      />
    </KeyboardScroll>
  );
}
