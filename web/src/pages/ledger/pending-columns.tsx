import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { PendingPassDown } from '../../api/types';
import { Money } from '../../components/Money';
import type { Formatter } from '../../lib/format';
import { fundKindColor, TAG_COLORS } from '../../lib/tag-colors';

/** Money a province has held for a county longer than this stands out (a month of the seeds' monthly cycle). */
export const OLD_AFTER_DAYS = 30;

export const rowKey = (row: PendingPassDown) => `${row.countyUnitId}:${row.fundId}`;

export function pendingColumns(t: TFunction, f: Formatter): TableColumnsType<PendingPassDown> {
  return [
    { key: 'county', title: t('ledger.county'), render: (_, row) => row.countyName },
    {
      key: 'fund',
      title: t('ledger.fund'),
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={fundKindColor(row.fundKind)}>{t(`fundKinds.${row.fundKind}`)}</Tag>
          {row.fundName}
        </Space>
      ),
    },
    { key: 'unit', title: t('ledger.unit'), render: (_, row) => row.fundUnitName },
    { key: 'held', title: t('ledger.heldAmount'), align: 'end', render: (_, row) => <Money rials={row.heldRials} /> },
    {
      key: 'since',
      title: t('ledger.since'),
      render: (_, row) =>
        row.since ? (
          <Space size={4} wrap>
            <span>{f.date(row.since)}</span>
            <Tag color={(row.heldDays ?? 0) > OLD_AFTER_DAYS ? TAG_COLORS.warning : undefined}>{t('ledger.days', { n: f.count(row.heldDays ?? 0) })}</Tag>
            {(row.heldDays ?? 0) > OLD_AFTER_DAYS ? <Tag color={TAG_COLORS.bad}>{t('ledger.old', { n: f.count(OLD_AFTER_DAYS) })}</Tag> : null}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
}
