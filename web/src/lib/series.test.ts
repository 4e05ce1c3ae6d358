import { describe, expect, it } from 'vitest';
import { makeFormatter } from './format';
import { chartSeries } from './series';

describe('chartSeries', () => {
  it('should show ISO days as short Jalali days with counts', () => {
    const chart = chartSeries({ key: 'audit.byDay', points: [{ label: '2025-07-23', value: '12' }] }, makeFormatter('fa'));
    expect(chart).toEqual({ money: false, labels: ['۱ مرداد'], values: [12], tooltips: ['۱۲'] });
  });

  it('should chart a money series in toman and keep the exact amount for the tooltip', () => {
    const chart = chartSeries({ key: 'contributions.byMonth', points: [{ label: '7', value: '15000000000000' }] }, makeFormatter('fa'));
    expect(chart.labels).toEqual(['مهر']);
    expect(chart.values).toEqual([1_500_000_000_000]);
    expect(chart.tooltips).toEqual(['۱٬۵۰۰٬۰۰۰٬۰۰۰٬۰۰۰ تومان']);
  });

  it('should name fiscal months in English when the language is English', () => {
    expect(chartSeries({ key: 'contributions.byMonth', points: [{ label: '1', value: '10' }] }, makeFormatter('en')).labels).toEqual(['Farvardin']);
  });
});

describe('chartSeries of contribution breakdowns', () => {
  it('should chart purposes and channels in toman with the exact amount in the tooltip', () => {
    const chart = chartSeries({ key: 'contributions.byPurpose', points: [{ label: 'ایتام', value: '25000000' }] }, makeFormatter('fa'));
    expect(chart).toEqual({ money: true, labels: ['ایتام'], values: [2_500_000], tooltips: ['۲٬۵۰۰٬۰۰۰ تومان'] });
    expect(chartSeries({ key: 'contributions.byChannel', points: [] }, makeFormatter('fa')).money).toBe(true);
  });
});
