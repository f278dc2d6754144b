/** Students per school unit and support tier as a stacked bar chart (ECharts, SVG); the table below it is the alternative. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Overview } from './types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Tier colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const colours = ['#5c6670', '#7a4d00', '#8a1020'];

export function TierChart({ units }: { units: Overview['units'] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const names = [...new Set(units.map((u) => u.name ?? ''))];
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: colours,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', name: t('earlyWarning.students') },
      // Hidden counts (fewer than 5, or hidden to protect a small group) are drawn as 0 and named in the table.
      series: [1, 2, 3].map((tier) => ({
        name: t(`earlyWarning.tier${tier}`), type: 'bar', stack: 'tiers',
        data: names.map((n) => units.find((u) => (u.name ?? '') === n && u.tier === tier)?.count ?? 0),
      })),
    });
    return () => chart.dispose();
  }, [units, t]);
  return <div ref={ref} className="chart" role="img" aria-label={t('earlyWarning.tierChart')} />;
}
