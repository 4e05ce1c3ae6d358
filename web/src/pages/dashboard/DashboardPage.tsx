// Home: the figures of the working unit from GET /api/dashboard, rendered generically by key,
// and its series as a bar chart (ECharts, loaded only when there is something to draw).
import { lazy, Suspense } from 'react';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Dashboard } from '../../api/types';
import { useWorkingUnit } from '../../app/working-unit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useAuth } from '../../app/auth';
import { ContributionBreakdown } from './ContributionBreakdown';

const SeriesChart = lazy(() => import('./SeriesChart'));

type Figure = Dashboard['figures'][number];
type Series = Dashboard['series'][number];

/** i18n keys cannot contain the server's dots; unknown keys fall back to the key itself. */
export const labelKey = (group: 'figures' | 'series', key: string) => `dashboard.${group}.${key.replace(/\./g, '_')}`;

function FigureCard({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = t(labelKey('figures', figure.key), { defaultValue: figure.key });
  return (
    <Card className="figure-card" size="small">
      <Statistic
        title={<h2 style={{ fontSize: 14, margin: 0, fontWeight: 500 }}>{title}</h2>}
        valueRender={() => (figure.kind === 'rials' ? <Money rials={figure.value} /> : <span>{f.count(figure.value)}</span>)}
      />
    </Card>
  );
}

function SeriesCard({ series }: { series: Series }) {
  const { t } = useTranslation();
  const title = t(labelKey('series', series.key), { defaultValue: series.key });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      <Suspense fallback={<Skeleton active />}>
        <SeriesChart series={series} title={title} />
      </Suspense>
    </Card>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { unit } = useWorkingUnit();
  const { can } = useAuth();
  const { data, error, loading, reload } = useAsync(
    (signal) => unwrap(api.GET('/api/dashboard', { params: { query: { unitId: unit.id } }, signal })),
    [unit.id],
  );
  const drawable = data?.series.filter((series) => series.points.length > 0) ?? [];

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('dashboard.of', { unit: data?.unit.name ?? unit.name })}
      </Typography.Title>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {loading && !data ? <Skeleton active /> : null}
      {data && data.figures.length === 0 ? <Empty description={t('dashboard.noFigures')} /> : null}
      <Row gutter={[16, 16]} data-testid="dashboard-figures">
        {data?.figures.map((figure) => (
          <Col key={figure.key} xs={12} md={8} xl={6}>
            <FigureCard figure={figure} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {drawable.map((series) => (
          <Col key={series.key} xs={24} xl={drawable.length > 1 ? 12 : 24}>
            <SeriesCard series={series} />
          </Col>
        ))}
      </Row>
      {can('contributions.read') ? <ContributionBreakdown unitId={unit.id} /> : null}
    </>
  );
}
