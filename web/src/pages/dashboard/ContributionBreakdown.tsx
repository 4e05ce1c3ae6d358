// This fiscal year's contributions of the working unit's subtree by purpose and by channel
// (GET /api/reports/contributions), drawn with the dashboard's lazily loaded bar chart.
import { lazy, Suspense } from 'react';
import { Card, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCatalogues } from '../../lib/catalogues';
import { useAsync } from '../../lib/use-async';

const SeriesChart = lazy(() => import('./SeriesChart'));

export function ContributionBreakdown({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const labels = useCatalogues();
  const { data } = useAsync((signal) => unwrap(api.GET('/api/reports/contributions', { params: { query: { unitId } }, signal })), [unitId]);
  if (!data || BigInt(data.totalRials) === 0n) return null;
  const charts = [
    { key: 'contributions.byPurpose', title: t('dashboard.byPurpose'), points: data.byPurpose.map((row) => ({ label: labels.purpose(row.key), value: row.totalRials })) },
    { key: 'contributions.byChannel', title: t('dashboard.byChannel'), points: data.byChannel.map((row) => ({ label: t(`channels.${row.key}`, { defaultValue: row.key }), value: row.totalRials })) },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="contribution-breakdown">
      {charts.map((chart) => (
        <Col key={chart.key} xs={24} xl={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{chart.title}</h2>}>
            <Suspense fallback={<Skeleton active />}>
              <SeriesChart series={{ key: chart.key, points: chart.points }} title={chart.title} />
            </Suspense>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
