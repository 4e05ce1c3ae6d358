// Contributions in the caller's scope: a server-paged table filtered from the URL, Excel export of
// exactly what is on screen, and a drawer with the receipt, print / PDF and reversal for each row.
import { useState } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Contribution } from '../../api/types';
import { useAuth } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { ServerTable } from '../../components/ServerTable';
import { useCatalogues } from '../../lib/catalogues';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { contributionColumns, contributionExportColumns } from './contribution-columns';
import { ContributionDrawer } from './ContributionDrawer';
import { ContributionFilterFields, FILTER_KEYS, LIST_DEFAULTS, listQuery } from './ContributionFilters';

export default function ContributionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useAuth();
  const labels = useCatalogues();
  const [filters, setFilters] = useUrlFilters(LIST_DEFAULTS);
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const query = listQuery(filters);
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/contributions', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize, version],
  );
  const open = (c: Contribution) => setOpenId(c.id);

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('contributions.listTitle')}
      </Typography.Title>
      <FilterBar
        activeCount={FILTER_KEYS.filter((key) => filters[key] !== LIST_DEFAULTS[key]).length}
        onReset={() => setFilters(Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])))}
        actions={
          <>
            <ExportButton<Contribution>
              fileName="contributions"
              sheetName={t('contributions.listTitle')}
              columns={contributionExportColumns(t, f, labels)}
              fetchPage={(page, pageSize) => unwrap(api.GET('/api/contributions', { params: { query: { ...query, page, pageSize } } }))}
            />
            {can('contributions.record') ? (
              <Link to="/contributions/new">
                <Button type="primary" icon={<PlusOutlined aria-hidden />} tabIndex={-1}>
                  {t('nav.contributionsNew')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      >
        <ContributionFilterFields filters={filters} setFilters={setFilters} labels={labels} />
      </FilterBar>
      <ServerTable<Contribution>
        rowKey="id"
        columns={contributionColumns(t, f, labels, open)}
        onRow={(c) => ({ onClick: (event) => !(event.target as HTMLElement).closest('button, a') && open(c), className: 'row-clickable' })}
        data={list.data}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
      />
      {openId ? <ContributionDrawer id={openId} labels={labels} onClose={() => setOpenId(null)} onChanged={() => setVersion((v) => v + 1)} /> : null}
    </>
  );
}
