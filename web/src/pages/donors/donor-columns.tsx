import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Formatter } from '../../lib/format';
import type { DonorListItem } from './types';

/** A masked or public identifier, left to right, in the page's digits. */
export function Code({ value, f }: { value: string | null | undefined; f: Formatter }) {
  if (!value) return <>—</>;
  return (
    <bdi dir="ltr" className="donor-code">
      {f.digits(value)}
    </bdi>
  );
}

export function DonorTypeTag({ type, t }: { type: 'natural' | 'legal'; t: TFunction }) {
  return <Tag color={type === 'legal' ? 'geekblue' : 'green'}>{t(`donors.type.${type}`)}</Tag>;
}

export function donorColumns(t: TFunction, f: Formatter, categoryLabel: (code: string) => string): TableColumnsType<DonorListItem> {
  return [
    {
      key: 'name',
      title: t('donors.fields.name'),
      render: (_, d) => (
        <Link to={`/donors/${d.id}`} aria-label={t('donors.list.open', { name: d.displayName })} data-testid="donor-link">
          {d.displayName}
        </Link>
      ),
    },
    { key: 'type', title: t('donors.fields.type'), render: (_, d) => <DonorTypeTag type={d.type} t={t} /> },
    { key: 'identifier', title: t('donors.fields.identifier'), render: (_, d) => <Code value={d.nationalCode ?? d.legalId} f={f} /> },
    { key: 'mobile', title: t('donors.fields.mobile'), render: (_, d) => <Code value={d.mobile} f={f} /> },
    { key: 'county', title: t('donors.fields.county'), render: (_, d) => d.county?.name ?? '—' },
    { key: 'unit', title: t('donors.fields.unit'), render: (_, d) => d.unit.name },
    {
      key: 'labels',
      title: t('donors.fields.categories'),
      render: (_, d) =>
        d.categories.length || d.tags.length ? (
          <Space size={[4, 4]} wrap>
            {d.categories.map((c) => (
              <Tag key={`c-${c}`} color="cyan">
                {categoryLabel(c)}
              </Tag>
            ))}
            {d.tags.map((tag) => (
              <Tag key={`t-${tag}`}>{tag}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'createdAt', title: t('donors.fields.createdAt'), render: (_, d) => f.date(d.createdAt) },
  ];
}
