// Coloured tags for a request's status and the rule that lets it spend. Dark fills with white text keep 4.5:1 contrast.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Authority, SpendingStatus } from './types';

const STATUS_COLORS: Record<SpendingStatus, string> = {
  draft: '#595959',
  submitted: '#0958d9',
  ordered: '#531dab',
  approved: '#0a6b4d',
  paid: '#135200',
  rejected: '#a8071a',
  cancelled: '#595959',
  expired: '#874d00',
};

export function SpendingStatusTag({ status }: { status: SpendingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="spending-status">
      {t(`spending.status.${status}`)}
    </Tag>
  );
}

export function AuthorityText({ authority }: { authority: Authority | null }) {
  const { t } = useTranslation();
  return <>{authority ? t(`spending.authority.${authority}`) : '—'}</>;
}
