import { Tag } from 'antd';
import { Link } from 'react-router';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { OrgUnit } from '../../api/types';
import type { ExportColumn } from '../../components/ExportButton';
import type { Formatter } from '../../lib/format';

export function StatusTag({ status, t }: { status: string; t: TFunction }) {
  // Solid dark colours: antd's light preset tags fall short of 4.5:1 contrast.
  const color = status === 'active' ? '#0a6b4d' : status === 'disabled' ? '#a8071a' : undefined;
  return <Tag color={color}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}

/** `hrefOf(id)` is this page's URL with ?unit=id: a real link, so it works with the keyboard, new tabs and history. */
export function orgColumns(t: TFunction, f: Formatter, hrefOf: (id: string) => string): TableColumnsType<OrgUnit> {
  return [
    {
      key: 'name',
      title: t('org.name'),
      render: (_, unit) => (
        <Link to={hrefOf(unit.id)} data-testid="org-unit-link">
          {unit.name}
        </Link>
      ),
    },
    { key: 'kind', title: t('org.kind'), render: (_, unit) => t(`kinds.${unit.kind}`) },
    { key: 'code', title: t('org.code'), render: (_, unit) => <bdi>{f.digits(unit.code)}</bdi> },
    { key: 'amarCode', title: t('org.amarCode'), render: (_, unit) => (unit.amarCode ? f.digits(unit.amarCode) : '—') },
    { key: 'childCount', title: t('org.childCount'), render: (_, unit) => f.count(unit.childCount) },
    { key: 'status', title: t('org.status'), render: (_, unit) => <StatusTag status={unit.status} t={t} /> },
    { key: 'createdAt', title: t('org.createdAt'), render: (_, unit) => f.date(unit.createdAt) },
  ];
}

export function orgExportColumns(t: TFunction, f: Formatter): ExportColumn<OrgUnit>[] {
  return [
    { header: t('org.name'), value: (unit) => unit.name, width: 32 },
    { header: t('org.kind'), value: (unit) => t(`kinds.${unit.kind}`), width: 14 },
    { header: t('org.code'), value: (unit) => unit.code, width: 14 },
    { header: t('org.amarCode'), value: (unit) => unit.amarCode, width: 16 },
    { header: t('org.childCount'), value: (unit) => unit.childCount, width: 12 },
    { header: t('org.status'), value: (unit) => t(`status.${unit.status}`), width: 12 },
    { header: t('org.createdAt'), value: (unit) => f.date(unit.createdAt), width: 16 },
    { header: t('org.retiredAt'), value: (unit) => (unit.retiredAt ? f.date(unit.retiredAt) : ''), width: 16 },
  ];
}
