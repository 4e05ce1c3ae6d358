import { Button, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Contribution } from '../../api/types';
import type { ExportColumn } from '../../components/ExportButton';
import { Money } from '../../components/Money';
import type { CatalogueLabels } from '../../lib/catalogues';
import type { Formatter } from '../../lib/format';
import { fundKindColor, TAG_COLORS } from '../../lib/tag-colors';

export function StatusTag({ status, t }: { status: Contribution['status']; t: TFunction }) {
  return <Tag color={status === 'posted' ? TAG_COLORS.ok : TAG_COLORS.bad}>{t(`contributions.${status}`)}</Tag>;
}

export function FundLabel({ c, t, labels }: { c: Contribution; t: TFunction; labels: CatalogueLabels }) {
  const intent = c.fund.kind === 'specific' ? [labels.purpose(c.fund.purposeCode), labels.targetGroup(c.fund.targetGroupCode)].filter(Boolean).join(' — ') : '';
  return (
    <span className="fund-label">
      <Tag color={fundKindColor(c.fund.kind)}>{t(`fundKinds.${c.fund.kind}`)}</Tag>
      <span>{intent || c.fund.name}</span>
    </span>
  );
}

export function contributionColumns(t: TFunction, f: Formatter, labels: CatalogueLabels, open: (c: Contribution) => void): TableColumnsType<Contribution> {
  return [
    { key: 'receivedAt', title: t('contributions.date'), render: (_, c) => f.date(c.receivedAt) },
    {
      key: 'receiptNo',
      title: t('contributions.receiptNo'),
      render: (_, c) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(c)} aria-label={t('contributions.openDetail', { no: f.digits(c.receiptNo) })} data-testid="contribution-open">
          <bdi dir="ltr">{f.digits(c.receiptNo)}</bdi>
        </Button>
      ),
    },
    { key: 'unit', title: t('contributions.unit'), responsive: ['md'], render: (_, c) => c.unit.name },
    { key: 'amount', title: t('contributions.amount'), align: 'end', render: (_, c) => <Money rials={c.amountRials} /> },
    { key: 'fund', title: t('contributions.fund'), responsive: ['sm'], render: (_, c) => <FundLabel c={c} t={t} labels={labels} /> },
    { key: 'channel', title: t('contributions.channel'), responsive: ['md'], render: (_, c) => t(`channels.${c.channel}`) },
    { key: 'channelRef', title: t('contributions.channelRef'), responsive: ['lg'], render: (_, c) => (c.channelRef ? <bdi dir="ltr">{f.digits(c.channelRef)}</bdi> : '—') },
    { key: 'status', title: t('contributions.status'), render: (_, c) => <StatusTag status={c.status} t={t} /> },
  ];
}

export function contributionExportColumns(t: TFunction, f: Formatter, labels: CatalogueLabels): ExportColumn<Contribution>[] {
  return [
    { header: t('contributions.date'), value: (c) => f.date(c.receivedAt), width: 14 },
    { header: t('contributions.receiptNo'), value: (c) => c.receiptNo, width: 18 },
    { header: t('contributions.unit'), value: (c) => c.unit.name, width: 24 },
    // exact rials as a string: a spreadsheet number would round beyond 15 digits
    { header: t('contributions.amountRials'), value: (c) => c.amountRials, width: 18 },
    { header: t('contributions.amount'), value: (c) => f.toman(BigInt(c.amountRials)), width: 22 },
    { header: t('contributions.fundKind'), value: (c) => t(`fundKinds.${c.fund.kind}`), width: 10 },
    { header: t('contributions.purpose'), value: (c) => (c.fund.kind === 'specific' ? labels.purpose(c.fund.purposeCode) : ''), width: 24 },
    { header: t('contributions.targetGroup'), value: (c) => labels.targetGroup(c.fund.targetGroupCode), width: 20 },
    { header: t('contributions.channel'), value: (c) => t(`channels.${c.channel}`), width: 16 },
    { header: t('contributions.channelRef'), value: (c) => c.channelRef ?? '', width: 20 },
    { header: t('contributions.status'), value: (c) => t(`contributions.${c.status}`), width: 12 },
    { header: t('contributions.recordedBy'), value: (c) => c.recordedBy ?? '', width: 16 },
  ];
}
