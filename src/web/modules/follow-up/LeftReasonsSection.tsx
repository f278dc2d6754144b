/**
 * Reasons for not completing (docs/follow-up.md): for each cohort and horizon reached, those without a diploma split
 * into study certificate, still studying, and left — after changing programme, after introductory programmes only, or
 * otherwise — from the completion answer's total row. A hidden count reads "dolt" with its reason. A stacked bar chart
 * of the 4-year figures per cohort beside the table.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatNumber } from '../../shared/format.ts';
import type { Completion, HorizonFigures } from '../../../shared/follow-up/completion.ts';

type Suppression = 'small' | 'complementary' | null;
const reasonKeys = ['changedProgramme', 'introductionOnly', 'other'] as const;
const statusKeys = ['studiebevis', 'studying'] as const;
const colours = ['#8a1020', '#b35900', '#4d4d4d', '#2f6b2f', '#005a8c'];

/** The reasons' table (every cohort and horizon) and chart (4 years). */
export function LeftReasonsSection({ completion }: { completion: Completion }) {
  const { t } = useTranslation();
  const why = (s: Suppression) => t('followUp.hiddenWhy', { why: t(s === 'complementary' ? 'followUp.protected' : 'followUp.fewer') });
  const rows = completion.cohorts.flatMap((c) => {
    const all = c.groups.find((g) => g.dimension === 'all');
    return (all?.within ?? []).map((w) => ({ year: c.startYear, w }));
  });
  const value = (w: HorizonFigures, k: (typeof reasonKeys)[number] | (typeof statusKeys)[number] | 'left'): number | null =>
    k === 'studiebevis' || k === 'studying' || k === 'left' ? w[k] : (w.leftReasons?.[k] ?? null);
  const text = (w: HorizonFigures, k: (typeof reasonKeys)[number] | (typeof statusKeys)[number] | 'left') => {
    const v = value(w, k);
    if (v !== null) return formatNumber(v, 0);
    const s = k === 'studiebevis' || k === 'studying' || k === 'left' ? w.suppressed[k] : (w.leftReasons?.suppressed[k] ?? null);
    return why(s);
  };
  const columns = [...statusKeys, 'left', ...reasonKeys] as const;
  const four = rows.filter((r) => r.w.years === 4);

  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 10, bottom: 90, containLabel: true },
      xAxis: { type: 'category', data: four.map((r) => String(r.year)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
      series: [...statusKeys, ...reasonKeys].map((k, i) => ({
        name: t(`followUp.reasons.${k}`),
        type: 'bar',
        stack: 'reasons',
        itemStyle: { color: colours[i] },
        data: four.map((r) => value(r.w, k)),
      })),
    }),
    [completion, t],
  );

  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="reasons-heading">
      <h2 id="reasons-heading">{t('followUp.reasonsHeading')}</h2>
      <p>{t('followUp.reasonsIntro')}</p>
      {four.length > 0 && <EChart option={option} label={t('followUp.reasonsChart')} />}
      <div className="table-scroll">
        <table>
          <caption>{t('followUp.reasonsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.startYear')}</th>
              <th scope="col">{t('followUp.horizon')}</th>
              {columns.map((k) => (
                <th scope="col" key={k}>
                  {t(`followUp.reasons.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.year}-${r.w.years}`}>
                <th scope="row">{r.year}</th>
                <td>{t('followUp.horizonYears', { years: r.w.years })}</td>
                {columns.map((k) => (
                  <td key={k}>{text(r.w, k)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
