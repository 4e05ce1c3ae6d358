// A bar chart of one dashboard series. ECharts is imported piece by piece (core + bar + the few
// components used) and this file is its own chunk, so the charting code loads only on the dashboard.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Dashboard } from '../../api/types';
import { FONT_STACK } from '../../app/providers';
import { useFormat } from '../../lib/format';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Series = Dashboard['series'][number];

/** ISO days become short Jalali days ("8 آذر"); any other label is shown as it came. */
function pointLabel(label: string, dayMonth: (iso: string) => string): string {
  // Noon UTC of an ISO day is the same calendar day in Tehran.
  return /^\d{4}-\d{2}-\d{2}/.test(label) ? dayMonth(label.length === 10 ? `${label}T12:00:00Z` : label) : label;
}

export default function SeriesChart({ series, title }: { series: Series; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const f = useFormat();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    const labels = series.points.map((point) => pointLabel(point.label, f.dayMonth));
    chart.setOption({
      aria: { enabled: true, label: { description: title } },
      textStyle: { fontFamily: FONT_STACK },
      grid: { left: 16, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => f.count(String(value)) },
      xAxis: { type: 'category', data: labels, inverse: f.lang === 'fa', axisLabel: { rotate: labels.length > 10 ? 45 : 0, interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', position: f.lang === 'fa' ? 'right' : 'left', minInterval: 1, axisLabel: { formatter: (value: number) => f.count(value) } },
      // Series points are counts (events per day), small integers; money would come as figures of kind 'rials'.
      series: [{ type: 'bar', data: series.points.map((point) => Number(point.value)), itemStyle: { color: '#0a6b4d' }, barMaxWidth: 36 }],
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [series, title, f]);

  return <div ref={box} className="chart-box" role="img" aria-label={title} />;
}
