import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ExportColumn } from '../../components/ExportButton';
import { Money } from '../../components/Money';
import type { Formatter } from '../../lib/format';
import { AuthorityText, SpendingStatusTag } from './StatusTag';
import type { SpendingRequest } from './types';

type Label = (code: string | null | undefined) => string;

export function fundText(request: SpendingRequest, t: TFunction): string {
  return request.fund.kind === 'general' ? t('spending.fundKind.general') : `${t('spending.fundKind.specific')}: ${request.fund.name}`;
}

export function spendingColumns(t: TFunction, f: Formatter, purposeLabel: Label): TableColumnsType<SpendingRequest> {
  return [
    {
      key: 'title',
      title: t('spending.fields.title'),
      render: (_, r) => (
        <Link to={`/spending/${r.id}`} data-testid="spending-link">
          {r.title}
        </Link>
      ),
    },
    { key: 'amount', title: t('spending.fields.amount'), align: 'end', render: (_, r) => <Money rials={r.amountRials} /> },
    { key: 'status', title: t('spending.fields.status'), render: (_, r) => <SpendingStatusTag status={r.status} /> },
    { key: 'unit', title: t('spending.fields.unit'), render: (_, r) => r.unit.name },
    { key: 'fund', title: t('spending.fields.fund'), render: (_, r) => fundText(r, t) },
    { key: 'purpose', title: t('spending.fields.purpose'), render: (_, r) => purposeLabel(r.purposeCode) },
    { key: 'authority', title: t('spending.fields.authority'), render: (_, r) => <AuthorityText authority={r.authority} /> },
    { key: 'requestedBy', title: t('spending.fields.requestedBy'), render: (_, r) => r.requestedBy.name },
    { key: 'createdAt', title: t('spending.fields.createdAt'), render: (_, r) => f.date(r.createdAt) },
  ];
}

export function spendingExportColumns(t: TFunction, f: Formatter, purposeLabel: Label): ExportColumn<SpendingRequest>[] {
  return [
    { header: t('spending.fields.title'), value: (r) => r.title, width: 36 },
    { header: t('spending.fields.amountRials'), value: (r) => r.amountRials, width: 18 },
    { header: t('spending.fields.status'), value: (r) => t(`spending.status.${r.status}`), width: 14 },
    { header: t('spending.fields.unit'), value: (r) => r.unit.name, width: 22 },
    { header: t('spending.fields.fund'), value: (r) => fundText(r, t), width: 28 },
    { header: t('spending.fields.purpose'), value: (r) => purposeLabel(r.purposeCode), width: 22 },
    { header: t('spending.fields.authority'), value: (r) => (r.authority ? t(`spending.authority.${r.authority}`) : ''), width: 16 },
    { header: t('spending.fields.payee'), value: (r) => r.payee.name, width: 24 },
    { header: t('spending.fields.requestedBy'), value: (r) => r.requestedBy.name, width: 22 },
    { header: t('spending.fields.createdAt'), value: (r) => f.date(r.createdAt), width: 14 },
    { header: t('spending.fields.paymentDocumentNo'), value: (r) => r.paymentDocumentNo ?? '', width: 16 },
  ];
}
