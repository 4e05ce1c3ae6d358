// One resolution: its text, the general money it authorizes (ceiling, used, remaining, purposes,
// period), its delegations, every version of the decision, and amend / revoke by a later meeting.
import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Progress, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { rialsOf, useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useCatalogues } from '../spending/catalogues';
import { ResolutionDialog, type ResolutionMode } from './ResolutionDialog';
import { DelegationsTable, ResolutionStatusTag } from './ResolutionsCard';
import type { Resolution } from './types';
import { GovPage } from '../spending/GovPage';

function percentUsed(a: NonNullable<Resolution['authorization']>): number {
  const ceiling = rialsOf(a.ceilingRials);
  if (ceiling === 0n) return 0;
  // whole per-mille in bigint, then a one-decimal percentage: never a float of the amounts themselves
  return Number((rialsOf(a.usedRials) * 1000n) / ceiling) / 10;
}

function Authorization({ r }: { r: Resolution }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { purposeLabel } = useCatalogues();
  const a = r.authorization;
  if (!a) return <Typography.Text type="secondary">{t('resolutions.noAuthorization')}</Typography.Text>;
  return (
    <>
      <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
        <Descriptions.Item label={t('resolutions.ceiling')}>
          <Money rials={a.ceilingRials} />
        </Descriptions.Item>
        <Descriptions.Item label={t('resolutions.used')}>
          <Money rials={a.usedRials} />
        </Descriptions.Item>
        <Descriptions.Item label={t('resolutions.remaining')}>
          <span data-testid="resolution-remaining">
            <Money rials={a.remainingRials} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('resolutions.purposes')} span={2}>
          {a.purposeCodes.map((code) => (code === 'general' ? t('resolutions.anyPurpose') : purposeLabel(code))).join('، ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('resolutions.period')}>
          {f.digits(a.validFrom)} – {f.digits(a.validTo)} <Tag color={a.inForceNow ? '#0a6b4d' : '#595959'}>{a.inForceNow ? t('delegations.inForce') : t('delegations.notInForce')}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Progress percent={percentUsed(a)} format={(p) => f.digits(`${p ?? 0}٪`)} aria-label={t('resolutions.usedShare')} style={{ marginTop: 12 }} />
    </>
  );
}

export default function ResolutionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [mode, setMode] = useState<ResolutionMode | null>(null);
  const loaded = useAsync((signal) => unwrap(api.GET('/api/resolutions/{id}', { params: { path: { id } }, signal })), [id]);
  const r = loaded.data?.id === id ? loaded.data : undefined;
  const changeable = r && can('councils.manage') && r.status === 'in_force' && r.kind !== 'revocation';

  return (
    <GovPage>
      <nav aria-label={t('councils.breadcrumb')}>
        <Breadcrumb
          items={[
            { key: 'list', title: <Link to="/councils">{t('councils.title')}</Link> },
            { key: 'council', title: r ? <Link to={`/councils/${r.councilId}`}>{r.councilName}</Link> : '…' },
            { key: 'this', title: r ? t('resolutions.numbered', { number: f.digits(r.number) }) : '…' },
          ]}
        />
      </nav>
      <div className="page-head">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          {r ? t('resolutions.numbered', { number: f.digits(r.number) }) : t('resolutions.one')}
        </Typography.Title>
        {r ? <ResolutionStatusTag status={r.status} /> : null}
        {r && r.kind !== 'decision' ? <Tag>{t(`resolutions.kinds.${r.kind}`)}</Tag> : null}
      </div>
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!r && !loaded.error ? <Skeleton active /> : null}
      {r ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {changeable ? (
                <div className="action-bar">
                  <Button type="primary" onClick={() => setMode({ kind: 'amend', resolution: r })} data-testid="resolution-amend">
                    {t('resolutions.dialog.amend')}
                  </Button>
                  <Button danger onClick={() => setMode({ kind: 'revoke', resolution: r })}>
                    {t('resolutions.dialog.revoke')}
                  </Button>
                </div>
              ) : null}
              <Card size="small" title={<h2 className="card-heading">{t('resolutions.text')}</h2>}>
                <Typography.Paragraph className="pre-text">{r.text}</Typography.Paragraph>
                <Typography.Text type="secondary">
                  {t('resolutions.passedIn', { day: f.digits(r.passedOn), council: r.councilName })} · <Link to={`/councils/meetings/${r.meetingId}`}>{t('resolutions.openMeeting')}</Link>
                </Typography.Text>
              </Card>
              <Card size="small" title={<h2 className="card-heading">{t('resolutions.authorization')}</h2>}>
                <Authorization r={r} />
                <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('resolutions.spendingCounts', { approved: f.count(r.spending.approvedCount), paid: f.count(r.spending.paidCount) })}{' '}
                  <Link to={`/spending?resolutionId=${r.id}`}>{t('resolutions.openSpending')}</Link>
                </Typography.Paragraph>
              </Card>
              <Card size="small" title={<h2 className="card-heading">{t('delegations.title')}</h2>}>
                <DelegationsTable items={r.delegations} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" title={<h2 className="card-heading">{t('resolutions.history')}</h2>}>
              <Timeline
                data-testid="resolution-history"
                items={r.history.map((v) => ({
                  key: v.id,
                  color: v.id === r.id ? 'green' : 'gray',
                  content: (
                    <div>
                      {v.id === r.id ? <strong>{t('resolutions.numbered', { number: f.digits(v.number) })}</strong> : <Link to={`/councils/resolutions/${v.id}`}>{t('resolutions.numbered', { number: f.digits(v.number) })}</Link>}{' '}
                      <ResolutionStatusTag status={v.status} />
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(`resolutions.kinds.${v.kind}`)} · {f.digits(v.passedOn)}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      {can('councils.manage') ? (
        <ResolutionDialog
          mode={mode}
          onClose={() => setMode(null)}
          onDone={(next) => {
            setMode(null);
            void message.success(t('resolutions.passed', { number: f.digits(next.number) }));
            void navigate(`/councils/resolutions/${next.id}`);
          }}
        />
      ) : null}
    </GovPage>
  );
}
