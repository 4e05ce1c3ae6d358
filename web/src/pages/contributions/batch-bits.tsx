// Pieces of the receipt-book page: the count / total against the cover, the stub table, and the
// books opened in this browser (the API has no list of batches, so the page remembers its own).
import { Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, WarningOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { ContributionBatch } from '../../api/types';
import { Money } from '../../components/Money';
import type { CatalogueLabels } from '../../lib/catalogues';
import { ltr, type Formatter } from '../../lib/format';
import { fundKindColor } from '../../lib/tag-colors';

export type Stub = ContributionBatch['items'][number];

/** How the stubs typed so far compare with the cover of the book. */
export function batchBalance(batch: ContributionBatch) {
  const countDiff = batch.itemCount - batch.expectedCount;
  const totalDiff = BigInt(batch.itemTotalRials) - BigInt(batch.expectedTotalRials);
  return { countDiff, totalDiff, matches: countDiff === 0 && totalDiff === 0n };
}

export function MismatchIndicator({ batch, t, f }: { batch: ContributionBatch; t: TFunction; f: Formatter }) {
  const { countDiff, totalDiff, matches } = batchBalance(batch);
  if (matches) {
    return (
      <span className="match" data-testid="batch-balance" role="status">
        <CheckCircleOutlined aria-hidden /> {t('batches.matches')}
      </span>
    );
  }
  const parts = [
    countDiff < 0 ? t('batches.countMissing', { n: f.count(-countDiff) }) : null,
    countDiff > 0 ? t('batches.countExtra', { n: f.count(countDiff) }) : null,
    totalDiff !== 0n ? t('batches.totalDiff', { amount: f.toman(totalDiff < 0n ? -totalDiff : totalDiff) }) : null,
  ].filter(Boolean);
  return (
    <span className="mismatch" data-testid="batch-balance" role="status">
      <WarningOutlined aria-hidden /> {t('batches.mismatch')}: {parts.join('، ')}
    </span>
  );
}

const read = (stub: Stub, key: string) => {
  const value = stub.input[key];
  return typeof value === 'string' ? value : '';
};

export function stubColumns(t: TFunction, f: Formatter, labels: CatalogueLabels, canRemove: boolean, remove: (stub: Stub) => void): TableColumnsType<Stub> {
  const columns: TableColumnsType<Stub> = [
    { key: 'n', title: t('batches.stubNo'), width: 56, render: (_, _stub, index) => f.digits(index + 1) },
    { key: 'amount', title: t('contributions.amount'), render: (_, stub) => <Money rials={stub.amountRials} /> },
    {
      key: 'fund',
      title: t('contributions.fundKind'),
      render: (_, stub) => (
        <span>
          <Tag color={fundKindColor(read(stub, 'fundKind'))}>{t(`fundKinds.${read(stub, 'fundKind') || 'general'}`)}</Tag>
          {[labels.purpose(read(stub, 'purposeCode')), labels.targetGroup(read(stub, 'targetGroupCode'))].filter(Boolean).join(' — ')}
        </span>
      ),
    },
    { key: 'channel', title: t('contributions.channel'), render: (_, stub) => [t(`channels.${read(stub, 'channel') || 'other'}`), f.digits(read(stub, 'channelRef'))].filter(Boolean).join(' — ') },
    { key: 'date', title: t('contributions.receivedOn'), render: (_, stub) => f.digits(read(stub, 'receivedOn')) },
  ];
  if (canRemove) {
    columns.push({
      key: 'remove',
      title: t('common.actions'),
      render: (_, stub, index) => (
        <Popconfirm title={`${t('batches.removeStub', { n: f.digits(index + 1) })}?`} okText={t('common.remove')} cancelText={t('common.cancel')} onConfirm={() => remove(stub)}>
          <Button size="small" icon={<DeleteOutlined aria-hidden />} aria-label={t('batches.removeStub', { n: f.digits(index + 1) })} />
        </Popconfirm>
      ),
    });
  }
  return columns;
}

export interface RecentBatch {
  id: string;
  bookNo: string;
  createdAt: string;
}

const storageKey = (userId: string) => `msk.batches.${userId}`;

export function recentBatches(userId: string): RecentBatch[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(value) ? (value as RecentBatch[]).filter((b) => typeof b?.id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberBatch(userId: string, batch: RecentBatch): void {
  try {
    const list = [batch, ...recentBatches(userId).filter((b) => b.id !== batch.id)].slice(0, 10);
    localStorage.setItem(storageKey(userId), JSON.stringify(list));
  } catch {
    // storage unavailable: the book can still be reached by its link
  }
}

export function RecentBatches({ items, open, t, f }: { items: RecentBatch[]; open: (id: string) => void; t: TFunction; f: Formatter }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="recent-batches">
      <h2 id="recent-batches" style={{ fontSize: 16 }}>
        {t('batches.recent')}
      </h2>
      <Space wrap>
        {items.map((b) => (
          <Button key={b.id} onClick={() => open(b.id)}>
            {t('batches.book', { no: ltr(f.digits(b.bookNo)) })} — {f.date(b.createdAt)}
          </Button>
        ))}
      </Space>
    </section>
  );
}
