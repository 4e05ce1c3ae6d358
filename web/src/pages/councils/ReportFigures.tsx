// The generated figures of a six-monthly report: money received by fund kind and purpose, spending
// paid by purpose, the resolutions passed and the meetings held in the half-year.
import { Card, Col, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../components/Money';
import { useFormat } from '../../lib/format';
import { useCatalogues } from '../spending/catalogues';
import type { CouncilReport } from './types';

type Figures = CouncilReport['figures'];
type PurposeRow = Figures['spending']['byPurpose'][number] | (Figures['received']['byPurpose'][number] & { count?: undefined });

function Totals({ title, general, specific, total, testId }: { title: string; general: string; specific: string; total: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 className="card-heading">{title}</h2>} data-testid={testId}>
      <Row gutter={[12, 12]} className="figure-grid">
        <Col xs={24} sm={8}>
          <Statistic title={t('spending.fundKind.general')} valueRender={() => <Money rials={general} />} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title={t('spending.fundKind.specific')} valueRender={() => <Money rials={specific} />} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title={t('councilReports.total')} valueRender={() => <Money rials={total} />} />
        </Col>
      </Row>
    </Card>
  );
}

function ByPurpose({ rows, withCount }: { rows: PurposeRow[]; withCount: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { purposeLabel } = useCatalogues();
  const columns: TableColumnsType<PurposeRow> = [
    { key: 'purpose', title: t('spending.fields.purpose'), render: (_, r) => (f.lang === 'fa' ? r.labelFa : purposeLabel(r.purposeCode)) },
    { key: 'kind', title: t('spending.fields.fundKind'), render: (_, r) => t(`spending.fundKind.${r.fundKind}`) },
    ...(withCount ? [{ key: 'count', title: t('councilReports.count'), render: (_: unknown, r: PurposeRow) => f.count(r.count ?? 0) }] : []),
    { key: 'amount', title: t('councilReports.amount'), align: 'end', render: (_, r) => <Money rials={r.rials} /> },
  ];
  return <Table<PurposeRow> rowKey={(r) => `${r.fundKind}-${r.purposeCode}`} size="small" columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: t('common.noData') }} style={{ marginTop: 8 }} />;
}

export function ReportFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Totals title={t('councilReports.received')} general={figures.received.generalRials} specific={figures.received.specificRials} total={figures.received.totalRials} testId="report-received" />
        <ByPurpose rows={figures.received.byPurpose} withCount={false} />
      </Col>
      <Col xs={24} xl={12}>
        <Totals title={t('councilReports.spent')} general={figures.spending.generalRials} specific={figures.spending.specificRials} total={figures.spending.totalRials} testId="report-spent" />
        <ByPurpose rows={figures.spending.byPurpose} withCount />
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={<h2 className="card-heading">{t('councilReports.resolutions', { n: f.count(figures.resolutions.count) })}</h2>}>
          <List
            size="small"
            dataSource={figures.resolutions.items}
            locale={{ emptyText: t('resolutions.none') }}
            renderItem={(r) => (
              <List.Item>
                <span>
                  <Link to={`/councils/resolutions/${r.id}`}>{t('resolutions.numbered', { number: f.digits(r.number) })}</Link> <Tag>{t(`resolutions.kinds.${r.kind}`, { defaultValue: r.kind })}</Tag>{' '}
                  <Typography.Text type="secondary">{r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text}</Typography.Text>
                </span>
                {r.ceilingRials ? <Money rials={r.ceilingRials} /> : null}
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={<h2 className="card-heading">{t('councilReports.meetings', { held: f.count(figures.meetings.held), quorate: f.count(figures.meetings.withQuorum) })}</h2>}>
          <List
            size="small"
            dataSource={figures.meetings.items}
            locale={{ emptyText: t('meetings.none') }}
            renderItem={(m) => (
              <List.Item>
                <Link to={`/councils/meetings/${m.id}`}>{f.digits(m.heldOn)}</Link>
                <span>
                  {t('councilReports.attendance', { present: f.digits(m.presentCount), members: f.digits(m.memberCount) })}{' '}
                  <Tag color={m.quorumMet ? '#0a6b4d' : '#874d00'}>{m.quorumMet ? t('meetings.quorum.met') : t('meetings.quorum.notMet')}</Tag>
                </span>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
