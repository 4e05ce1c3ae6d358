// A council meeting: agenda, attendance with a live quorum, closing it with minutes, attachments,
// and the resolutions passed in it (pass one, with an optional ceiling and delegations).
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { AttachmentsCard } from './AttachmentsCard';
import { AttendanceCard, saveAttendance } from './AttendanceCard';
import { MeetingDialog, type MeetingDialogKind } from './MeetingDialogs';
import { MeetingStatusTag } from './MeetingsCard';
import { ResolutionDialog, type ResolutionMode } from './ResolutionDialog';
import { ResolutionStatusTag } from './ResolutionsCard';
import type { Meeting } from './types';
import { GovPage } from '../spending/GovPage';

export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const loaded = useAsync((signal) => unwrap(api.GET('/api/meetings/{id}', { params: { path: { id } }, signal })), [id]);
  const [meeting, setMeeting] = useState<Meeting>();
  useEffect(() => {
    setMeeting(loaded.data);
  }, [loaded.data]);
  const m = meeting?.id === id ? meeting : undefined;
  const council = useAsync(async (signal) => (m ? unwrap(api.GET('/api/councils/{id}', { params: { path: { id: m.councilId } }, signal })) : undefined), [m?.councilId]);
  const [dialog, setDialog] = useState<MeetingDialogKind | null>(null);
  const [resolution, setResolution] = useState<ResolutionMode | null>(null);
  const draft = useRef<{ present: Set<string>; dirty: boolean }>({ present: new Set(), dirty: false });
  const onDraft = useCallback((present: Set<string>, dirty: boolean) => {
    draft.current = { present, dirty };
  }, []);
  const can = (action: Meeting['nextActions'][number]) => m?.nextActions.includes(action) ?? false;

  async function flushAttendance(): Promise<Meeting> {
    if (!m || !draft.current.dirty) return m!;
    const next = await saveAttendance(m, draft.current.present);
    setMeeting(next);
    return next;
  }

  const councilName = council.data?.council.name;
  return (
    <GovPage>
      <nav aria-label={t('councils.breadcrumb')}>
        <Breadcrumb
          items={[
            { key: 'list', title: <Link to="/councils">{t('councils.title')}</Link> },
            { key: 'council', title: m ? <Link to={`/councils/${m.councilId}`}>{councilName ?? '…'}</Link> : '…' },
            { key: 'this', title: t('meetings.one') },
          ]}
        />
      </nav>
      <div className="page-head">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          {m ? t('meetings.titleOf', { day: f.digits(m.heldOn ?? m.scheduledOn) }) : t('meetings.one')}
        </Typography.Title>
        {m ? <MeetingStatusTag meeting={m} /> : null}
      </div>
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!m && !loaded.error ? <Skeleton active /> : null}
      {m ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {can('close') || can('cancel') || can('pass_resolution') ? (
                <div className="action-bar">
                  {can('close') ? (
                    <Button type="primary" onClick={() => setDialog('close')} data-testid="meeting-close">
                      {t('meetings.close')}
                    </Button>
                  ) : null}
                  {can('pass_resolution') ? (
                    <Button type="primary" onClick={() => setResolution({ kind: 'pass', meetingId: m.id, councilId: m.councilId })} data-testid="resolution-pass">
                      {t('resolutions.dialog.pass')}
                    </Button>
                  ) : null}
                  {can('cancel') ? (
                    <Button danger onClick={() => setDialog('cancel')}>
                      {t('meetings.cancel')}
                    </Button>
                  ) : null}
                </div>
              ) : null}
              <Card size="small" title={<h2 className="card-heading">{t('meetings.details')}</h2>}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('meetings.scheduledAt')}>{f.dateTime(m.scheduledAt)}</Descriptions.Item>
                  {m.heldAt ? <Descriptions.Item label={t('meetings.heldOn')}>{f.digits(m.heldOn ?? '')}</Descriptions.Item> : null}
                  <Descriptions.Item label={t('meetings.location')}>{m.location ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('meetings.agenda')}>
                    <span className="pre-text">{m.agenda}</span>
                  </Descriptions.Item>
                  {m.minutes ? (
                    <Descriptions.Item label={t('meetings.minutes')}>
                      <span className="pre-text" data-testid="meeting-minutes">{m.minutes}</span>
                    </Descriptions.Item>
                  ) : null}
                  {m.cancelReason ? <Descriptions.Item label={t('meetings.cancelReason')}>{m.cancelReason}</Descriptions.Item> : null}
                </Descriptions>
              </Card>
              <Card size="small" title={<h2 className="card-heading">{t('meetings.resolutions')}</h2>}>
                {m.resolutions.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.status === 'held' && !m.quorumMet ? t('meetings.noQuorumNoResolutions') : t('resolutions.none')} />
                ) : (
                  <List
                    size="small"
                    dataSource={m.resolutions}
                    renderItem={(r) => (
                      <List.Item>
                        <Space wrap>
                          <Link to={`/councils/resolutions/${r.id}`} data-testid="resolution-link">
                            {t('resolutions.numbered', { number: f.digits(r.number) })}
                          </Link>
                          <ResolutionStatusTag status={r.status} />
                          <Typography.Text type="secondary">{r.text.length > 100 ? `${r.text.slice(0, 100)}…` : r.text}</Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <AttendanceCard meeting={m} rule={council.data?.council.quorum} onSaved={setMeeting} onDraft={onDraft} />
              <AttachmentsCard meeting={m} onChanged={loaded.reload} />
            </Space>
          </Col>
        </Row>
      ) : null}
      {m ? (
        <>
          <MeetingDialog
            kind={dialog}
            meeting={m}
            flushAttendance={flushAttendance}
            onClose={() => setDialog(null)}
            onDone={(next) => {
              setDialog(null);
              setMeeting(next);
              void message.success(dialog === 'close' ? t('meetings.closed') : t('meetings.cancelled'));
            }}
          />
          <ResolutionDialog
            mode={resolution}
            onClose={() => setResolution(null)}
            onDone={(passed) => {
              setResolution(null);
              void message.success(t('resolutions.passed', { number: f.digits(passed.number) }));
              void navigate(`/councils/resolutions/${passed.id}`);
            }}
          />
        </>
      ) : null}
    </GovPage>
  );
}
