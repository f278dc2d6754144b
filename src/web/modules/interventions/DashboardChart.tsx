/** Open cases and overdue follow-ups per school unit as grouped bars (ECharts, SVG); the table below is the alternative. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Dashboard } from './meeting-types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function DashboardChart({ units }: { units: Dashboard['units'] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#005a8c', '#8a1020'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: units.map((u) => u.schoolUnit.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      // Hidden counts (fewer than 5, or hidden to protect a small group) are drawn as 0 and named in the table.
      series: [
        { name: t('interventionMeetings.openCases'), type: 'bar', data: units.map((u) => u.openCases ?? 0) },
        {
          // Striped besides the colour, so that the series differ without colour (WCAG 1.4.1).
          name: t('interventionMeetings.overdueFollowUps'), type: 'bar',
          itemStyle: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' } },
          data: units.map((u) => u.overdueFollowUps ?? 0),
        },
      ],
    });
    return () => chart.dispose();
  }, [units, t]);
  return <div ref={ref} className="chart" role="img" aria-label={t('interventionMeetings.figuresChart')} />;
}
