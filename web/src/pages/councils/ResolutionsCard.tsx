// A council's resolutions with what each may still spend, and the delegations it has given.
import { Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Money } from '../../components/Money';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useCatalogues } from '../spending/catalogues';
import type { Delegation, ResolutionListItem } from './types';

const STATUS_COLORS: Record<string, string> = { in_force: '#0a6b4d', amended: '#595959', revoked: '#a8071a', revocation: '#874d00' };

export function ResolutionStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? '#595959'}>{t(`resolutions.status.${status}`, { defaultValue: status })}</Tag>;
}

export function ResolutionsCard({ councilId, version }: { councilId: string; version: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useAsync((signal) => unwrap(api.GET('/api/resolutions', { params: { query: { councilId, pageSize: 100 } }, signal })), [councilId, version]);
  const columns: TableColumnsType<ResolutionListItem> = [
    { key: 'number', title: t('resolutions.number'), render: (_, r) => <Link to={`/councils/resolutions/${r.id}`} data-testid="resolution-link">{f.digits(r.number)}</Link> },
    { key: 'status', title: t('resolutions.statusTitle'), render: (_, r) => <ResolutionStatusTag status={r.status} /> },
    { key: 'passedOn', title: t('resolutions.passedOn'), render: (_, r) => f.digits(r.passedOn) },
    { key: 'text', title: t('resolutions.text'), render: (_, r) => <span className="pre-text">{r.text.length > 120 ? `${r.text.slice(0, 120)}…` : r.text}</span> },
    { key: 'ceiling', title: t('resolutions.ceiling'), align: 'end', render: (_, r) => (r.ceilingRials ? <Money rials={r.ceilingRials} /> : '—') },
    { key: 'remaining', title: t('resolutions.remaining'), align: 'end', render: (_, r) => (r.remainingRials && r.status === 'in_force' ? <Money rials={r.remainingRials} /> : '—') },
  ];
  return (
    <Card size="small" title={<h2 className="card-heading">{t('resolutions.title')}</h2>}>
      <Table<ResolutionListItem> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('resolutions.none') }} />
    </Card>
  );
}

export function DelegationsTable({ items }: { items: Delegation[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { purposeLabel } = useCatalogues();
  const columns: TableColumnsType<Delegation> = [
    { key: 'delegate', title: t('delegations.delegate'), render: (_, d) => d.delegate.fullName },
    { key: 'resolution', title: t('delegations.resolution'), render: (_, d) => <Link to={`/councils/resolutions/${d.resolutionId}`}>{f.digits(d.resolutionNumber)}</Link> },
    { key: 'purposes', title: t('delegations.purposes'), render: (_, d) => d.purposeCodes.map(purposeLabel).join('، ') },
    { key: 'ceiling', title: t('delegations.ceiling'), align: 'end', render: (_, d) => <Money rials={d.ceilingRials} /> },
    { key: 'remaining', title: t('delegations.remaining'), align: 'end', render: (_, d) => <Money rials={d.remainingRials} /> },
    { key: 'expires', title: t('delegations.expiresOn'), render: (_, d) => f.digits(d.expiresOn) },
    { key: 'state', title: t('delegations.state'), render: (_, d) => <Tag color={d.inForceNow ? '#0a6b4d' : '#595959'}>{d.inForceNow ? t('delegations.inForce') : t('delegations.notInForce')}</Tag> },
  ];
  return <Table<Delegation> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('delegations.none') }} />;
}

export function DelegationsCard({ councilId, unitId, version }: { councilId: string; unitId: string; version: number }) {
  const { t } = useTranslation();
  const list = useAsync((signal) => unwrap(api.GET('/api/delegations', { params: { query: { unitId } }, signal })), [unitId, version]);
  const items = (list.data?.items ?? []).filter((d) => d.councilId === councilId);
  return (
    <Card size="small" title={<h2 className="card-heading">{t('delegations.title')}</h2>} loading={list.loading && !list.data}>
      <DelegationsTable items={items} />
    </Card>
  );
}
