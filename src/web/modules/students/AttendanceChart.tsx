/** Attendance by month as a stacked bar chart (ECharts, SVG renderer, only the parts used) with a table alternative. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { AttendanceMonth } from './types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Series colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const colours = ['#2e6b30', '#7a5c00', '#a10e1b', '#5c6670'];
const series = ['attendedMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'notReportedMinutes'] as const;
const labels = ['attended', 'validAbsence', 'invalidAbsence', 'notReported'] as const;

export function AttendanceChart({ months }: { months: AttendanceMonth[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: colours,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', name: t('students.minutes') },
      series: series.map((key, i) => ({ name: t(`students.${labels[i]}`), type: 'bar', stack: 'minutes', data: months.map((m) => m[key]) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, t]);
  return (
    <>
      <div ref={ref} className="chart" role="img" aria-label={t('students.attendanceChart')} />
      <details>
        <summary>{t('students.attendanceTable')}</summary>
        <table>
          <caption>{t('students.attendance')} ({t('students.minutes')})</caption>
          <thead>
            <tr><th scope="col">{t('students.month')}</th>{labels.map((l) => <th scope="col" key={l}>{t(`students.${l}`)}</th>)}</tr>
          </thead>
          <tbody>
            {months.map((m) => <tr key={m.month}><th scope="row">{m.month}</th>{series.map((k) => <td key={k}>{m[k]}</td>)}</tr>)}
          </tbody>
        </table>
      </details>
    </>
  );
}
