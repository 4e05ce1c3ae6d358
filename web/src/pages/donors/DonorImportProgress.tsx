// Follows a donor import: polls its progress until it finishes, then shows the counts and the
// refused rows (row, column title as in the file, the server's message), with their xlsx download.
import { useState } from 'react';
import { Alert, Card, Col, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useImportProgress } from '../../lib/use-import-progress';
import { useAsync } from '../../lib/use-async';
import type { DonorImport, DonorImportError } from './types';

const ERRORS_PAGE = 20;

interface Props {
  importId: string;
  /** Data rows in the file when known (CSV), for the progress bar. */
  expectedRows: number | null;
  onFinished: (result: DonorImport) => void;
}

export function DonorImportProgress({ importId, expectedRows, onFinished }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { state, pollError } = useImportProgress<DonorImport>(importId,
    (id) => unwrap(api.GET('/api/donors/imports/{id}', { params: { path: { id } } })), onFinished);
  const [page, setPage] = useState(1);
  // narrowed to the finished state, so the rest reads its counts directly
  const done = state !== null && state.status !== 'queued' && state.status !== 'running' ? state : null;
  const finished = done !== null;
  const errors = useAsync(
    (signal) =>
      done !== null && done.rowsInvalid > 0
        ? unwrap(api.GET('/api/donors/imports/{id}/errors', { params: { path: { id: importId }, query: { page, pageSize: ERRORS_PAGE } }, signal }))
        : Promise.resolve(undefined),
    [importId, finished, page],
  );

  const dry = state?.dryRun ?? false;
  const percent = finished ? 100 : state && expectedRows ? Math.min(99, Math.floor((state.rowsRead * 100) / Math.max(1, expectedRows))) : 0;
  const figures = state
    ? ([
        ['rowsRead', state.rowsRead],
        ['rowsValid', state.rowsValid],
        ['rowsInvalid', state.rowsInvalid],
        [dry ? 'createdDry' : 'created', state.created],
        ['updated', state.updated],
        ['unchanged', state.unchanged],
      ] as const)
    : [];

  return (
    <Card title={<h2 className="card-heading">{finished ? (dry ? t('donors.import.dryResult') : t('donors.import.realResult')) : t('donors.import.progress')}</h2>} data-testid="donor-import-result">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={pollError} />
        <div>
          <Typography.Text id="donor-import-status">
            {state ? t(`donors.import.status.${state.status}`) : t('donors.import.status.queued')}
            {state && !finished ? ` — ${t('donors.import.rowsSoFar', { n: f.count(state.rowsRead) })}` : ''}
          </Typography.Text>
          <Progress
            percent={percent}
            // 'success' would colour the figure antd's light green, below 4.5:1 contrast
            status={state?.status === 'failed' ? 'exception' : finished ? 'normal' : 'active'}
            strokeColor={state?.status === 'failed' ? undefined : '#0a6b4d'}
            format={(p) => <span className="progress-figure">{`${f.digits(p ?? 0)}${f.lang === 'fa' ? '٪' : '%'}`}</span>}
            aria-labelledby="donor-import-status"
          />
        </div>
        {state?.failure ? <Alert type="error" showIcon title={state.failure.message} /> : null}
        {state?.ignoredColumns.length ? <Alert type="warning" showIcon title={t('donors.import.ignored', { columns: state.ignoredColumns.join('، ') })} /> : null}
        {state ? (
          <Row gutter={[12, 12]} className="import-figures">
            {figures.map(([key, value]) => (
              <Col key={key} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={t(`donors.import.${key}`)} valueRender={() => <span data-testid={`donor-import-${key}`}>{f.count(value)}</span>} />
                </Card>
              </Col>
            ))}
          </Row>
        ) : null}
        {done !== null && done.rowsInvalid > 0 ? (
          <section aria-labelledby="donor-import-errors">
            <div className="donor-head" style={{ marginBottom: 8 }}>
              <h3 id="donor-import-errors" className="card-subheading" style={{ margin: 0 }}>
                {t('donors.import.errors')}
              </h3>
              <a href={`/api/donors/imports/${importId}/errors.xlsx`} download data-testid="donor-import-errors-xlsx">
                <DownloadOutlined aria-hidden /> {t('donors.import.errorsXlsx')}
              </a>
            </div>
            <ErrorAlert error={errors.error} onRetry={errors.reload} />
            <Table<DonorImportError>
              className="donor-table"
              rowKey={(row) => `${row.row}:${row.field}:${row.code}`}
              size="small"
              loading={errors.loading}
              dataSource={errors.data?.items ?? []}
              scroll={{ x: 'max-content' }}
              pagination={{ current: page, pageSize: ERRORS_PAGE, total: errors.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
              data-testid="donor-import-errors"
              columns={[
                { key: 'row', title: t('donors.import.row'), render: (_, row) => f.digits(row.row) },
                { key: 'column', title: t('donors.import.column'), render: (_, row) => row.column || row.field },
                { key: 'message', title: t('donors.import.message'), render: (_, row) => row.message },
              ]}
            />
          </section>
        ) : null}
        {done !== null && done.status === 'done' && done.rowsInvalid === 0 ? <Alert type="success" showIcon title={t('donors.import.noErrors')} /> : null}
      </Space>
    </Card>
  );
}
