/**
 * Completion by cohort for analysts and principals: the share with a diploma (and with a diploma or study certificate)
 * within 3, 4 and 5 years per start year (chart and table), broken down by programme type, programme, school unit,
 * home municipality or sex, the national comparison from Kolada with its source line, and the goals with their
 * trajectories, the reasons for not completing (LeftReasonsSection). No names; hidden counts say why. CSV and print.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { call } from '../../shared/api.ts';
import { formatDate, formatNumber, formatPercent } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import {
  completionApi,
  type Completion,
  type CompletionGroup,
  type Dimension,
  type HorizonFigures,
} from '../../../shared/follow-up/completion.ts';
import { goalsApi } from '../../../shared/follow-up/goals.ts';
import { nationalApi } from '../../../shared/follow-up/national.ts';
import { downloadCsv, toCsv } from './csv.ts';
import { GoalsSection } from './GoalsSection.tsx';
import { LeftReasonsSection } from './LeftReasonsSection.tsx';
import { NationalSection } from './NationalSection.tsx';
import './follow-up.css';

const horizons = [3, 4, 5] as const;
const dimensionsShown: Dimension[] = ['programme-type', 'programme', 'school-unit', 'home-municipality', 'sex', 'national'];

export default function FollowUpPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('followUp.title'));
  const completion = useLoad(() => call(completionApi.read), 'completion');
  const national = useLoad(() => call(nationalApi.read), 'national');
  const goals = useLoad(() => call(goalsApi.progress), 'goals');
  const [dimension, setDimension] = useState<Dimension>('programme-type');
  const [cohortYear, setCohortYear] = useState<number | null>(null);
  const d = completion.data;
  const why = (s: 'small' | 'complementary' | null) => t(s === 'complementary' ? 'followUp.protected' : 'followUp.fewer');
  const cell = (w: HorizonFigures | undefined, key: 'examen' | 'examenOrStudiebevis'): string => {
    if (!w) return t('followUp.notYet');
    const share = w.share[key];
    if (share === null) return why(key === 'examen' ? w.suppressed.examen : (w.suppressed.examen ?? w.suppressed.studiebevis));
    const count = key === 'examen' ? w.examen! : w.examen! + w.studiebevis!;
    return t('followUp.shareCount', { share: formatPercent(share, 1), count: formatNumber(count, 0) });
  };
  const allOf = (c: Completion['cohorts'][number]) => c.groups.find((g) => g.dimension === 'all');
  const rows = (d?.cohorts ?? []).map((c) => ({ year: c.startYear, all: allOf(c) })).filter((r) => r.all);
  const chosen = cohortYear ?? rows.filter((r) => r.all!.within.some((w) => w.years === 4)).at(-1)?.year ?? rows.at(-1)?.year ?? null;
  const cohort = d?.cohorts.find((c) => c.startYear === chosen);
  const groups = cohort?.groups.filter((g) => g.dimension === dimension) ?? [];
  const starters = (g: CompletionGroup) => (g.starters === null ? why(g.startersSuppressed) : formatNumber(g.starters, 0));
  const w4 = (g: CompletionGroup) => g.within.find((w) => w.years === 4);
  const count = (w: HorizonFigures | undefined, k: 'studiebevis' | 'studying' | 'left') =>
    !w ? t('followUp.notYet') : w[k] === null ? why(w.suppressed[k]) : formatNumber(w[k]!, 0);

  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: ['#005a8c', '#8a1020', '#2f6b2f'],
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100, 1) : t('followUp.hidden')),
      },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => formatPercent(v / 100) } },
      series: horizons.map((years, i) => ({
        name: t('followUp.within', { years }),
        type: 'line',
        symbol: ['circle', 'rect', 'triangle'][i],
        symbolSize: 8,
        lineStyle: { type: ['solid', 'dashed', 'dotted'][i] },
        data: rows.map((r) => {
          const share = r.all!.within.find((w) => w.years === years)?.share.examen;
          return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
        }),
      })),
    }),
    [rows, t],
  );

  const csv = () => {
    if (!d) return;
    const head = [
      t('followUp.cohortLabel'),
      t('followUp.breakdownLabel'),
      t('followUp.group'),
      t('followUp.starters'),
      ...horizons.flatMap((y) => [t('followUp.within', { years: y }), t('followUp.withinOr', { years: y })]),
    ];
    const body = d.cohorts.flatMap((c) =>
      c.groups.map((g) => [
        c.startYear,
        t(`followUp.dimensions.${g.dimension}`),
        g.name[lang],
        g.starters ?? t('followUp.hidden'),
        ...horizons.flatMap((y) => {
          const w = g.within.find((h) => h.years === y);
          const pct = (x: number | null | undefined) =>
            x === null || x === undefined ? (w ? t('followUp.hidden') : t('followUp.notYet')) : formatPercent(x, 1);
          return [pct(w?.share.examen), pct(w?.share.examenOrStudiebevis)];
        }),
      ]),
    );
    downloadCsv(toCsv(head, body), `${t('followUp.csvName')}-${d.asOf}.csv`);
  };

  return (
    <>
      <h1>{t('followUp.title')}</h1>
      <p>{t('followUp.intro')}</p>
      {completion.loading && !d && <Loading />}
      {completion.error !== undefined && <ErrorMessage error={completion.error} />}
      {d && (
        <>
          <p>{t('followUp.asOf', { date: formatDate(d.asOf), organiser: d.organiser.name })}</p>
          <p className="no-print follow-up-actions">
            <button type="button" onClick={csv}>
              {t('followUp.downloadCsv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('followUp.print')}
            </button>
            <Link to="/uppfoljning/ekonomi">{t('followUp.economicsLink')}</Link>
          </p>
          {rows.length === 0 ? (
            <EmptyState text={t('followUp.empty')} />
          ) : (
            <>
              <section aria-labelledby="cohorts-heading">
                <h2 id="cohorts-heading">{t('followUp.cohortsHeading')}</h2>
                <EChart option={option} label={t('followUp.cohortsChart')} />
                <div className="table-scroll">
                  <table>
                    <caption>{t('followUp.cohortsCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('followUp.startYear')}</th>
                        <th scope="col">{t('followUp.starters')}</th>
                        {horizons.map((y) => (
                          <th scope="col" key={y}>
                            {t('followUp.within', { years: y })}
                          </th>
                        ))}
                        <th scope="col">{t('followUp.withinOr', { years: 4 })}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.year}>
                          <th scope="row">{r.year}</th>
                          <td>{starters(r.all!)}</td>
                          {horizons.map((y) => (
                            <td key={y}>
                              {cell(
                                r.all!.within.find((w) => w.years === y),
                                'examen',
                              )}
                            </td>
                          ))}
                          <td>{cell(w4(r.all!), 'examenOrStudiebevis')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="breakdown-heading">
                <h2 id="breakdown-heading">{t('followUp.breakdownHeading')}</h2>
                <div className="no-print follow-up-filters">
                  <label>
                    {t('followUp.breakdownLabel')}{' '}
                    <select value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
                      {dimensionsShown.map((dim) => (
                        <option key={dim} value={dim}>
                          {t(`followUp.dimensions.${dim}`)}
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                  <label>
                    {t('followUp.cohortLabel')}{' '}
                    <select value={chosen ?? ''} onChange={(e) => setCohortYear(Number(e.target.value))}>
                      {rows.map((r) => (
                        <option key={r.year} value={r.year}>
                          {r.year}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <div className="table-scroll">
                  <table>
                    <caption>{t('followUp.breakdownCaption', { dimension: t(`followUp.dimensions.${dimension}`), year: chosen })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('followUp.group')}</th>
                        <th scope="col">{t('followUp.starters')}</th>
                        {horizons.map((y) => (
                          <th scope="col" key={y}>
                            {t('followUp.within', { years: y })}
                          </th>
                        ))}
                        <th scope="col">{t('followUp.studiebevis')}</th>
                        <th scope="col">{t('followUp.studying')}</th>
                        <th scope="col">{t('followUp.left')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {groups.map((g) => (
                        <tr key={g.key}>
                          <th scope="row">{g.name[lang]}</th>
                          <td>{starters(g)}</td>
                          {horizons.map((y) => (
                            <td key={y}>
                              {cell(
                                g.within.find((w) => w.years === y),
                                'examen',
                              )}
                            </td>
                          ))}
                          <td>{count(w4(g), 'studiebevis')}</td>
                          <td>{count(w4(g), 'studying')}</td>
                          <td>{count(w4(g), 'left')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
        </>
      )}
      {d && <LeftReasonsSection completion={d} />}
      {national.error !== undefined && <ErrorMessage error={national.error} />}
      {national.data && d && <NationalSection national={national.data} completion={d} />}
      {goals.error !== undefined && <ErrorMessage error={goals.error} />}
      {goals.data && <GoalsSection goals={goals.data.goals} />}
    </>
  );
}
