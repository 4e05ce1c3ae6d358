// Follows an import: polls its progress until it finishes, then shows the counts and the refused
// rows (row, column, the server's message in the page's language), paged on the server.
import { useState } from 'react';
import { Alert, Card, Col, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ContributionImport, ImportErrorRow } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { useFormat } from '../../lib/format';
import { useImportProgress } from '../../lib/use-import-progress';
import { useAsync } from '../../lib/use-async';
import { csvColumn } from './import-csv';


interface Props {
  importId: string;
  expectedRows: number | null;
  onFinished: (result: ContributionImport) => void;
}

export function ImportProgress({ importId, expectedRows, onFinished }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { state, pollError, finished } = useImportProgress<ContributionImport>(importId,
    (id) => unwrap(api.GET('/api/contribution-imports/{id}', { params: { path: { id } } })), onFinished);
  const [page, setPage] = useState(1);
  const errors = useAsync(
    (signal) => (finished ? unwrap(api.GET('/api/contribution-imports/{id}/errors', { params: { path: { id: importId }, query: { page, pageSize: 20 } }, signal })) : Promise.resolve(undefined)),
    [importId, finished, page],
  );

  const processed = state ? state.rowsImported + state.rowsDuplicate + state.rowsInvalid : 0;
  const percent = finished ? 100 : expectedRows ? Math.min(99, Math.floor((processed * 100) / expectedRows)) : 0;
  const dry = state?.dryRun ?? false;

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{finished ? (dry ? t('imports.dryRunResult') : t('imports.realResult')) : t('imports.progress')}</h2>} data-testid="import-result">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={pollError} />
        <div>
          <Typography.Text id="import-progress-label">{state ? t(`imports.status_${state.status}`, { defaultValue: state.status }) : t('imports.status_running')}</Typography.Text>
          <Progress className="import-progress" percent={percent} strokeColor="#0a6b4d" status={state?.status === 'failed' ? 'exception' : finished ? 'normal' : 'active'} format={(p) => `${f.digits(p ?? 0)}${f.lang === 'fa' ? '٪' : '%'}`} aria-labelledby="import-progress-label" />
        </div>
        {state?.error ? <Alert type="error" showIcon title={state.error} /> : null}
        {state ? (
          <Row gutter={[16, 16]} className="figure-row">
            {([
              ['rowsTotal', state.rowsTotal],
              [dry ? 'rowsImportedDry' : 'rowsImported', state.rowsImported],
              ['rowsDuplicate', state.rowsDuplicate],
              ['rowsInvalid', state.rowsInvalid],
            ] as const).map(([key, value]) => (
              <Col key={key} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t(`imports.${key}`)} valueRender={() => <span data-testid={`import-${key}`}>{f.count(value)}</span>} />
                </Card>
              </Col>
            ))}
            <Col xs={24} md={12}>
              <Card size="small">
                <Statistic title={t('imports.totalAmount')} valueRender={() => <Money rials={state.totalRials} />} />
              </Card>
            </Col>
          </Row>
        ) : null}
        {finished ? (
          <section aria-labelledby="import-errors">
            <h3 id="import-errors" style={{ fontSize: 15 }}>
              {t('imports.errors')}
            </h3>
            <ErrorAlert error={errors.error} onRetry={errors.reload} />
            <Table<ImportErrorRow>
              rowKey={(row) => `${row.rowNo}:${row.field}`}
              size="small"
              loading={errors.loading}
              dataSource={errors.data?.items ?? []}
              locale={{ emptyText: <span className="table-empty">{t('imports.noErrors')}</span> }}
              pagination={{ current: page, pageSize: 20, total: errors.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
              columns={[
                { key: 'row', title: t('imports.rowNo'), render: (_, row) => f.digits(row.rowNo) },
                { key: 'field', title: t('imports.field'), render: (_, row) => <bdi dir="ltr">{csvColumn(row.field)}</bdi> },
                { key: 'message', title: t('imports.message'), render: (_, row) => row.message },
              ]}
              data-testid="import-errors"
            />
          </section>
        ) : null}
      </Space>
    </Card>
  );
}
