// The audit log: who did what, where and when, filtered by unit, actor, action and a Jalali date
// range (all in the URL), with a button that verifies the hash chain (audit.verify).
import { useState } from 'react';
import { Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AuditEntry, AuditQuery } from '../../api/types';
import { useAuth } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { JalaliRangePicker } from '../../components/JalaliRangePicker';
import { ServerTable } from '../../components/ServerTable';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { instantRange } from '../../lib/jalali-range';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import { ActorSelect } from './ActorSelect';
import { AuditDetails, auditColumns, auditExportColumns } from './audit-columns';
import { VerifyChainButton, VerifyResult } from './VerifyChain';

const DEFAULTS = { unitId: '', actorId: '', actorName: '', action: '', from: '', to: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };

function toQuery(filters: typeof DEFAULTS): AuditQuery {
  const query: Record<string, string> = {};
  if (filters.unitId) query.unitId = filters.unitId;
  if (filters.actorId) query.actorId = filters.actorId;
  if (filters.action) query.action = filters.action;
  return { ...query, ...instantRange(filters.from, filters.to) } as AuditQuery;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const [verification, setVerification] = useState<unknown>(undefined);

  const query = toQuery(filters);
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/audit', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize],
  );
  const actions = useAsync((signal) => unwrap(api.GET('/api/audit/actions', { signal })), []);

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('audit.title')}
      </Typography.Title>
      <FilterBar
        activeCount={['unitId', 'actorId', 'action', 'from', 'to'].filter((key) => filters[key as keyof typeof filters]).length}
        onReset={() => setFilters({ unitId: '', actorId: '', actorName: '', action: '', from: '', to: '' })}
        actions={
          <>
            <ExportButton<AuditEntry>
              fileName="audit-log"
              sheetName={t('audit.title')}
              columns={auditExportColumns(t, f)}
              fetchPage={(page, pageSize) => unwrap(api.GET('/api/audit', { params: { query: { ...query, page, pageSize } } }))}
            />
            {can('audit.verify') ? <VerifyChainButton onResult={setVerification} /> : null}
          </>
        }
      >
        <Form.Item label={t('audit.unit')} htmlFor="audit-unit">
          <UnitPicker id="audit-unit" value={filters.unitId || null} onChange={(unitId) => setFilters({ unitId: unitId ?? '' })} allowClear style={{ width: 220 }} />
        </Form.Item>
        {can('users.read') ? (
          <Form.Item label={t('audit.actor')} htmlFor="audit-actor">
            <ActorSelect id="audit-actor" value={filters.actorId} label={filters.actorName} placeholder={t('audit.actorSearch')} onChange={(actorId, actorName) => setFilters({ actorId, actorName })} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('audit.action')} htmlFor="audit-action">
          <Select
            id="audit-action"
            value={filters.action}
            onChange={(action: string) => setFilters({ action })}
            style={{ width: 200 }}
            showSearch
            options={[{ value: '', label: t('common.all') }, ...(actions.data?.items ?? []).map((action) => ({ value: action, label: action }))]}
          />
        </Form.Item>
        <Form.Item label={t('audit.dateRange')} htmlFor="audit-range">
          <JalaliRangePicker id="audit-range" from={filters.from} to={filters.to} onChange={(from, to) => setFilters({ from, to })} />
        </Form.Item>
      </FilterBar>
      <VerifyResult result={verification} onClose={() => setVerification(undefined)} />
      <ServerTable<AuditEntry>
        rowKey="id"
        columns={auditColumns(t, f)}
        expandable={{ expandedRowRender: (entry) => <AuditDetails entry={entry} t={t} /> }}
        data={list.data}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
      />
    </>
  );
}
