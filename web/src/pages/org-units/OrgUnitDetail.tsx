// One unit: its path up to the root, its facts and its history, and (with org.manage) what can be done to it.
import { Breadcrumb, Button, Descriptions, Drawer, Empty, Grid, Skeleton, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { OrgUnit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { summaryText } from '../../lib/summary';
import { currentLanguage } from '../../i18n';
import { StatusTag } from './org-columns';
import type { OrgAction } from './OrgUnitDialog';

interface OrgUnitDetailProps {
  id: string | null;
  canManage: boolean;
  version: number;
  onClose: () => void;
  hrefOf: (id: string) => string;
  onAction: (action: OrgAction, unit: OrgUnit) => void;
}

export function OrgUnitDetail({ id, canManage, version, onClose, hrefOf, onAction }: OrgUnitDetailProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const screens = Grid.useBreakpoint();
  const detail = useAsync(
    async (signal) => (id ? unwrap(api.GET('/api/org-units/{id}', { params: { path: { id } }, signal })) : undefined),
    [id, version],
  );
  const history = useAsync(
    async (signal) => (id ? unwrap(api.GET('/api/org-units/{id}/history', { params: { path: { id } }, signal })) : undefined),
    [id, version],
  );
  const unit = detail.data?.unit.id === id ? detail.data.unit : undefined;
  const path = detail.data?.path ?? [];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={unit?.name ?? t('org.detail')}
      placement={currentLanguage() === 'fa' ? 'left' : 'right'}
      size={screens.md ? 560 : '100%'}
      closable={{ 'aria-label': t('common.close') }}
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {!unit && !detail.error ? <Skeleton active /> : null}
      {unit ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="org-unit-detail">
          <nav aria-label={t('org.path')}>
            <Breadcrumb
              items={path.map((step) => ({
                key: step.id,
                title: step.id === unit.id ? step.name : <Link to={hrefOf(step.id)}>{step.name}</Link>,
              }))}
            />
          </nav>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('org.kind')}>{t(`kinds.${unit.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('org.code')}>{f.digits(unit.code)}</Descriptions.Item>
            <Descriptions.Item label={t('org.amarCode')}>{unit.amarCode ? f.digits(unit.amarCode) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('org.status')}>
              <StatusTag status={unit.status} t={t} />
            </Descriptions.Item>
            <Descriptions.Item label={t('org.childCount')}>{f.count(unit.childCount)}</Descriptions.Item>
            <Descriptions.Item label={t('org.createdAt')}>{f.date(unit.createdAt)}</Descriptions.Item>
            {unit.retiredAt ? <Descriptions.Item label={t('org.retiredAt')}>{f.date(unit.retiredAt)}</Descriptions.Item> : null}
          </Descriptions>
          {canManage && unit.status === 'active' ? (
            <Space wrap>
              {unit.kind !== 'department' ? <Button onClick={() => onAction('add', unit)}>{t('org.addChild')}</Button> : null}
              <Button onClick={() => onAction('rename', unit)}>{t('org.rename')}</Button>
              <Button onClick={() => onAction('move', unit)}>{t('org.move')}</Button>
              <Button onClick={() => onAction('split', unit)}>{t('org.split')}</Button>
              <Button danger onClick={() => onAction('retire', unit)}>
                {t('org.retire')}
              </Button>
            </Space>
          ) : null}
          <section aria-labelledby="org-history-title">
            <Typography.Title level={2} id="org-history-title" style={{ fontSize: 16 }}>
              {t('org.history')}
            </Typography.Title>
            {history.error ? <ErrorAlert error={history.error} onRetry={history.reload} /> : null}
            {history.data && history.data.items.length === 0 ? <Empty description={t('org.historyEmpty')} /> : null}
            <Timeline
              items={(history.data?.items ?? []).map((entry, index) => ({
                key: `${entry.at}-${index}`,
                content: (
                  <>
                    <div>
                      <bdi dir="ltr">{entry.action}</bdi> {summaryText(entry.summary)}
                    </div>
                    <Typography.Text type="secondary">
                      {entry.actorName ?? t('audit.system')} · {f.dateTime(entry.at)}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </section>
        </Space>
      ) : null}
    </Drawer>
  );
}
