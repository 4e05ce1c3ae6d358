// Participation councils in scope with their quarterly-meeting duty: overdue ones stand out.
// Filters (unit, level, overdue / reminders) live in the URL; councils.manage forms a new council.
import { useState } from 'react';
import { App, Button, Form, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { useWorkingUnit } from '../../app/working-unit';
import { FilterBar } from '../../components/FilterBar';
import { ServerTable } from '../../components/ServerTable';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import { CouncilDialog } from './CouncilDialog';
import { DueBadge, useDay } from './council-bits';
import type { Council, CouncilQuery } from './types';
import { GovPage } from '../spending/GovPage';

const DEFAULTS = { unitId: '', level: '', duty: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };
const LEVELS = ['central', 'provincial', 'county'] as const;

export default function CouncilsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { unit } = useWorkingUnit();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const [creating, setCreating] = useState(false);

  const query: CouncilQuery = {
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.level ? { level: filters.level as Council['level'] } : {}),
    ...(filters.duty === 'overdue' ? { overdue: 'true' } : filters.duty === 'reminders' ? { reminders: 'true' } : {}),
  };
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/councils', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize],
  );

  const columns: TableColumnsType<Council> = [
    { key: 'name', title: t('councils.name'), render: (_, c) => <Link to={`/councils/${c.id}`} data-testid="council-link">{c.name}</Link> },
    { key: 'duty', title: t('councils.duty'), render: (_, c) => <DueBadge council={c} /> },
    { key: 'unit', title: t('councils.unit'), render: (_, c) => c.unit.name },
    { key: 'level', title: t('councils.level'), render: (_, c) => t(`councils.levels.${c.level}`) },
    { key: 'members', title: t('councils.memberCount'), render: (_, c) => f.count(c.memberCount) },
    { key: 'last', title: t('councils.lastMeeting'), render: (_, c) => day(c.lastMeetingOn) },
    { key: 'due', title: t('councils.nextDue'), render: (_, c) => day(c.nextDueOn) },
    {
      key: 'next',
      title: t('councils.nextScheduled'),
      render: (_, c) => (c.nextScheduled ? <Link to={`/councils/meetings/${c.nextScheduled.id}`}>{day(c.nextScheduled.scheduledOn)}</Link> : '—'),
    },
  ];

  return (
    <GovPage>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('councils.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('councils.intro')}</Typography.Paragraph>
      <FilterBar
        activeCount={['unitId', 'level', 'duty'].filter((key) => filters[key as keyof typeof filters]).length}
        onReset={() => setFilters({ unitId: '', level: '', duty: '' })}
        actions={
          can('councils.manage') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="council-create">
              {t('councils.create')}
            </Button>
          ) : null
        }
      >
        <Form.Item label={t('councils.unit')} htmlFor="councils-unit">
          <UnitPicker id="councils-unit" value={filters.unitId || null} onChange={(unitId) => setFilters({ unitId: unitId ?? '' })} allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t('councils.level')} htmlFor="councils-level">
          <Select id="councils-level" value={filters.level} onChange={(level: string) => setFilters({ level })} style={{ width: 150 }} options={[{ value: '', label: t('common.all') }, ...LEVELS.map((l) => ({ value: l, label: t(`councils.levels.${l}`) }))]} />
        </Form.Item>
        <Form.Item label={t('councils.duty')} htmlFor="councils-duty">
          <Select
            id="councils-duty"
            value={filters.duty}
            onChange={(duty: string) => setFilters({ duty })}
            style={{ width: 200 }}
            options={[
              { value: '', label: t('common.all') },
              { value: 'overdue', label: t('councils.dutyFilter.overdue') },
              { value: 'reminders', label: t('councils.dutyFilter.reminders') },
            ]}
          />
        </Form.Item>
      </FilterBar>
      <ServerTable<Council>
        rowKey="id"
        columns={columns}
        rowClassName={(c) => (c.overdue ? 'row-missing' : '')}
        data={list.data}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
      />
      {can('councils.manage') ? (
      <CouncilDialog
        target={creating ? 'new' : null}
        defaultUnitId={unit.id}
        onClose={() => setCreating(false)}
        onDone={(council) => {
          setCreating(false);
          void message.success(t('councils.created', { name: council.name }));
          void navigate(`/councils/${council.id}`);
        }}
      />
      ) : null}
    </GovPage>
  );
}
