// Turns a dashboard series into what a chart draws. Values travel as decimal strings: counts are
// small integers; money series are rials, charted in toman (bar heights only need Number's
// precision) while the tooltip shows the exact amount formatted from the bigint.
import { jalaliMonthNames } from '@mosharekat/fa';
import { JALALI_MONTHS_EN, type Formatter } from './format';

/** Series whose values are rials (the API sends no unit for series, so it is known by key). */
const MONEY_SERIES = new Set(['contributions.byMonth', 'contributions.byPurpose', 'contributions.byChannel']);

export interface ChartSeries {
  labels: string[];
  values: number[];
  tooltips: string[];
  money: boolean;
}

function label(seriesKey: string, raw: string, f: Formatter): string {
  // ISO days ("2026-11-29") become short Jalali days; noon UTC is the same calendar day in Tehran.
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return f.dayMonth(`${raw}T12:00:00Z`);
  // Fiscal months arrive as 1..12.
  if (seriesKey.endsWith('byMonth') && /^\d{1,2}$/.test(raw)) {
    const names = f.lang === 'fa' ? jalaliMonthNames : JALALI_MONTHS_EN;
    return names[Number(raw) - 1] ?? raw;
  }
  return raw;
}

export function chartSeries(series: { key: string; points: { label: string; value: string }[] }, f: Formatter): ChartSeries {
  const money = MONEY_SERIES.has(series.key);
  return {
    money,
    labels: series.points.map((point) => label(series.key, point.label, f)),
    values: series.points.map((point) => {
      const value = BigInt(point.value);
      return Number(money ? value / 10n : value);
    }),
    tooltips: series.points.map((point) => (money ? f.toman(BigInt(point.value)) : f.count(point.value))),
  };
}
