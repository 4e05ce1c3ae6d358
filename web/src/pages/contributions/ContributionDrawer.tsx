// One contribution: its details, the receipt itself (the server's print view in a frame), print /
// PDF / verification, and — when the server's permissions allow — its reversal.
import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Grid, Skeleton, Space, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { tomanInWords } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import type { CatalogueLabels } from '../../lib/catalogues';
import { ltr, useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { currentLanguage } from '../../i18n';
import { FundLabel, StatusTag } from './contribution-columns';
import { ReceiptActions, receiptHtmlUrl } from './ReceiptActions';
import { ReverseDialog } from './ReverseDialog';

interface Props {
  id: string;
  labels: CatalogueLabels;
  onClose: () => void;
  onChanged: () => void;
}

export function ContributionDrawer({ id, labels, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const [reversing, setReversing] = useState(false);
  const [version, setVersion] = useState(0);
  const { data: c, error, loading, reload } = useAsync((signal) => unwrap(api.GET('/api/contributions/{id}', { params: { path: { id } }, signal })), [id, version]);
  const title = c ? t('contributions.detail', { no: ltr(f.digits(c.receiptNo)) }) : t('contributions.receiptNo');

  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      placement={currentLanguage() === 'fa' ? 'left' : 'right'}
      size={screens.md === false ? '100%' : 720}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      extra={
        c && c.status === 'posted' && can('contributions.reverse') ? (
          <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setReversing(true)} data-testid="contribution-reverse">
            {t('contributions.reverse')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !c ? <Skeleton active /> : null}
      {c ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="contribution-detail">
          {c.reversal ? <Alert type="warning" showIcon title={`${t('contributions.reversal')}: ${c.reversal.reason}`} description={`${t('contributions.reversedBy')}: ${c.reversal.reversedBy} — ${f.dateTime(c.reversal.reversedAt)}`} /> : null}
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'receiptNo', label: t('contributions.receiptNo'), children: <bdi dir="ltr">{f.digits(c.receiptNo)}</bdi> },
              { key: 'code', label: t('contributions.receiptCode'), children: <bdi dir="ltr">{c.receiptCode}</bdi> },
              { key: 'status', label: t('contributions.status'), children: <StatusTag status={c.status} t={t} /> },
              { key: 'amount', label: t('contributions.amount'), children: <><Money rials={c.amountRials} /> <Typography.Text type="secondary" lang="fa">({tomanInWords(BigInt(c.amountRials))})</Typography.Text></> },
              { key: 'fund', label: t('contributions.fund'), children: <FundLabel c={c} t={t} labels={labels} /> },
              { key: 'unit', label: t('contributions.unit'), children: c.unit.name },
              { key: 'date', label: t('contributions.receivedOn'), children: f.date(c.receivedAt) },
              { key: 'channel', label: t('contributions.channel'), children: `${t(`channels.${c.channel}`)}${c.channelRef ? ` — ${f.digits(c.channelRef)}` : ''}` },
              { key: 'donor', label: t('contributions.donor'), children: c.donorId ? t('contributions.donorRegistered') : t('contributions.anonymous') },
              ...(c.notes ? [{ key: 'notes', label: t('contributions.notes'), children: c.notes }] : []),
              { key: 'by', label: t('contributions.recordedBy'), children: <bdi dir="ltr">{c.recordedBy ?? '—'}</bdi> },
              { key: 'at', label: t('contributions.createdAt'), children: f.dateTime(c.createdAt) },
            ]}
          />
          <ReceiptActions id={c.id} code={c.receiptCode} />
          <iframe key={c.status} className="receipt-frame" src={receiptHtmlUrl(c.id)} title={t('contributions.receiptPreview', { no: ltr(f.digits(c.receiptNo)) })} data-testid="receipt-frame" />
        </Space>
      ) : null}
      {c && reversing ? (
        <ReverseDialog
          contribution={c}
          onClose={() => setReversing(false)}
          onDone={() => {
            setReversing(false);
            setVersion((v) => v + 1);
            onChanged();
          }}
        />
      ) : null}
    </Drawer>
  );
}
