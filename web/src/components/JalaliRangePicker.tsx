// A Jalali day range for filters, kept as "1404-05-01" keys (what goes into the URL).
import { useTranslation } from 'react-i18next';
import { fromJalaliKey, jalaliKey } from '../lib/jalali-generate-config';
import { JalaliRangePickerBase } from './JalaliDatePicker';

interface JalaliRangePickerProps {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  id?: string;
}

export function JalaliRangePicker({ from, to, onChange, id }: JalaliRangePickerProps) {
  const { t } = useTranslation();
  const value: [Date | null, Date | null] = [fromJalaliKey(from), fromJalaliKey(to)];
  return (
    <JalaliRangePickerBase
      id={id}
      format="YYYY/MM/DD"
      value={value[0] || value[1] ? value : null}
      allowEmpty={[true, true]}
      placeholder={[t('common.fromDate'), t('common.toDate')]}
      onChange={(dates) => onChange(dates?.[0] ? jalaliKey(dates[0]) : '', dates?.[1] ? jalaliKey(dates[1]) : '')}
    />
  );
}
