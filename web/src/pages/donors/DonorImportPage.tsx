// Donor import: choose the registering unit and a CSV or xlsx file (the template is one click away),
// do a dry run (nothing recorded), read the counts and the refused rows, then import for real.
// Recent imports of the caller's units are listed underneath and can be reopened.
import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, ExperimentOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useWorkingUnit } from '../../app/working-unit';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { startDonorImport } from './donor-api';
import { DonorImportProgress } from './DonorImportProgress';
import type { DonorImport } from './types';
import { KeyboardScroll } from './KeyboardScroll';
import './donors.css';

interface Run {
  id: string;
  expectedRows: number | null;
  /** The file and unit this page started the import for; null for one reopened from the list. */
  signature: string | null;
}

const signature = (file: File, unitId: string) => `${file.name}:${file.size}:${file.lastModified}:${unitId}`;

/** Data rows of a CSV (non-empty lines after the header), for the progress bar; unknown for xlsx. */
async function countRows(file: File): Promise<number | null> {
  if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return null;
  const lines = (await file.text()).split(/\r?\n/).filter((line) => line.trim()).length;
  return Math.max(0, lines - 1);
}

export default function DonorImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const showError = useShowError();
  const { unit } = useWorkingUnit();
  const [unitId, setUnitId] = useState(unit.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState(false);
  const [fileKey, setFileKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const [dryRunOf, setDryRunOf] = useState<string | null>(null);
  const [recentVersion, setRecentVersion] = useState(0);
  const recent = useAsync((signal) => unwrap(api.GET('/api/donors/imports', { params: { query: { page: 1, pageSize: 10 } }, signal })), [recentVersion]);

  const dryRunDone = file !== null && dryRunOf === signature(file, unitId);

  async function start(dryRun: boolean) {
    if (!file) {
      setFileError(true);
      return;
    }
    setBusy(true);
    try {
      const expectedRows = await countRows(file).catch(() => null);
      const created = await startDonorImport(file, { dryRun, unitId });
      setRun({ id: created.id, expectedRows, signature: signature(file, unitId) });
    } catch (error) {
      showError(error);
      setBusy(false);
    }
  }

  function finished(result: DonorImport, started: Run) {
    setBusy(false);
    setRecentVersion((v) => v + 1);
    if (result.status !== 'done' || !started.signature) return;
    if (result.dryRun) setDryRunOf(started.signature);
    else {
      setDryRunOf(null);
      setFile(null);
      setFileKey((k) => k + 1);
    }
  }

  return (
    <KeyboardScroll>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('donors.import.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('donors.import.intro')}
      </Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card style={{ maxWidth: 760 }}>
          <Form layout="vertical" className="record-form" name="donor-import">
            <div className="form-grid">
              <Form.Item label={t('donors.import.unit')} htmlFor="donor-import-unit">
                <UnitPicker id="donor-import-unit" activeOnly value={unitId} onChange={(id) => id && setUnitId(id)} />
              </Form.Item>
              <Form.Item
                label={t('donors.import.file')}
                htmlFor="donor-import-file"
                validateStatus={fileError ? 'error' : undefined}
                help={fileError ? t('donors.import.fileRequired') : t('donors.import.fileHint')}
              >
                <input
                  key={fileKey}
                  id="donor-import-file"
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className="file-input"
                  data-testid="donor-import-file"
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setFileError(false);
                  }}
                />
              </Form.Item>
            </div>
            <Space wrap>
              <Button icon={<ExperimentOutlined aria-hidden />} type={dryRunDone ? 'default' : 'primary'} loading={busy} onClick={() => void start(true)} data-testid="donor-import-dry-run">
                {t('donors.import.dryRun')}
              </Button>
              <Button icon={<UploadOutlined aria-hidden />} type={dryRunDone ? 'primary' : 'default'} disabled={!dryRunDone || busy} onClick={() => void start(false)} data-testid="donor-import-run">
                {t('donors.import.run')}
              </Button>
              <a href="/api/donors/import-template.xlsx" download data-testid="donor-import-template">
                <DownloadOutlined aria-hidden /> {t('donors.import.template')}
              </a>
            </Space>
            {!dryRunDone ? <Alert type="info" showIcon title={t('donors.import.runHint')} style={{ marginTop: 12 }} /> : null}
          </Form>
        </Card>
        {run ? <DonorImportProgress key={run.id} importId={run.id} expectedRows={run.expectedRows} onFinished={(result) => finished(result, run)} /> : null}
        <Card size="small" title={<h2 className="card-heading">{t('donors.import.recent')}</h2>}>
          <Table<DonorImport>
            className="donor-table"
            size="small"
            rowKey="id"
            loading={recent.loading}
            dataSource={recent.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              { key: 'at', title: t('donors.import.at'), render: (_, i) => f.dateTime(i.createdAt) },
              { key: 'file', title: t('donors.import.fileName'), render: (_, i) => <bdi>{i.fileName ?? '—'}</bdi> },
              { key: 'kind', title: t('donors.import.kind'), render: (_, i) => <Tag color={i.dryRun ? 'default' : 'green'}>{i.dryRun ? t('donors.import.dry') : t('donors.import.real')}</Tag> },
              { key: 'unit', title: t('donors.fields.unit'), render: (_, i) => i.unit.name },
              { key: 'status', title: t('donors.import.statusTitle'), render: (_, i) => t(`donors.import.status.${i.status}`) },
              { key: 'rows', title: t('donors.import.rowsRead'), render: (_, i) => f.count(i.rowsRead) },
              { key: 'invalid', title: t('donors.import.rowsInvalid'), render: (_, i) => f.count(i.rowsInvalid) },
              {
                key: 'show',
                title: t('common.actions'),
                render: (_, i) => (
                  <Button size="small" onClick={() => setRun({ id: i.id, expectedRows: null, signature: null })} aria-label={t('donors.import.showLabel', { name: i.fileName ?? f.dateTime(i.createdAt) })}>
                    {t('donors.import.show')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </KeyboardScroll>
  );
}
