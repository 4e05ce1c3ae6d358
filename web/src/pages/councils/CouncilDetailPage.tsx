// One council: its quarterly-meeting duty, quorum rule, members, meetings on a Jalali calendar,
// resolutions with remaining ceilings and the delegations it has given.
import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Row, Skeleton, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { CouncilDialog } from './CouncilDialog';
import { DueBadge, quorumText, useDay } from './council-bits';
import { MeetingsCard } from './MeetingsCard';
import { MembersCard } from './MembersCard';
import { DelegationsCard, ResolutionsCard } from './ResolutionsCard';
import { GovPage } from '../spending/GovPage';

export default function CouncilDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const detail = useAsync((signal) => unwrap(api.GET('/api/councils/{id}', { params: { path: { id } }, signal })), [id, version]);
  const d = detail.data?.council.id === id ? detail.data : undefined;
  const council = d?.council;
  const can = (action: string) => d?.nextActions.includes(action as never) ?? false;

  return (
    <GovPage>
      <nav aria-label={t('councils.breadcrumb')}>
        <Breadcrumb items={[{ key: 'list', title: <Link to="/councils">{t('councils.title')}</Link> }, { key: 'this', title: council?.name ?? '…' }]} />
      </nav>
      <div className="page-head">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          {council?.name ?? t('councils.detail')}
        </Typography.Title>
        {council ? <DueBadge council={council} /> : null}
        {can('edit') ? (
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('councils.edit')}
          </Button>
        ) : null}
        {can('report') ? <Link to="/council-reports">{t('councils.reports')}</Link> : null}
      </div>
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {!d && !detail.error ? <Skeleton active /> : null}
      {d && council ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card size="small" title={<h2 className="card-heading">{t('councils.facts')}</h2>}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('councils.unit')}>{council.unit.name}</Descriptions.Item>
                <Descriptions.Item label={t('councils.level')}>{t(`councils.levels.${council.level}`)}</Descriptions.Item>
                <Descriptions.Item label={t('councils.quorum.title')}>
                  <span data-testid="quorum-rule">{quorumText(council.quorum, t, f.digits)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('councils.lastMeeting')}>{day(council.lastMeetingOn)}</Descriptions.Item>
                <Descriptions.Item label={t('councils.nextDue')}>{day(council.nextDueOn)}</Descriptions.Item>
                <Descriptions.Item label={t('councils.nextScheduled')}>
                  {council.nextScheduled ? <Link to={`/councils/meetings/${council.nextScheduled.id}`}>{day(council.nextScheduled.scheduledOn)}</Link> : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <MeetingsCard councilId={council.id} canSchedule={can('schedule_meeting')} />
          </Col>
          <Col xs={24}>
            <MembersCard councilId={council.id} members={d.members} canManage={can('add_member')} onChanged={() => setVersion((v) => v + 1)} />
          </Col>
          <Col xs={24}>
            <ResolutionsCard councilId={council.id} version={version} />
          </Col>
          <Col xs={24}>
            <DelegationsCard councilId={council.id} unitId={council.unit.id} version={version} />
          </Col>
        </Row>
      ) : null}
      {council && can('edit') ? (
        <CouncilDialog
          target={editing ? council : null}
          defaultUnitId={council.unit.id}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            void message.success(t('councils.saved'));
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
    </GovPage>
  );
}
