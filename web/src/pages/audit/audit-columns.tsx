import { Descriptions, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../api/types';
import type { ExportColumn } from '../../components/ExportButton';
import type { Formatter } from '../../lib/format';
import { summaryText } from '../../lib/summary';


export function auditColumns(t: TFunction, f: Formatter): TableColumnsType<AuditEntry> {
  return [
    { key: 'at', title: t('audit.at'), render: (_, entry) => <span style={{ whiteSpace: 'nowrap' }}>{f.dateTime(entry.at)}</span> },
    { key: 'actor', title: t('audit.actor'), render: (_, entry) => entry.actorName ?? t('audit.system') },
    { key: 'unit', title: t('audit.unit'), render: (_, entry) => entry.unitName ?? '—' },
    { key: 'action', title: t('audit.action'), render: (_, entry) => <Tag><bdi dir="ltr">{entry.action}</bdi></Tag> },
    { key: 'entity', title: t('audit.entity'), render: (_, entry) => <bdi dir="ltr">{entry.entityType}</bdi> },
    {
      key: 'summary',
      title: t('audit.summary'),
      render: (_, entry) => (
        <span style={{ display: 'inline-block', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' }} title={summaryText(entry.summary)}>
          {summaryText(entry.summary)}
        </span>
      ),
    },
  ];
}

export function AuditDetails({ entry, t }: { entry: AuditEntry; t: TFunction }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('audit.entity')}>
        <bdi dir="ltr">{`${entry.entityType} ${entry.entityId ?? ''}`}</bdi>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.summary')}>
        <pre className="json-summary">{JSON.stringify(entry.summary, null, 2)}</pre>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.requestId')}>
        <bdi dir="ltr">{entry.requestId ?? '—'}</bdi>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.ip')}>
        <bdi dir="ltr">{entry.ip ?? '—'}</bdi>
      </Descriptions.Item>
    </Descriptions>
  );
}

export function auditExportColumns(t: TFunction, f: Formatter): ExportColumn<AuditEntry>[] {
  return [
    { header: t('audit.at'), value: (entry) => f.dateTime(entry.at), width: 20 },
    { header: t('audit.actor'), value: (entry) => entry.actorName ?? t('audit.system'), width: 24 },
    { header: t('audit.unit'), value: (entry) => entry.unitName, width: 24 },
    { header: t('audit.action'), value: (entry) => entry.action, width: 22 },
    { header: t('audit.entityType'), value: (entry) => entry.entityType, width: 16 },
    { header: t('audit.entity'), value: (entry) => entry.entityId, width: 38 },
    { header: t('audit.summary'), value: (entry) => summaryText(entry.summary), width: 60 },
    { header: t('audit.requestId'), value: (entry) => entry.requestId, width: 38 },
    { header: t('audit.ip'), value: (entry) => entry.ip, width: 16 },
  ];
}
