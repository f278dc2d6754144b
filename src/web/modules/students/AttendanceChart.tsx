/** Attendance by month as a stacked bar chart (ECharts, SVG renderer, only the parts used) with a table alternative. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import type { AttendanceMonth } from '../../../shared/students/contract.ts';

/** Series colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const colours = ['#2e6b30', '#7a5c00', '#a10e1b', '#5c6670'];
const series = ['attendedMinutes', 'validAbsenceMinutes', 'invalidAbsenceMinutes', 'notReportedMinutes'] as const;
const labels = ['attended', 'validAbsence', 'invalidAbsence', 'notReported'] as const;

export function AttendanceChart({ months }: { months: AttendanceMonth[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: colours,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', name: t('students.minutes') },
      series: series.map((key, i) => ({
        name: t(`students.${labels[i]}`),
        type: 'bar',
        stack: 'minutes',
        data: months.map((m) => m[key]),
      })),
    }),
    [months, t],
  );
  return (
    <>
      <EChart option={option} label={t('students.attendanceChart')} />
      <details>
        <summary>{t('students.attendanceTable')}</summary>
        <table>
          <caption>
            {t('students.attendance')} ({t('students.minutes')})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('students.month')}</th>
              {labels.map((l) => (
                <th scope="col" key={l}>
                  {t(`students.${l}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {series.map((k) => (
                  <td key={k}>{m[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
