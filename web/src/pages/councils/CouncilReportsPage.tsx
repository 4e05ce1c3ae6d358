// Six-monthly council reports: for a half-year (default: the last one ended) every county and
// provincial council in scope with the state of its report. Missing reports are highlighted for the
// level above; a council's secretary opens its report from here.
import { App, Button, Form, InputNumber, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { toJalali, toLatinDigits } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { FilterBar } from '../../components/FilterBar';
import { ServerTable } from '../../components/ServerTable';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import type { CouncilReportRow } from './types';
import { GovPage } from '../spending/GovPage';

const DEFAULTS = { fiscalYear: 0, half: 0, unitId: '', level: '', missing: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };
export const REPORT_COLORS: Record<string, string> = { missing: '#a8071a', draft: '#874d00', submitted: '#0958d9', acknowledged: '#0a6b4d' };

export function ReportStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={REPORT_COLORS[status] ?? '#595959'}>{t(`councilReports.status.${status}`)}</Tag>;
}

export default function CouncilReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const { can } = useAuth();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const query = {
    ...(filters.fiscalYear ? { fiscalYear: filters.fiscalYear } : {}),
    ...(filters.half ? { half: filters.half } : {}),
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.level ? { level: filters.level as 'provincial' | 'county' } : {}),
    ...(filters.missing ? { missing: 'true' } : {}),
  };
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/council-reports', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize],
  );
  const period = list.data?.period;
  const thisYear = toJalali(new Date()).jy;

  async function open(row: CouncilReportRow) {
    if (!period) return;
    try {
      const report = await unwrap(api.POST('/api/councils/{id}/reports', { params: { path: { id: row.council.id } }, body: { fiscalYear: period.fiscalYear, half: period.half === 1 ? 1 : 2 } }));
      void message.success(t('councilReports.opened'));
      void navigate(`/council-reports/${report.id}`);
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<CouncilReportRow> = [
    { key: 'council', title: t('councilReports.council'), render: (_, r) => <Link to={`/councils/${r.council.id}`}>{r.council.name}</Link> },
    { key: 'unit', title: t('councils.unit'), render: (_, r) => r.council.unit.name },
    { key: 'level', title: t('councils.level'), render: (_, r) => t(`councils.levels.${r.council.level}`) },
    { key: 'status', title: t('councilReports.statusTitle'), render: (_, r) => <ReportStatusTag status={r.status} /> },
    { key: 'submittedAt', title: t('councilReports.submittedAt'), render: (_, r) => f.date(r.submittedAt) },
    { key: 'acknowledgedAt', title: t('councilReports.acknowledgedAt'), render: (_, r) => f.date(r.acknowledgedAt) },
    {
      key: 'open',
      title: t('common.actions'),
      render: (_, r) =>
        r.reportId ? (
          <Link to={`/council-reports/${r.reportId}`} data-testid="report-link">{t('councilReports.view')}</Link>
        ) : can('reports.council') ? (
          <Button size="small" onClick={() => void open(r)} data-testid="report-open">
            {t('councilReports.open')}
          </Button>
        ) : null,
    },
  ];

  return (
    <GovPage>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('councilReports.title')}
      </Typography.Title>
      {period ? (
        <Typography.Paragraph type="secondary" data-testid="report-period">
          {t('councilReports.periodText', { year: f.digits(period.fiscalYear), half: t(`councilReports.halves.${period.half}`), from: f.digits(period.fromOn), to: f.digits(period.toOn) })}{' '}
          {period.ended ? null : <Tag color="#874d00">{t('councilReports.notEnded')}</Tag>}
        </Typography.Paragraph>
      ) : null}
      <FilterBar activeCount={['fiscalYear', 'half', 'unitId', 'level', 'missing'].filter((key) => filters[key as keyof typeof filters]).length} onReset={() => setFilters({ fiscalYear: 0, half: 0, unitId: '', level: '', missing: '' })}>
        <Form.Item label={t('councilReports.fiscalYear')} htmlFor="reports-year">
          <InputNumber id="reports-year" min={1390} max={thisYear} value={filters.fiscalYear || period?.fiscalYear} onChange={(year) => setFilters({ fiscalYear: year ?? 0 })} formatter={(v) => f.digits(v ?? '')} parser={(v) => Number(toLatinDigits(v ?? '')) || 0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label={t('councilReports.half')} htmlFor="reports-half">
          <Select id="reports-half" value={filters.half || period?.half || 0} onChange={(half: number) => setFilters({ half })} style={{ width: 150 }} options={[1, 2].map((h) => ({ value: h, label: t(`councilReports.halves.${h}`) }))} />
        </Form.Item>
        <Form.Item label={t('councils.unit')} htmlFor="reports-unit">
          <UnitPicker id="reports-unit" value={filters.unitId || null} onChange={(unitId) => setFilters({ unitId: unitId ?? '' })} allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('councils.level')} htmlFor="reports-level">
          <Select id="reports-level" value={filters.level} onChange={(level: string) => setFilters({ level })} style={{ width: 140 }} options={[{ value: '', label: t('common.all') }, { value: 'provincial', label: t('councils.levels.provincial') }, { value: 'county', label: t('councils.levels.county') }]} />
        </Form.Item>
        <Form.Item label={t('councilReports.show')} htmlFor="reports-missing">
          <Select id="reports-missing" value={filters.missing} onChange={(missing: string) => setFilters({ missing })} style={{ width: 170 }} options={[{ value: '', label: t('common.all') }, { value: 'true', label: t('councilReports.onlyMissing') }]} />
        </Form.Item>
      </FilterBar>
      <ServerTable<CouncilReportRow>
        rowKey={(r) => r.council.id}
        columns={columns}
        rowClassName={(r) => (r.status === 'missing' && period?.ended ? 'row-missing' : '')}
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
