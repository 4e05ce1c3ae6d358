// antd's DatePicker and RangePicker generated over the Jalali calendar (date-fns-jalali); values are Date.
import generatePicker from 'antd/es/date-picker/generatePicker';
import type { ComponentProps } from 'react';
import { jalaliGenerateConfig } from '../lib/jalali-generate-config';

const JalaliPicker = generatePicker<Date>(jalaliGenerateConfig);

export type JalaliDatePickerProps = ComponentProps<typeof JalaliPicker>;

export function JalaliDatePicker(props: JalaliDatePickerProps) {
  return <JalaliPicker format="YYYY/MM/DD" {...props} />;
}

export const JalaliRangePickerBase = JalaliPicker.RangePicker;
