// Spending requests: a server-paged list with its filters in the URL, and three views — all in
// scope, "awaiting me" (the caller's inbox: requests they may order, approve, reject or pay) and
// "mine" (requests they made). With spending.request, a button to a new request.
import { useState } from 'react';
import { Badge, Button, Form, Input, Select, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { JalaliRangePicker } from '../../components/JalaliRangePicker';
import { ServerTable } from '../../components/ServerTable';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import { useCatalogues } from './catalogues';
import { spendingColumns, spendingExportColumns } from './spending-columns';
import { AUTHORITIES, SPENDING_STATUSES, type SpendingQuery, type SpendingRequest, type SpendingStatus } from './types';
import { GovPage } from './GovPage';

const DEFAULTS = { view: 'all', resolutionId: '', unitId: '', status: '', fundKind: '', purposeCode: '', authority: '', from: '', to: '', q: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };
const FILTER_KEYS = ['resolutionId', 'unitId', 'status', 'fundKind', 'purposeCode', 'authority', 'from', 'to', 'q'] as const;
const ACTING = ['spending.approve', 'spending.confirm', 'spending.pay', 'spending.order'];

function toQuery(filters: typeof DEFAULTS): SpendingQuery {
  const query: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (filters[key]) query[key] = filters[key];
  if (filters.status) query.status = filters.status.split(',').filter((s): s is SpendingStatus => (SPENDING_STATUSES as readonly string[]).includes(s));
  if (filters.view === 'awaiting') query.awaitingMe = 'true';
  if (filters.view === 'mine') query.mine = 'true';
  return query as SpendingQuery;
}

export default function SpendingListPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { can } = useAuth();
  const catalogues = useCatalogues();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const [draftQ, setDraftQ] = useState(filters.q);
  const acts = ACTING.some(can);

  const query = toQuery(filters);
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/spending-requests', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize],
  );
  const inbox = useAsync(
    async (signal) => (acts ? unwrap(api.GET('/api/spending-requests', { params: { query: { awaitingMe: 'true', page: 1, pageSize: 10 } }, signal })) : undefined),
    [acts, list.data],
  );
  const waiting = inbox.data?.total ?? 0;

  const tabs = [
    { key: 'all', label: t('spending.list.all') },
    ...(acts
      ? [{ key: 'awaiting', label: <span data-testid="awaiting-tab">{t('spending.list.awaiting')} <Badge count={waiting ? f.digits(waiting) : 0} color="#a8071a" /></span> }]
      : []),
    ...(can('spending.request') ? [{ key: 'mine', label: t('spending.list.mine') }] : []),
  ];

  return (
    <GovPage>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('spending.list.title')}
      </Typography.Title>
      <Tabs activeKey={filters.view} onChange={(view) => setFilters({ view })} items={tabs} />
      <FilterBar
        activeCount={FILTER_KEYS.filter((key) => filters[key]).length}
        onReset={() => {
          setDraftQ('');
          setFilters({ resolutionId: '', unitId: '', status: '', fundKind: '', purposeCode: '', authority: '', from: '', to: '', q: '' });
        }}
        actions={
          <>
            <ExportButton<SpendingRequest>
              fileName="spending-requests"
              sheetName={t('spending.list.title')}
              columns={spendingExportColumns(t, f, catalogues.purposeLabel)}
              fetchPage={(page, pageSize) => unwrap(api.GET('/api/spending-requests', { params: { query: { ...query, page, pageSize } } }))}
            />
            {can('spending.request') ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate('/spending/new')}>
                {t('spending.list.new')}
              </Button>
            ) : null}
          </>
        }
      >
        <Form.Item label={t('spending.list.q')} htmlFor="spending-q">
          <Input.Search id="spending-q" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} onSearch={(value) => setFilters({ q: value.trim() })} allowClear style={{ width: 220 }} enterButton={t('common.search')} />
        </Form.Item>
        <Form.Item label={t('spending.fields.unit')} htmlFor="spending-unit">
          <UnitPicker id="spending-unit" value={filters.unitId || null} onChange={(unitId) => setFilters({ unitId: unitId ?? '' })} allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('spending.fields.status')} htmlFor="spending-status">
          <Select
            id="spending-status"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            value={filters.status ? filters.status.split(',') : []}
            onChange={(values: string[]) => setFilters({ status: values.join(',') })}
            placeholder={t('common.all')}
            style={{ width: 220 }}
            options={SPENDING_STATUSES.map((status) => ({ value: status, label: t(`spending.status.${status}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('spending.fields.fundKind')} htmlFor="spending-fund-kind">
          <Select
            id="spending-fund-kind"
            value={filters.fundKind}
            onChange={(fundKind: string) => setFilters({ fundKind })}
            style={{ width: 120 }}
            options={[{ value: '', label: t('common.all') }, { value: 'general', label: t('spending.fundKind.general') }, { value: 'specific', label: t('spending.fundKind.specific') }]}
          />
        </Form.Item>
        <Form.Item label={t('spending.fields.purpose')} htmlFor="spending-purpose">
          <Select id="spending-purpose" value={filters.purposeCode} onChange={(purposeCode: string) => setFilters({ purposeCode })} style={{ width: 180 }} showSearch={{ optionFilterProp: 'label' }} options={[{ value: '', label: t('common.all') }, ...catalogues.purposeOptions]} />
        </Form.Item>
        <Form.Item label={t('spending.fields.authority')} htmlFor="spending-authority">
          <Select
            id="spending-authority"
            value={filters.authority}
            onChange={(authority: string) => setFilters({ authority })}
            style={{ width: 140 }}
            options={[{ value: '', label: t('common.all') }, ...AUTHORITIES.map((a) => ({ value: a, label: t(`spending.authority.${a}`) }))]}
          />
        </Form.Item>
        <Form.Item label={t('spending.list.created')} htmlFor="spending-range">
          <JalaliRangePicker id="spending-range" from={filters.from} to={filters.to} onChange={(from, to) => setFilters({ from, to })} />
        </Form.Item>
      </FilterBar>
      <ServerTable<SpendingRequest>
        rowKey="id"
        columns={spendingColumns(t, f, catalogues.purposeLabel)}
        data={list.data}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
      />
    </GovPage>
  );
}
