// antd Table over one page of a server list: the server does the paging (page, pageSize), the
// table only shows what came back. Page numbers and totals in the user's digits.
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../api/types';
import { PAGE_SIZES } from '../lib/url-filters';
import { useFormat } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';

export interface ServerTableProps<T> extends Omit<TableProps<T>, 'pagination' | 'dataSource' | 'loading' | 'onChange'> {
  data: Paged<T> | undefined;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

export function ServerTable<T extends object>({
  data,
  loading,
  error,
  onRetry,
  page,
  pageSize,
  onPageChange,
  ...table
}: ServerTableProps<T>) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : null}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        {...table}
        loading={loading}
        dataSource={data?.items ?? []}
        // antd greys the empty text below 4.5:1 contrast; a span of our own keeps it readable
        locale={{ emptyText: <span className="table-empty">{t('common.noData')}</span> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: {
            'aria-label': t('common.pageSize'),
            options: PAGE_SIZES.map((n) => ({ value: n, label: t('common.perPage', { n: f.digits(n) }) })),
          },
          showTotal: (total) => t('common.total', { n: f.count(total) }),
          itemRender: (n, type, original) => (type === 'page' ? <a aria-label={t('common.page', { page: f.digits(n) })}>{f.digits(n)}</a> : original),
          onChange: onPageChange,
          responsive: true,
        }}
      />
    </>
  );
}
