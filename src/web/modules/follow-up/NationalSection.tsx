/**
 * The national comparison: the organiser's own share with a diploma within four years beside Kolada's figures for its
 * municipality and the country, by year of measurement (start year + 4), as a chart and a table, with each series'
 * source line, the last fetch, and why the figures differ.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatDate, formatPercent } from '../../shared/format.ts';
import type { Completion } from '../../../shared/follow-up/completion.ts';
import type { National } from '../../../shared/follow-up/national.ts';

export function NationalSection({ national, completion }: { national: National; completion: Completion }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const own = new Map<number, number>();
  for (const c of completion.cohorts) {
    const share = c.groups.find((g) => g.dimension === 'all')?.within.find((w) => w.years === 4)?.share.examen;
    if (share !== null && share !== undefined) own.set(c.startYear + 4, share * 100);
  }
  const series = national.series.filter((s) => s.outcome === 'examen' && s.years === 4);
  const years = [...new Set([...own.keys(), ...series.flatMap((s) => s.points.map((p) => p.year))])].sort((a, b) => a - b);
  const name = (s: National['series'][number]) => (s.area === 'riket' ? t('followUp.riket') : s.areaName);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: ['#005a8c', '#8a1020', '#4d4d4d'],
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100, 1) : '–') },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', min: 50, max: 100, axisLabel: { formatter: (v: number) => formatPercent(v / 100) } },
      series: [
        { name: t('followUp.own'), type: 'line', symbol: 'circle', symbolSize: 8, data: years.map((y) => own.get(y) ?? null) },
        ...series.map((s, i) => ({
          name: name(s),
          type: 'line',
          symbol: ['rect', 'triangle'][i % 2],
          symbolSize: 8,
          lineStyle: { type: ['dashed', 'dotted'][i % 2] },
          data: years.map((y) => s.points.find((p) => p.year === y)?.percent ?? null),
        })),
      ],
    }),
    [years, own, series, t],
  );
  const last = national.lastFetch;
  return (
    <section aria-labelledby="national-heading">
      <h2 id="national-heading">{t('followUp.nationalHeading')}</h2>
      <p>
        {last === null
          ? t('followUp.neverFetched')
          : last.outcome === 'ok'
            ? t('followUp.lastFetch', { date: formatDate(last.at) })
            : t('followUp.lastFetchFailed', { date: formatDate(last.at), message: last.message ?? '' })}
      </p>
      <EChart option={option} label={t('followUp.nationalChart')} />
      <div className="table-scroll">
        <table>
          <caption>{t('followUp.nationalCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.measuredYear')}</th>
              <th scope="col">{t('followUp.own')}</th>
              {series.map((s) => (
                <th scope="col" key={`${s.kpi}-${s.area}`}>
                  {name(s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                <td>{own.has(y) ? formatPercent(own.get(y)! / 100, 1) : '–'}</td>
                {series.map((s) => {
                  const p = s.points.find((x) => x.year === y);
                  return <td key={`${s.kpi}-${s.area}`}>{p ? formatPercent(p.percent / 100, 1) : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="follow-up-sources">
        {series.map((s) => (
          <li key={`${s.kpi}-${s.area}`}>
            {name(s)}: {s.name[lang]}. {s.source[lang]}.
          </li>
        ))}
      </ul>
      <h3>{t('followUp.differencesHeading')}</h3>
      <ul>
        {national.differences.map((d) => (
          <li key={d.sv}>{d[lang]}</li>
        ))}
      </ul>
    </section>
  );
}
