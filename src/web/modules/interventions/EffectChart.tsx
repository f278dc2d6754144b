/** Attendance before and after an intervention's start as two bars (ECharts, SVG); the panel's table says the same. */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export function EffectChart({ label, bars }: { label: string; bars: { name: string; value: number | null }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#1f5fa8'],
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: bars.map((b) => b.name) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [{ type: 'bar', barMaxWidth: 60, label: { show: true, position: 'top', formatter: '{c} %' }, data: bars.map((b) => b.value) }],
    });
    return () => chart.dispose();
  }, [bars]);
  return <div ref={ref} className="chart effect-chart" role="img" aria-label={label} />;
}
