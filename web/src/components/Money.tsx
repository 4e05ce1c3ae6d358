// An amount in toman with thousands separators; the exact rials on hover or keyboard focus.
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { rialsOf, useFormat } from '../lib/format';

export function Money({ rials }: { rials: string | bigint }) {
  const { t } = useTranslation();
  const f = useFormat();
  const value = rialsOf(rials);
  const exact = t('common.rials', { amount: f.rials(value) });
  return (
    <Tooltip title={exact}>
      <span className="money" tabIndex={0} aria-label={`${f.toman(value)} (${exact})`}>
        {f.toman(value)}
      </span>
    </Tooltip>
  );
}
