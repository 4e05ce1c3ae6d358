// Form controls of a spending request: the fund (with what it still has free) and the payee's Sheba.
import { Input, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseSheba } from '@mosharekat/fa';
import { rialsOf, useFormat } from '../../lib/format';
import type { FundBalance } from './types';

interface FundSelectProps {
  id?: string;
  value?: string;
  onChange?: (fundId: string) => void;
  funds: FundBalance[];
  loading: boolean;
  purposeLabel: (code: string) => string;
}

export function fundLabel(fund: FundBalance, t: TFunction, purposeLabel: (code: string) => string): string {
  return fund.kind === 'general' ? t('spending.fundKind.general') : `${t('spending.fundKind.specific')}: ${fund.name || purposeLabel(fund.purposeCode)}`;
}

export function FundSelect({ id, value, onChange, funds, loading, purposeLabel }: FundSelectProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={t('spending.form.fundPlaceholder')}
      notFoundContent={t('spending.form.noFunds')}
      showSearch={{ optionFilterProp: 'title' }}
      labelRender={({ value: chosen }) => {
        const fund = funds.find((candidate) => candidate.fundId === chosen);
        return fund ? fundLabel(fund, t, purposeLabel) : null;
      }}
      options={funds.map((fund) => ({
        value: fund.fundId,
        title: fundLabel(fund, t, purposeLabel),
        label: (
          <span className="fund-option">
            <span>{fundLabel(fund, t, purposeLabel)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('spending.form.available', { amount: f.toman(rialsOf(fund.availableRials)) })}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}

/** The server decides; this only gives early feedback on a mistyped Sheba (format and check digits). */
export function shebaRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('common.required') },
    {
      validator: async (_, value?: string) => {
        if (!value) return;
        const parsed = parseSheba(value);
        if (!parsed.ok) throw new Error(t(parsed.reason === 'checksum' ? 'spending.form.shebaChecksum' : 'spending.form.shebaFormat'));
      },
    },
  ];
}

export function ShebaField({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const parsed = value ? parseSheba(value) : null;
  const hintId = id ? `${id}-bank` : undefined;
  return (
    <div>
      <Input id={id} dir="ltr" autoComplete="off" placeholder="IR000000000000000000000000" value={value} onChange={(e) => onChange?.(e.target.value)} aria-describedby={hintId} maxLength={40} />
      <Typography.Text type="secondary" id={hintId} style={{ display: 'block', marginTop: 4, fontSize: 12 }} aria-live="polite">
        {parsed?.ok ? t('spending.form.bank', { bank: parsed.bankName ?? t('spending.form.bankUnknown') }) : '\u00a0'}
      </Typography.Text>
    </div>
  );
}
