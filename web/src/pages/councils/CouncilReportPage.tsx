// A council's six-monthly report: the generated figures (live while a draft, frozen once sent), the
// narrative the secretary writes, and sending it up / the level above acknowledging it.
import { useEffect, useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Input, Modal, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { ReportStatusTag } from './CouncilReportsPage';
import { ReportFigures } from './ReportFigures';
import type { CouncilReport } from './types';
import { GovPage } from '../spending/GovPage';

export default function CouncilReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const loaded = useAsync((signal) => unwrap(api.GET('/api/council-reports/{id}', { params: { path: { id } }, signal })), [id]);
  const [report, setReport] = useState<CouncilReport>();
  const [narrative, setNarrative] = useState('');
  const [busy, setBusy] = useState(false);
  const [acknowledging, setAcknowledging] = useState(false);
  const [ackNote, setAckNote] = useState('');
  useEffect(() => {
    setReport(loaded.data);
    setNarrative(loaded.data?.narrative ?? '');
  }, [loaded.data]);
  const r = report?.id === id ? report : undefined;
  const can = (action: CouncilReport['nextActions'][number]) => r?.nextActions.includes(action) ?? false;
  const dirty = r ? narrative !== r.narrative : false;

  async function run(step: () => Promise<CouncilReport>, done: string) {
    setBusy(true);
    try {
      const next = await step();
      setReport(next);
      setNarrative(next.narrative);
      void message.success(done);
      return true;
    } catch (error) {
      showError(error);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const path = { id };
  const save = () => run(() => unwrap(api.PATCH('/api/council-reports/{id}', { params: { path }, body: { narrative } })), t('councilReports.saved'));
  const submit = async () => {
    if (dirty && !(await save())) return;
    await run(() => unwrap(api.POST('/api/council-reports/{id}/submit', { params: { path } })), t('councilReports.submitted'));
  };
  const acknowledge = async () => {
    const note = ackNote.trim();
    if (await run(() => unwrap(api.POST('/api/council-reports/{id}/acknowledge', { params: { path }, body: note ? { note } : {} })), t('councilReports.acknowledged'))) setAcknowledging(false);
  };

  return (
    <GovPage>
      <nav aria-label={t('councils.breadcrumb')}>
        <Breadcrumb items={[{ key: 'list', title: <Link to="/council-reports">{t('councilReports.title')}</Link> }, { key: 'this', title: r?.council.name ?? '…' }]} />
      </nav>
      <div className="page-head">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          {r ? t('councilReports.reportOf', { council: r.council.name, year: f.digits(r.fiscalYear), half: t(`councilReports.halves.${r.half}`) }) : t('councilReports.one')}
        </Typography.Title>
        {r ? <ReportStatusTag status={r.status} /> : null}
        {r ? <Tag>{r.figuresFrozen ? t('councilReports.frozen') : t('councilReports.live')}</Tag> : null}
      </div>
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!r && !loaded.error ? <Skeleton active /> : null}
      {r ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('councilReports.periodText', { year: f.digits(r.figures.period.fiscalYear), half: t(`councilReports.halves.${r.figures.period.half}`), from: f.digits(r.figures.period.fromOn), to: f.digits(r.figures.period.toOn) })}
            {' · '}
            {t('councilReports.generatedAt', { at: f.dateTime(r.figures.generatedAt) })}
          </Typography.Text>
          <ReportFigures figures={r.figures} />
          <Card size="small" title={<h2 className="card-heading">{t('councilReports.narrative')}</h2>}>
            {can('edit') ? (
              <>
                <label htmlFor="report-narrative" className="visually-hidden">
                  {t('councilReports.narrative')}
                </label>
                <Input.TextArea id="report-narrative" rows={8} maxLength={20000} value={narrative} onChange={(e) => setNarrative(e.target.value)} placeholder={t('councilReports.narrativeHint')} />
              </>
            ) : (
              <Typography.Paragraph className="pre-text">{r.narrative || '—'}</Typography.Paragraph>
            )}
            <div className="action-bar" style={{ marginTop: 12 }}>
              {can('edit') ? (
                <Button disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="report-save">
                  {t('common.save')}
                </Button>
              ) : null}
              {can('submit') ? (
                <Popconfirm title={t('councilReports.confirmSubmit')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void submit()}>
                  <Button type="primary" loading={busy}>
                    {t('councilReports.submit')}
                  </Button>
                </Popconfirm>
              ) : null}
              {can('acknowledge') ? (
                <Button type="primary" onClick={() => setAcknowledging(true)}>
                  {t('councilReports.acknowledge')}
                </Button>
              ) : null}
            </div>
          </Card>
          {r.submittedAt ? (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('councilReports.submittedAt')}>{`${f.dateTime(r.submittedAt)}${r.submittedBy ? ` · ${r.submittedBy}` : ''}`}</Descriptions.Item>
              {r.acknowledgedAt ? <Descriptions.Item label={t('councilReports.acknowledgedAt')}>{`${f.dateTime(r.acknowledgedAt)}${r.acknowledgedBy ? ` · ${r.acknowledgedBy}` : ''}`}</Descriptions.Item> : null}
              {r.acknowledgeNote ? <Descriptions.Item label={t('councilReports.ackNote')}>{r.acknowledgeNote}</Descriptions.Item> : null}
            </Descriptions>
          ) : null}
        </Space>
      ) : null}
      <Modal open={acknowledging} title={t('councilReports.acknowledge')} onCancel={() => setAcknowledging(false)} onOk={() => void acknowledge()} okText={t('councilReports.acknowledge')} cancelText={t('common.cancel')} okButtonProps={{ loading: busy }}>
        <label htmlFor="ack-note">{`${t('councilReports.ackNote')} ${t('common.optional')}`}</label>
        <Input.TextArea id="ack-note" rows={3} maxLength={1000} value={ackNote} onChange={(e) => setAckNote(e.target.value)} />
      </Modal>
    </GovPage>
  );
}
