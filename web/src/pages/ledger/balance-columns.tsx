import { Button, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Balances } from '../../api/types';
import { Money } from '../../components/Money';
import type { Formatter } from '../../lib/format';
import { fundKindColor } from '../../lib/tag-colors';

export type UnitRow = Balances['byUnit'][number];
export type FundRow = Balances['funds'][number];
export type CustodyRow = Balances['custody'][number];

export const statementPath = (accountId: string) => `/ledger/statement?account=${accountId}`;

const money = (rials: string) => <Money rials={rials} />;

export function unitColumns(t: TFunction, currentUnitId: string, drill: (row: UnitRow) => void): TableColumnsType<UnitRow> {
  return [
    {
      key: 'unit',
      title: t('ledger.unit'),
      render: (_, row) =>
        row.unitId === currentUnitId ? (
          row.unitName
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill(row)} aria-label={t('ledger.drillDown', { unit: row.unitName })} data-testid="balance-drill">
            {row.unitName}
          </Button>
        ),
    },
    { key: 'kind', title: t('ledger.kind'), render: (_, row) => t(`kinds.${row.unitKind}`, { defaultValue: row.unitKind }) },
    { key: 'general', title: t('ledger.general'), align: 'end', render: (_, row) => money(row.generalRials) },
    { key: 'specific', title: t('ledger.specific'), align: 'end', render: (_, row) => money(row.specificRials) },
    { key: 'total', title: t('ledger.total'), align: 'end', render: (_, row) => <strong>{money(row.totalRials)}</strong> },
  ];
}

export function fundColumns(t: TFunction): TableColumnsType<FundRow> {
  return [
    {
      key: 'fund',
      title: t('ledger.fund'),
      render: (_, row) => (
        <Link to={statementPath(row.fundId)} aria-label={t('ledger.statementOf', { name: row.name })} className="fund-label">
          {row.name}
        </Link>
      ),
    },
    { key: 'kind', title: t('ledger.kind'), render: (_, row) => <Tag color={fundKindColor(row.kind)}>{t(`fundKinds.${row.kind}`)}</Tag> },
    { key: 'unit', title: t('ledger.unit'), render: (_, row) => row.unitName },
    { key: 'balance', title: t('ledger.balance'), align: 'end', render: (_, row) => money(row.balanceRials) },
    { key: 'held', title: t('ledger.held'), align: 'end', render: (_, row) => money(row.heldRials) },
    { key: 'available', title: t('ledger.available'), align: 'end', render: (_, row) => <strong>{money(row.availableRials)}</strong> },
  ];
}

export function custodyColumns(t: TFunction, f: Formatter): TableColumnsType<CustodyRow> {
  return [
    {
      key: 'name',
      title: t('ledger.account'),
      render: (_, row) => (
        <Link to={statementPath(row.accountId)} aria-label={t('ledger.statementFor', { name: row.name, unit: row.unitName })}>
          {row.name}
        </Link>
      ),
    },
    { key: 'kind', title: t('ledger.kind'), render: (_, row) => t(`custodyKinds.${row.kind}`, { defaultValue: row.kind }) },
    { key: 'unit', title: t('ledger.unit'), render: (_, row) => row.unitName },
    { key: 'bank', title: t('ledger.bank'), render: (_, row) => (row.bankName || row.sheba ? <bdi dir="ltr">{[row.bankName, row.sheba ? f.digits(row.sheba) : null].filter(Boolean).join(' · ')}</bdi> : '—') },
    { key: 'balance', title: t('ledger.balance'), align: 'end', render: (_, row) => <strong>{money(row.balanceRials)}</strong> },
  ];
}
