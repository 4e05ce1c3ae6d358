// Small pieces the council pages share: the quarterly-meeting badge, the quorum rule in words, Jalali days.
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { Council, QuorumRule } from './types';

/** The seeds ask for a meeting every three months: overdue (red), due within two weeks (amber) or on schedule. */
export function DueBadge({ council }: { council: Pick<Council, 'overdue' | 'daysOverdue' | 'dueSoon' | 'nextDueOn'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (council.overdue) {
    return (
      <Tag color="#a8071a" data-testid="due-badge">
        {council.daysOverdue > 0 ? t('councils.due.overdueDays', { n: f.count(council.daysOverdue) }) : t('councils.due.overdue')}
      </Tag>
    );
  }
  if (council.dueSoon) {
    return (
      <Tag color="#874d00" data-testid="due-badge">
        {t('councils.due.soon', { day: f.digits(council.nextDueOn) })}
      </Tag>
    );
  }
  return (
    <Tag color="#0a6b4d" data-testid="due-badge">
      {t('councils.due.ok')}
    </Tag>
  );
}

export function quorumText(rule: QuorumRule, t: TFunction, digits: (v: string | number) => string): string {
  const base = rule.kind === 'majority' ? t('councils.quorum.majorityText') : t('councils.quorum.minMembersText', { n: digits(rule.minMembers ?? 1) });
  return rule.requiresChair ? `${base} ${t('councils.quorum.chairText')}` : base;
}

/** A Jalali day from the API ("1404/07/15") in the user's digits. */
export function useDay() {
  const f = useFormat();
  return (day: string | null | undefined) => (day ? f.digits(day) : '—');
}
