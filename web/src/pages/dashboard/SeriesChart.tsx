// A bar chart of one dashboard series. ECharts is imported piece by piece (core + bar + the few
// components used) and this file is its own chunk, so the charting code loads only on the dashboard.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Dashboard } from '../../api/types';
import { FONT_STACK } from '../../app/providers';
import { useFormat } from '../../lib/format';
import { chartSeries } from '../../lib/series';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Series = Dashboard['series'][number];

export default function SeriesChart({ series, title }: { series: Series; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const f = useFormat();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    const data = chartSeries(series, f);
    const rtl = f.lang === 'fa';
    chart.setOption({
      aria: { enabled: true, label: { description: title } },
      textStyle: { fontFamily: FONT_STACK },
      grid: { left: 16, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number; name: string }[]) => {
          const item = items[0];
          return item ? `${item.name}<br/>${data.tooltips[item.dataIndex] ?? ''}` : '';
        },
      },
      xAxis: { type: 'category', data: data.labels, inverse: rtl, axisLabel: { rotate: data.labels.length * 64 > element.clientWidth ? 45 : 0, interval: 0, hideOverlap: true } },
      yAxis: {
        type: 'value',
        position: rtl ? 'right' : 'left',
        minInterval: 1,
        axisLabel: { formatter: (value: number) => f.count(Math.round(value)) },
      },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: '#0a6b4d' }, barMaxWidth: 36 }],
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
