// An amount typed in toman (Persian or Latin digits, separators allowed). The form keeps the text;
// rialsOfToman turns it into the rials string the API takes. It is read back in words (and in
// rials) so a slipped zero is noticed before it is sent.
import { Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseRials, tomanInWords } from '@mosharekat/fa';
import { useFormat } from '../../lib/format';

/** Toman text → rials as a decimal string, or null when it is not a whole, positive amount. */
export function rialsOfToman(text: string | undefined): string | null {
  if (!text) return null;
  try {
    const toman = parseRials(text.trim());
    return toman > 0n ? (toman * 10n).toString() : null;
  } catch {
    return null;
  }
}

/** Rials (decimal string) → toman text for the field. */
export function tomanText(rials: string | null | undefined): string {
  return rials ? (BigInt(rials) / 10n).toString() : '';
}

export function amountRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('common.required') },
    { validator: async (_, value?: string) => { if (value && rialsOfToman(value) === null) throw new Error(t('spending.form.amountInvalid')); } },
  ];
}

interface AmountFieldProps {
  id?: string;
  value?: string;
  onChange?: (text: string) => void;
  maxWidth?: number;
}

export function AmountField({ id, value, onChange, maxWidth = 280 }: AmountFieldProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const rials = rialsOfToman(value);
  const wordsId = id ? `${id}-words` : undefined;
  return (
    <div>
      <Input
        id={id}
        inputMode="numeric"
        dir="ltr"
        autoComplete="off"
        value={value}
        suffix={t('common.toman')}
        aria-describedby={wordsId}
        onChange={(event) => onChange?.(event.target.value)}
        style={{ maxWidth }}
      />
      <Typography.Text type="secondary" id={wordsId} style={{ display: 'block', marginTop: 4, fontSize: 12 }} aria-live="polite" data-testid="amount-words">
        {rials !== null ? `${f.lang === 'fa' ? `${tomanInWords(BigInt(rials))} — ` : ''}${t('common.rials', { amount: f.rials(BigInt(rials)) })}` : '\u00a0'}
      </Typography.Text>
    </div>
  );
}
