/** Open cases and overdue follow-ups per school unit as grouped bars (ECharts, SVG); the table below is the alternative. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import type { Dashboard } from './meeting-types.ts';

export function DashboardChart({ units }: { units: Dashboard['units'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => ({
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
  }), [units, t]);
  return <EChart option={option} label={t('interventionMeetings.figuresChart')} />;
}
