// What happened to a donor record (its audit rows) and which duplicates were merged into it.
import { Empty, List, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import type { DonorHistory as HistoryRow, MergeRecord } from './types';

/** The server names fields in camelCase (audit) or as columns (merge: father_name, sheba_enc). */
function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string) => {
    const name = field.replace(/_enc$/, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    return name === 'address' ? t('donors.detail.address') : t(`donors.fields.${name}`, { defaultValue: field });
  };
}

function changedFields(row: HistoryRow): string[] {
  const summary = row.summary;
  if (row.action === 'donor.update') return Object.keys(summary);
  if (row.action === 'donor.reveal' && Array.isArray(summary.fields)) return summary.fields.map(String);
  return [];
}

export function DonorHistory({ donorId, version }: { donorId: string; version: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fieldLabel = useFieldLabel();
  const history = useAsync((signal) => unwrap(api.GET('/api/donors/{id}/history', { params: { path: { id: donorId } }, signal })), [donorId, version]);
  if (history.error) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  const rows = history.data?.items ?? [];
  if (!history.loading && rows.length === 0) return <Empty description={t('donors.detail.noHistory')} />;
  return (
    <Timeline
      data-testid="donor-history"
      items={rows.map((row, index) => {
        const fields = changedFields(row);
        const other = typeof row.summary.mergedId === 'string' ? row.summary.mergedId : typeof row.summary.survivorId === 'string' ? row.summary.survivorId : null;
        return {
          key: `${row.at}-${index}`,
          color: row.action === 'donor.reveal' ? 'orange' : row.action.startsWith('donor.merge') ? 'purple' : 'blue',
          content: (
            <div>
              <strong>{t(`donors.detail.actions.${row.action.replace('.', '_')}`, { defaultValue: row.action })}</strong>
              {' — '}
              {row.actorName ?? t('donors.detail.system')}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.dateTime(row.at)}
                </Typography.Text>
              </div>
              {fields.length ? <div>{t('donors.detail.changed', { fields: fields.map(fieldLabel).join('، ') })}</div> : null}
              {other ? <Link to={`/donors/${other}`}>{t('donors.nav.detail')}</Link> : null}
            </div>
          ),
        };
      })}
    />
  );
}

export function MergeHistory({ merges }: { merges: MergeRecord[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fieldLabel = useFieldLabel();
  if (merges.length === 0) return <Empty description={t('donors.detail.noMerges')} />;
  return (
    <List
      data-testid="donor-merge-history"
      dataSource={merges}
      renderItem={(m) => {
        const moved = Object.values(m.moved).reduce((sum, n) => sum + n, 0);
        return (
          <List.Item key={m.mergedId}>
            <List.Item.Meta
              title={<Link to={`/donors/${m.mergedId}`}>{t('donors.detail.mergedInto', { name: m.mergedDisplayName })}</Link>}
              description={
                <>
                  <div>{t('donors.detail.mergedBy', { actor: m.actorName ?? t('donors.detail.system'), at: f.dateTime(m.mergedAt) })}</div>
                  {m.reason ? <div>{t('donors.detail.reason', { reason: m.reason })}</div> : null}
                  {m.filledFields.length ? <div>{t('donors.detail.filledFields', { fields: m.filledFields.map(fieldLabel).join('، ') })}</div> : null}
                  {moved ? <div>{t('donors.detail.moved', { n: f.count(moved) })}</div> : null}
                </>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
