// Possible duplicates among the donors of the working unit's subtree (same mobile, or a very similar
// name in the same county or unit), paged on the server; each pair opens the side-by-side comparison.
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useWorkingUnit } from '../../app/working-unit';
import { ServerTable } from '../../components/ServerTable';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import { Code, DonorTypeTag } from './donor-columns';
import type { DonorListItem, DuplicatePair } from './types';
import { KeyboardScroll } from './KeyboardScroll';
import './donors.css';

const DEFAULTS = { page: 1, pageSize: DEFAULT_PAGE_SIZE };

function DonorCell({ donor }: { donor: DonorListItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Space orientation="vertical" size={0}>
      <Space size={6}>
        <Link to={`/donors/${donor.id}`}>{donor.displayName}</Link>
        <DonorTypeTag type={donor.type} t={t} />
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Code value={donor.nationalCode ?? donor.legalId} f={f} /> · <Code value={donor.mobile} f={f} /> · {donor.unit.name}
      </Typography.Text>
    </Space>
  );
}

export default function DuplicatesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { unit } = useWorkingUnit();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const pairs = useAsync(
    (signal) => unwrap(api.GET('/api/donors/duplicates', { params: { query: { unitId: unit.id, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [unit.id, filters.page, filters.pageSize],
  );
  return (
    <KeyboardScroll>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('donors.duplicates.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('donors.duplicates.intro', { unit: unit.name })}
      </Typography.Paragraph>
      {pairs.data && pairs.data.total === 0 ? <Alert type="success" showIcon title={t('donors.duplicates.none')} style={{ marginBottom: 12 }} /> : null}
      <ServerTable<DuplicatePair>
        className="donor-table"
        rowKey={(p) => `${p.a.id}:${p.b.id}`}
        data={pairs.data}
        loading={pairs.loading}
        error={pairs.error}
        onRetry={pairs.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
        data-testid="duplicates-table"
        columns={[
          { key: 'a', title: t('donors.duplicates.a'), render: (_, p) => <DonorCell donor={p.a} /> },
          { key: 'b', title: t('donors.duplicates.b'), render: (_, p) => <DonorCell donor={p.b} /> },
          {
            key: 'reasons',
            title: t('donors.duplicates.reasons'),
            render: (_, p) => (
              <Space size={[4, 4]} wrap>
                {p.reasons.map((r) => (
                  <Tag key={r} color={r === 'same_mobile' ? 'red' : 'blue'}>
                    {t(`donors.duplicates.reason.${r}`)}
                  </Tag>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('donors.duplicates.similarity', { n: f.digits(Math.round(p.similarity * 100)) })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'compare',
            title: t('common.actions'),
            render: (_, p) => (
              <Button
                size="small"
                icon={<MergeCellsOutlined aria-hidden />}
                aria-label={t('donors.duplicates.compareLabel', { a: p.a.displayName, b: p.b.displayName })}
                onClick={() => void navigate(`/donors/merge?a=${p.a.id}&b=${p.b.id}`)}
              >
                {t('donors.duplicates.compare')}
              </Button>
            ),
          },
        ]}
      />
    </KeyboardScroll>
  );
}
