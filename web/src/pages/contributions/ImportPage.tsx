// Settlement-file import: choose the unit and channel, pick a CSV, do a dry run (nothing recorded),
// then import for real; progress is polled, then counts and refused rows are shown. A sample file
// with the expected columns can be downloaded from the page.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Select, Space, Typography } from 'antd';
import { DownloadOutlined, ExperimentOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { IMPORT_CHANNELS, type ContributionImport, type ImportChannel } from '../../api/types';
import { useWorkingUnit } from '../../app/working-unit';
import { UnitPicker } from '../../components/UnitPicker';
import { useShowError } from '../../lib/use-show-error';
import { countCsvRows, CSV_COLUMNS, downloadText, sampleCsv, startImport } from './import-csv';
import { ImportProgress } from './ImportProgress';

interface Run {
  id: string;
  expectedRows: number | null;
}

const signature = (file: File, unitId: string, channel: string) => `${file.name}:${file.size}:${file.lastModified}:${unitId}:${channel}`;

export default function ImportPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const { unit } = useWorkingUnit();
  const [picked, setPicked] = useState(unit);
  const unitId = picked.id;
  useEffect(() => setPicked(unit), [unit]);
  const [channel, setChannel] = useState<ImportChannel>('gateway');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const [dryRunOf, setDryRunOf] = useState<string | null>(null);
  const [fileKey, setFileKey] = useState(0);

  const current = file ? signature(file, unitId, channel) : null;
  const dryRunDone = current !== null && dryRunOf === current;

  async function start(dryRun: boolean) {
    if (!file) {
      setFileError(true);
      return;
    }
    setBusy(true);
    try {
      const expectedRows = await countCsvRows(file).catch(() => null);
      const id = await startImport({ unitId, channel, dryRun: String(dryRun), fileName: file.name.slice(0, 200) }, file);
      setRun({ id, expectedRows });
    } catch (error) {
      showError(error);
      setBusy(false);
    }
  }

  function finished(result: ContributionImport) {
    setBusy(false);
    if (result.status !== 'done' || !file) return;
    if (result.dryRun) setDryRunOf(signature(file, result.unitId, result.channel));
    else {
      // imported: the next file starts from a clean form
      setDryRunOf(null);
      setFile(null);
      setFileKey((k) => k + 1);
    }
  }

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('imports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('imports.intro')}
      </Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card style={{ maxWidth: 760 }}>
          <Form layout="vertical" className="record-form" name="import">
            <div className="form-grid">
              <Form.Item label={t('imports.unit')} htmlFor="import-unit">
                <UnitPicker id="import-unit" activeOnly value={unitId} onChange={(_id, next) => next && setPicked(next)} />
              </Form.Item>
              <Form.Item label={t('imports.channel')} htmlFor="import-channel">
                <Select id="import-channel" value={channel} onChange={setChannel} options={IMPORT_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
              </Form.Item>
              <Form.Item
                className="span-2"
                label={t('imports.file')}
                htmlFor="import-file"
                validateStatus={fileError ? 'error' : undefined}
                help={fileError ? t('imports.fileRequired') : t('imports.columns', { columns: CSV_COLUMNS.join(', ') })}
              >
                <input
                  key={fileKey}
                  id="import-file"
                  type="file"
                  accept=".csv,text/csv"
                  className="file-input"
                  data-testid="import-file"
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setFileError(false);
                  }}
                />
              </Form.Item>
            </div>
            <Space wrap>
              <Button icon={<ExperimentOutlined aria-hidden />} type={dryRunDone ? 'default' : 'primary'} loading={busy} onClick={() => void start(true)} data-testid="import-dry-run">
                {t('imports.dryRun')}
              </Button>
              <Button icon={<UploadOutlined aria-hidden />} type={dryRunDone ? 'primary' : 'default'} disabled={!dryRunDone || busy} onClick={() => void start(false)} data-testid="import-run">
                {t('imports.run')}
              </Button>
              <Button type="link" icon={<DownloadOutlined aria-hidden />} onClick={() => downloadText(sampleCsv(picked.code), 'settlement-sample.csv')} data-testid="import-sample">
                {t('imports.sample')}
              </Button>
            </Space>
            {!dryRunDone ? <Alert type="info" showIcon title={t('imports.runHint')} style={{ marginTop: 12 }} /> : null}
          </Form>
        </Card>
        {run ? <ImportProgress key={run.id} importId={run.id} expectedRows={run.expectedRows} onFinished={finished} /> : null}
      </Space>
    </>
  );
}
