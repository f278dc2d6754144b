/**
 * Coverage at a glance: per half-year, the young people in the target group, contacted, in a measure, with a known
 * outcome after a measure, and who left by reason — a line chart of the trend (ECharts, loaded when drawn), the table
 * beside it and the same as CSV. Counts under 5 and those that would give one away are shown as hidden, with why.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { coverageApi, coverageFigureLabels, coverageFigureNames, type CoverageCell } from '../../../shared/kaa/coverage.ts';
import { call } from '../../shared/api.ts';
import { downloadCsv } from '../../shared/download.ts';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatDate, formatNumber } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { coverageCsv } from './coverage-csv.ts';
import './kaa.css';

const charted = ['inGroup', 'contacted', 'inMeasure', 'outcomeKnown'] as const;

export default function CoveragePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('kaa.coverage.title'));
  const coverage = useLoad(() => call(coverageApi.read), 'coverage');
  const d = coverage.data;
  const shown = (c: CoverageCell) =>
    c.value !== null
      ? formatNumber(c.value, 0)
      : `${t('kaa.hiddenCell')} (${t(c.suppressed === 'complementary' ? 'kaa.protected' : 'kaa.fewer')})`;
  const option = useMemo<ChartOption | null>(() => {
    if (!d || d.halves.length === 0) return null;
    const symbols = ['circle', 'rect', 'triangle', 'diamond'];
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 60, bottom: 40 },
      xAxis: { type: 'category', data: d.halves.map((h) => h.name[language]) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
      // Each line has its own marker shape and dash, so that they differ without colour (WCAG 1.4.1); a hidden count is a gap.
      series: charted.map((name, i) => ({
        name: coverageFigureLabels[name][language],
        type: 'line',
        symbol: symbols[i],
        symbolSize: 8,
        lineStyle: { type: i % 2 === 0 ? 'solid' : 'dashed' },
        connectNulls: false,
        data: d.halves.map((h) => h.figures[name].value),
      })),
      color: ['#005a8c', '#8a1020', '#2d6a2d', '#5c3d8c'],
    };
  }, [d, language]);

  return (
    <>
      <h1>{t('kaa.coverage.title')}</h1>
      <p>{t('kaa.coverage.intro')}</p>
      {coverage.loading && !d && <Loading />}
      {coverage.error !== undefined && <ErrorMessage error={coverage.error} />}
      {d && d.halves.every((h) => h.figures.inGroup.value === 0) && <EmptyState text={t('kaa.coverage.empty')} />}
      {d && (
        <>
          <p className="muted">{formatDate(d.asOf)}</p>
          <p className="no-print">
            <button
              type="button"
              onClick={() =>
                downloadCsv(
                  coverageCsv(d, language, t('kaa.hiddenCell'), t('kaa.coverage.halfYear')),
                  `aktivitetsansvar-tackning-${d.asOf}.csv`,
                )
              }
            >
              {t('kaa.coverage.downloadCsv')}
            </button>
          </p>
          {option && <EChart option={option} label={t('kaa.coverage.chart')} className="chart kaa-chart" />}
          <div className="table-scroll">
            <table>
              <caption>{t('kaa.coverage.caption', { area: d.area })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kaa.coverage.halfYear')}</th>
                  {coverageFigureNames.map((n) => (
                    <th scope="col" key={n}>
                      {coverageFigureLabels[n][language]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.halves.map((h) => (
                  <tr key={h.half}>
                    <th scope="row">{h.name[language]}</th>
                    {coverageFigureNames.map((n) => (
                      <td key={n}>{shown(h.figures[n])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table>
              <caption>{t('kaa.coverage.reasonsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kaa.coverage.halfYear')}</th>
                  {d.halves[0]?.deregisteredBy.map((r) => (
                    <th scope="col" key={r.reason.sv}>
                      {r.reason[language]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.halves.map((h) => (
                  <tr key={h.half}>
                    <th scope="row">{h.name[language]}</th>
                    {h.deregisteredBy.map((r) => (
                      <td key={r.reason.sv}>{shown(r.cell)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
