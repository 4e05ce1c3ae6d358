// One donor: profile with masked identifiers (revealed on request, in this view only), address,
// relationships, and tabs for contributions, the record's change history and its merge history.
// A merged record says so and links to the record that survived.
import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { DonorTypeTag } from './donor-columns';
import { KeyboardScroll } from './KeyboardScroll';
import { DonorGifts } from './DonorGifts';
import { DonorHistory, MergeHistory } from './DonorHistory';
import { AddressCard, ProfileCard, RelationsCard } from './DonorProfile';
import type { Donor, Revealed } from './types';
import './donors.css';

export default function DonorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const donor = useAsync((signal) => unwrap(api.GET('/api/donors/{id}', { params: { path: { id } }, signal })), [id]);
  return (
    <KeyboardScroll>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/donors">{t('donors.nav.list')}</Link> }, { title: donor.data?.displayName ?? t('donors.nav.detail') }]}
      />
      {donor.error ? <ErrorAlert error={donor.error} onRetry={donor.reload} /> : null}
      {donor.data && donor.data.id === id ? <DonorView key={donor.data.id} donor={donor.data} /> : donor.error ? null : <Skeleton active />}
    </KeyboardScroll>
  );
}

function DonorView({ donor }: { donor: Donor }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const survivor = useAsync(
    (signal) => (donor.mergedIntoId ? unwrap(api.GET('/api/donors/{id}', { params: { path: { id: donor.mergedIntoId } }, signal })) : Promise.resolve(null)),
    [donor.mergedIntoId],
  );
  useEffect(() => setRevealed(null), [donor.id]);

  async function reveal() {
    setRevealing(true);
    try {
      setRevealed(await unwrap(api.POST('/api/donors/{id}/reveal', { params: { path: { id: donor.id } } })));
      void message.success(t('donors.detail.revealed'));
      setHistoryVersion((v) => v + 1);
    } catch (error) {
      showError(error);
    } finally {
      setRevealing(false);
    }
  }

  const tabs = [
    { key: 'gifts', label: t('donors.detail.gifts'), children: can('contributions.read') ? <DonorGifts donorId={donor.id} /> : <Typography.Text type="secondary">{t('donors.detail.giftsNoAccess')}</Typography.Text> },
    { key: 'history', label: t('donors.detail.history'), children: <DonorHistory donorId={donor.id} version={historyVersion} /> },
    {
      key: 'merges',
      label: `${t('donors.detail.mergeHistory')}${donor.mergeHistory.length ? ` (${f.digits(donor.mergeHistory.length)})` : ''}`,
      children: <MergeHistory merges={donor.mergeHistory} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="donor-head">
        <Typography.Title level={1} style={{ fontSize: 22 }} data-testid="donor-name">
          {donor.displayName}
        </Typography.Title>
        <DonorTypeTag type={donor.type} t={t} />
        {donor.status === 'merged' ? <Tag color="purple">{t('donors.status.merged')}</Tag> : null}
        <div className="spacer" />
        {donor.can.edit && donor.status === 'active' ? (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => void navigate(`/donors/${donor.id}/edit`)} data-testid="donor-edit">
            {t('donors.detail.edit')}
          </Button>
        ) : null}
      </div>
      {donor.status === 'merged' && donor.mergedIntoId ? (
        <Alert
          type="warning"
          showIcon
          data-testid="donor-merged"
          title={t('donors.detail.merged', { name: survivor.data?.displayName ?? '…' })}
          action={<Link to={`/donors/${donor.mergedIntoId}`}>{t('donors.detail.mergedOpen')}</Link>}
        />
      ) : null}
      <ProfileCard donor={donor} revealed={revealed} revealing={revealing} onReveal={() => void reveal()} onHide={() => setRevealed(null)} />
      <AddressCard donor={donor} />
      <RelationsCard donor={donor} revealed={revealed} />
      <Card size="small">
        <Tabs items={tabs} activeKey={params.get('tab') ?? 'gifts'} onChange={(tab) => setParams(tab === 'gifts' ? {} : { tab }, { replace: true })} />
      </Card>
    </Space>
  );
}
