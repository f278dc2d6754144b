/** Attendance before and after an intervention's start as two bars (ECharts, SVG); the panel's table says the same. */
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../shared/chart.tsx';

export function EffectChart({ label, bars }: { label: string; bars: { name: string; value: number | null }[] }) {
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: ['#1f5fa8'],
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: bars.map((b) => b.name) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { type: 'bar', barMaxWidth: 60, label: { show: true, position: 'top', formatter: '{c} %' }, data: bars.map((b) => b.value) },
      ],
    }),
    [bars],
  );
  return <EChart option={option} label={label} className="chart effect-chart" />;
}
