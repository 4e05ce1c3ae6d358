// A donor's contributions (GET /api/contributions?donorId=), paged on the server.
import { useState } from 'react';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Contribution } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { useCatalogues } from '../../lib/catalogues';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';

const PAGE_SIZE = 10;

export function DonorGifts({ donorId }: { donorId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useCatalogues();
  const [page, setPage] = useState(1);
  const gifts = useAsync(
    (signal) => unwrap(api.GET('/api/contributions', { params: { query: { donorId, page, pageSize: PAGE_SIZE } }, signal })),
    [donorId, page],
  );
  return (
    <>
      <ErrorAlert error={gifts.error} onRetry={gifts.reload} />
      <Table<Contribution>
        className="donor-table"
        size="small"
        rowKey="id"
        loading={gifts.loading}
        dataSource={gifts.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('donors.detail.noGifts') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: gifts.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: f.count(n) }) }}
        data-testid="donor-gifts"
        columns={[
          { key: 'receiptNo', title: t('donors.gifts.receiptNo'), render: (_, c) => <bdi dir="ltr">{f.digits(c.receiptNo)}</bdi> },
          { key: 'date', title: t('donors.gifts.date'), render: (_, c) => f.date(c.receivedAt) },
          { key: 'amount', title: t('donors.gifts.amount'), render: (_, c) => <Money rials={c.amountRials} /> },
          { key: 'fund', title: t('donors.gifts.fund'), render: (_, c) => `${t(`fundKinds.${c.fund.kind}`)} · ${labels.purpose(c.fund.purposeCode)}` },
          { key: 'channel', title: t('donors.gifts.channel'), render: (_, c) => t(`channels.${c.channel}`) },
          { key: 'unit', title: t('donors.gifts.unit'), render: (_, c) => c.unit.name },
          {
            key: 'status',
            title: t('donors.gifts.status'),
            render: (_, c) => <Tag color={c.status === 'posted' ? 'green' : 'red'}>{t(`contributions.${c.status}`)}</Tag>,
          },
        ]}
      />
    </>
  );
}
