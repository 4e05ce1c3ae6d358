// Amounts are typed in toman with the shared TomanInput (grouped digits, amount in words) and sent as
// rials: tomanToRials (bigint, never Number). Helpers for forms that hold those digits.
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { TomanInput } from '../../components/TomanInput';
import { tomanToRials } from '../../lib/toman';

/** Toman digits → rials as a decimal string, or null when empty or zero. */
export const rialsOfToman = tomanToRials;

/** Rials (decimal string) → the toman digits a TomanInput holds. */
export function tomanText(rials: string | null | undefined): string {
  return rials ? (BigInt(rials) / 10n).toString() : '';
}

export function amountRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('common.required') },
    { validator: async (_, value?: string) => { if (value && tomanToRials(value) === null) throw new Error(t('spending.form.amountInvalid')); } },
  ];
}

export function AmountField({ id, value, onChange, maxWidth = 280 }: { id?: string; value?: string; onChange?: (digits: string) => void; maxWidth?: number }) {
  return (
    <div style={{ maxWidth }}>
      <TomanInput id={id} value={value} onChange={onChange} words />
    </div>
  );
}
