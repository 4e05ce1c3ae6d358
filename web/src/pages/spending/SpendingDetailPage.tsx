// One spending request: what is asked and for whom, which rules allow or block it, the actions the
// caller may take (and why not the others), its status history and its supporting documents.
import { useEffect, useState } from 'react';
import { Breadcrumb, Card, Col, Descriptions, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useCatalogues } from './catalogues';
import { DocumentsCard } from './DocumentsCard';
import { EventsTimeline } from './EventsTimeline';
import { RulesPanel } from './RulesPanel';
import { fundText } from './spending-columns';
import { SpendingActions } from './SpendingActions';
import { AuthorityText, SpendingStatusTag } from './StatusTag';
import type { SpendingDetail } from './types';
import { GovPage } from './GovPage';

function Facts({ detail }: { detail: SpendingDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { purposeLabel, targetGroupLabel } = useCatalogues();
  const r = detail.request;
  const open = r.requiredApprovals.filter((slot) => !r.approvals.some((a) => a.slot === slot));
  return (
    <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={t('spending.fields.amount')}>
        <Money rials={r.amountRials} />
      </Descriptions.Item>
      <Descriptions.Item label={t('spending.fields.unit')}>{r.unit.name}</Descriptions.Item>
      <Descriptions.Item label={t('spending.fields.fund')}>{fundText(r, t)}</Descriptions.Item>
      <Descriptions.Item label={t('spending.fields.purpose')}>{purposeLabel(r.purposeCode)}</Descriptions.Item>
      {r.targetGroupCode ? <Descriptions.Item label={t('spending.fields.targetGroup')}>{targetGroupLabel(r.targetGroupCode)}</Descriptions.Item> : null}
      {r.project ? <Descriptions.Item label={t('spending.fields.project')}>{r.project}</Descriptions.Item> : null}
      <Descriptions.Item label={t('spending.fields.payee')}>
        {r.payee.name}
        <div className="sheba">
          <bdi dir="ltr">{r.payee.sheba}</bdi>
        </div>
        {r.payee.bankName ? <div>{r.payee.bankName}</div> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('spending.fields.authority')}>
        <AuthorityText authority={r.authority} />
        {r.resolution ? (
          <>
            {' — '}
            <Link to={`/councils/resolutions/${r.resolution.id}`}>{t('spending.fields.resolutionNo', { number: f.digits(r.resolution.number) })}</Link>
          </>
        ) : null}
        {r.delegation ? ` — ${t('spending.fields.delegationTo', { name: r.delegation.delegate.name, number: f.digits(r.delegation.resolutionNumber) })}` : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('spending.fields.requestedBy')}>
        {r.requestedBy.name} · {f.dateTime(r.createdAt)}
      </Descriptions.Item>
      {r.orderedBy ? <Descriptions.Item label={t('spending.fields.orderedBy')}>{r.orderedBy.name} · {f.dateTime(r.orderedAt)}</Descriptions.Item> : null}
      <Descriptions.Item label={t('spending.fields.approvals')}>
        {r.approvals.length === 0 && open.length === 0 ? '—' : null}
        {r.approvals.map((a) => (
          <div key={a.slot}>
            ✓ {t(`spending.slots.${a.slot}`)}: {a.by.name} · {f.dateTime(a.at)}
          </div>
        ))}
        {r.status === 'submitted' || r.status === 'ordered'
          ? open.map((slot) => (
              <div key={slot}>
                … {t(`spending.slots.${slot}`)}: {t('spending.fields.awaiting')}
              </div>
            ))
          : null}
      </Descriptions.Item>
      {r.approvalExpiresAt && r.status === 'approved' ? <Descriptions.Item label={t('spending.fields.approvalExpiresAt')}>{f.date(r.approvalExpiresAt)}</Descriptions.Item> : null}
      {r.paidAt ? (
        <Descriptions.Item label={t('spending.fields.paidOn')}>
          {f.date(r.paidAt)} · {t('spending.fields.paymentDocumentNo')}: <bdi dir="ltr">{r.paymentDocumentNo}</bdi>
        </Descriptions.Item>
      ) : null}
      {r.beneficiaries || r.beneficiaryCount ? (
        <Descriptions.Item label={t('spending.fields.beneficiaries')}>
          {r.beneficiaries}
          {r.beneficiaryCount ? ` (${t('spending.fields.people', { n: f.count(r.beneficiaryCount) })})` : ''}
        </Descriptions.Item>
      ) : null}
      {r.description ? (
        <Descriptions.Item label={t('spending.fields.description')} span="filled">
          <span className="pre-text">{r.description}</span>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

export default function SpendingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const loaded = useAsync((signal) => unwrap(api.GET('/api/spending-requests/{id}', { params: { path: { id } }, signal })), [id]);
  const [detail, setDetail] = useState<SpendingDetail>();
  useEffect(() => {
    setDetail(loaded.data);
  }, [loaded.data]);
  const d = detail?.request.id === id ? detail : undefined;

  return (
    <GovPage>
      <nav aria-label={t('spending.detail.breadcrumb')}>
        <Breadcrumb items={[{ key: 'list', title: <Link to="/spending">{t('spending.list.title')}</Link> }, { key: 'this', title: d?.request.title ?? '…' }]} />
      </nav>
      <div className="page-head">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          {d?.request.title ?? t('spending.detail.title')}
        </Typography.Title>
        {d ? <SpendingStatusTag status={d.request.status} /> : null}
      </div>
      {loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!d && !loaded.error ? <Skeleton active /> : null}
      {d ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <SpendingActions detail={d} onDone={setDetail} />
              <Card size="small" title={<h2 className="card-heading">{t('spending.detail.facts')}</h2>}>
                <Facts detail={d} />
              </Card>
              <RulesPanel rules={d.rules} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <EventsTimeline events={d.events} />
              <DocumentsCard requestId={d.request.id} documents={d.documents} onChanged={loaded.reload} />
            </Space>
          </Col>
        </Row>
      ) : null}
    </GovPage>
  );
}
