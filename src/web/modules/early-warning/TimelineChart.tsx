/**
 * Attendance and probability week by week (ECharts line chart, SVG) with a table alternative; axis, tooltip and table
 * numbers and dates in the page's language (Swedish decimal commas in the Swedish UI).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../../../shared/early-warning/responses.ts';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatDate, formatPercent } from '../../shared/format.ts';

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
/** A value on the 0–100 axis as a percentage in the page's language. */
const axisPercent = (value: unknown) => (typeof value === 'number' ? formatPercent(value / 100, 1) : '–');

export function TimelineChart({ points }: { points: TrendPoint[] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: ['#2e6b30', '#a10e1b'],
      tooltip: { trigger: 'axis', valueFormatter: axisPercent },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: points.map((p) => formatDate(p.asOf)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: axisPercent } },
      series: [
        { name: t('earlyWarning.attendance'), type: 'line', data: points.map((p) => pct(p.attendance)) },
        { name: t('earlyWarning.probability'), type: 'line', data: points.map((p) => pct(p.probability)) },
      ],
    }),
    [points, t, i18n.language],
  );
  return (
    <figure>
      <EChart option={option} label={t('earlyWarning.timelineChart')} />
      <details>
        <summary>{t('earlyWarning.showTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('earlyWarning.week')}</th>
              <th scope="col">{t('earlyWarning.tier')}</th>
              <th scope="col">{t('earlyWarning.attendance')}</th>
              <th scope="col">{t('earlyWarning.probability')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.asOf}>
                <td>{formatDate(p.asOf)}</td>
                <td>{t(`earlyWarning.tier${p.tier}`)}</td>
                <td>{p.attendance === null ? '–' : formatPercent(p.attendance, 1)}</td>
                <td>{p.probability === null ? '–' : formatPercent(p.probability, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
