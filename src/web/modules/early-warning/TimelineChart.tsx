/** Attendance and probability week by week (ECharts line chart, SVG) with a table alternative. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import type { TrendPoint } from './types.ts';

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function TimelineChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => ({
    animation: false,
    color: ['#2e6b30', '#a10e1b'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: points.map((p) => p.asOf) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { name: t('earlyWarning.attendance'), type: 'line', data: points.map((p) => pct(p.attendance)) },
      { name: t('earlyWarning.probability'), type: 'line', data: points.map((p) => pct(p.probability)) },
    ],
  }), [points, t]);
  return (
    <figure>
      <EChart option={option} label={t('earlyWarning.timelineChart')} />
      <details>
        <summary>{t('earlyWarning.showTable')}</summary>
        <table>
          <thead><tr><th scope="col">{t('earlyWarning.week')}</th><th scope="col">{t('earlyWarning.tier')}</th><th scope="col">{t('earlyWarning.attendance')}</th><th scope="col">{t('earlyWarning.probability')}</th></tr></thead>
          <tbody>{points.map((p) => (
            <tr key={p.asOf}><td>{p.asOf}</td><td>{p.tier}</td><td>{p.attendance === null ? '–' : `${pct(p.attendance)} %`}</td><td>{p.probability === null ? '–' : `${pct(p.probability)} %`}</td></tr>
          ))}</tbody>
        </table>
      </details>
    </figure>
  );
}
