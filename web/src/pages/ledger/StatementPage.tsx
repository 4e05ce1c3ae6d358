// The statement of a fund or custody account (?account=…): a Jalali from / to (in the URL), opening
// and closing balances, lines with in / out and the running balance, paged on the server; Excel export
// of the whole period.
import { Card, Col, Empty, Form, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayJalali } from '@mosharekat/fa';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Statement, StatementLine } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { JalaliRangePicker } from '../../components/JalaliRangePicker';
import { Money } from '../../components/Money';
import { ServerTable } from '../../components/ServerTable';
import { useFormat } from '../../lib/format';
import { apiDay } from '../../lib/jalali-generate-config';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';

// A statement covers the current fiscal year unless another range is chosen (its opening balance
// is what earlier years carried over).
const DEFAULTS = { account: '', from: `${todayJalali().jy}-01-01`, to: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };

export default function StatementPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const range = { ...(filters.from ? { from: apiDay(filters.from) } : {}), ...(filters.to ? { to: apiDay(filters.to) } : {}) };
  const fetchStatement = (page: number, pageSize: number, signal?: AbortSignal) =>
    unwrap(api.GET('/api/ledger-accounts/{id}/statement', { params: { path: { id: filters.account }, query: { ...range, page, pageSize } }, signal }));
  const statement = useAsync(
    (signal) => (filters.account ? fetchStatement(filters.page, filters.pageSize, signal) : Promise.resolve(undefined)),
    [filters.account, filters.from, filters.to, filters.page, filters.pageSize],
  );
  const data: Statement | undefined = statement.data;
  const amount = (rials: string) => (BigInt(rials) === 0n ? '' : <Money rials={rials} />);

  if (!filters.account) {
    return (
      <>
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          {t('ledger.statement')}
        </Typography.Title>
        <Empty description={t('ledger.noAccount')}>
          <Link to="/ledger/balances">{t('ledger.toBalances')}</Link>
        </Empty>
      </>
    );
  }

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {data ? t('ledger.statementFor', { name: data.account.name, unit: data.account.unitName }) : t('ledger.statement')}
      </Typography.Title>
      <Form layout="vertical" className="toolbar">
        <Form.Item label={t('ledger.period')} htmlFor="statement-range">
          <JalaliRangePicker id="statement-range" from={filters.from} to={filters.to} onChange={(from, to) => setFilters({ from, to })} />
        </Form.Item>
        <div className="spacer" />
        {data ? (
          <ExportButton<StatementLine>
            fileName="statement"
            sheetName={data.account.name}
            columns={[
              { header: t('ledger.occurredAt'), value: (line) => f.dateTime(line.occurredAt), width: 18 },
              { header: t('ledger.journalKind'), value: (line) => t(`journalKinds.${line.kind}`, { defaultValue: line.kind }), width: 18 },
              { header: t('ledger.description'), value: (line) => line.description ?? '', width: 40 },
              { header: t('ledger.documentNo'), value: (line) => line.documentNo ?? '', width: 14 },
              { header: t('ledger.fund'), value: (line) => line.fundName, width: 28 },
              // exact rials as text: a spreadsheet number would round beyond 15 digits
              { header: `${t('ledger.in')} (${t('contributions.rials')})`, value: (line) => line.inRials, width: 18 },
              { header: `${t('ledger.out')} (${t('contributions.rials')})`, value: (line) => line.outRials, width: 18 },
              { header: `${t('ledger.running')} (${t('contributions.rials')})`, value: (line) => line.runningRials, width: 20 },
            ]}
            fetchPage={async (page, pageSize) => {
              const answer = await fetchStatement(page, pageSize);
              return { items: answer.lines, total: answer.total, page: answer.page, pageSize: answer.pageSize };
            }}
          />
        ) : null}
      </Form>
      <Row gutter={[16, 16]} className="figure-row" style={{ marginBottom: 16 }} data-testid="statement-summary">
        {data ? (
          <>
            <Col xs={24} sm={8}>
              <Card size="small">
                <Statistic title={t('ledger.kind')} valueRender={() => <Tag>{data.account.kind === 'fund' ? t('ledger.fund') : t('ledger.account')}</Tag>} />
              </Card>
            </Col>
            <Col xs={12} sm={8}>
              <Card size="small">
                <Statistic title={t('ledger.opening')} valueRender={() => <Money rials={data.openingRials} />} />
              </Card>
            </Col>
            <Col xs={12} sm={8}>
              <Card size="small">
                <Statistic title={t('ledger.closing')} valueRender={() => <Money rials={data.closingRials} />} />
              </Card>
            </Col>
          </>
        ) : null}
      </Row>
      <ServerTable<StatementLine>
        rowKey={(line) => `${line.journalId}:${line.occurredAt}:${line.inRials}:${line.outRials}`}
        columns={[
          { key: 'at', title: t('ledger.occurredAt'), render: (_, line) => f.dateTime(line.occurredAt) },
          { key: 'kind', title: t('ledger.journalKind'), render: (_, line) => t(`journalKinds.${line.kind}`, { defaultValue: line.kind }) },
          { key: 'description', title: t('ledger.description'), render: (_, line) => line.description ?? '—' },
          { key: 'doc', title: t('ledger.documentNo'), render: (_, line) => (line.documentNo ? <bdi dir="ltr">{f.digits(line.documentNo)}</bdi> : '—') },
          { key: 'fund', title: t('ledger.fund'), render: (_, line) => line.fundName },
          { key: 'in', title: t('ledger.in'), align: 'end', render: (_, line) => amount(line.inRials) },
          { key: 'out', title: t('ledger.out'), align: 'end', render: (_, line) => amount(line.outRials) },
          { key: 'running', title: t('ledger.running'), align: 'end', render: (_, line) => <strong><Money rials={line.runningRials} /></strong> },
        ]}
        data={data ? { items: data.lines, total: data.total, page: data.page, pageSize: data.pageSize } : undefined}
        loading={statement.loading}
        error={statement.error}
        onRetry={statement.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
      />
    </>
  );
}
