/**
 * The region's completion goals (the coordinator and the steering group, `region-report.read`): the region's cohorts —
 * every organiser in its municipalities summed before small figures are hidden — and per goal the actual series, the
 * straight path to the target and whether the latest figure is on it (chart and table). The coordinator
 * (`region-report.write`) sets the goals here. Aggregates only; CSV and print.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../shared/api.ts';
import { formatDate, formatPercent } from '../../shared/format.ts';
import { useCan } from '../../shared/session.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { regionGoalsApi, type RegionGoals } from '../../../shared/follow-up/region-goals.ts';
import { downloadCsv, toCsv } from './csv.ts';
import { GoalsEditor } from './GoalsEditor.tsx';
import { GoalsSection } from './GoalsSection.tsx';
import './follow-up.css';

const horizons = [3, 4, 5] as const;

/** The region's cohorts by start year: the share with a diploma within 3/4/5 years and with either within 4. */
function CohortsTable({ data }: { data: RegionGoals }) {
  const { t } = useTranslation();
  const years = [...new Set(data.cohorts.map((c) => c.startYear))].sort((a, b) => a - b);
  const cell = (year: number, within: number, key: 'examen' | 'examenOrStudiebevis') => {
    const c = data.cohorts.find((x) => x.startYear === year && x.years === within);
    if (!c) return t('followUpRegion.notYet');
    return c[key] === null ? t('followUpRegion.hidden') : formatPercent(c[key], 1);
  };
  return (
    <section aria-labelledby="region-cohorts-heading">
      <h2 id="region-cohorts-heading">{t('followUpRegion.cohortsHeading')}</h2>
      {years.length === 0 ? (
        <EmptyState text={t('followUpRegion.cohortsEmpty')} />
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('followUpRegion.cohortsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followUpRegion.startYear')}</th>
                {horizons.map((y) => (
                  <th scope="col" key={y}>
                    {t('followUpRegion.within', { years: y })}
                  </th>
                ))}
                <th scope="col">{t('followUpRegion.withinOr', { years: 4 })}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  {horizons.map((y) => (
                    <td key={y}>{cell(year, y, 'examen')}</td>
                  ))}
                  <td>{cell(year, 4, 'examenOrStudiebevis')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function RegionGoalsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('followUpRegion.title'));
  const canWrite = useCan('region-report.write');
  const [loads, setLoads] = useState(0);
  const answer = useLoad(() => call(regionGoalsApi.read), String(loads));
  const d = answer.data;
  const pct = (x: number | null) => (x === null ? t('followUpRegion.hidden') : formatPercent(x, 1));

  const goalsCsv = () => {
    if (!d) return;
    const head = ['csvGoal', 'csvYear', 'csvActual', 'csvPath', 'csvStatus'].map((k) => t(`followUpRegion.${k}`));
    const rows = d.goals.flatMap((g) =>
      g.trajectory
        .filter((p) => p.actual !== null || p.path !== null)
        .map((p) => [
          g.name,
          p.year,
          p.actual === null ? t('followUpRegion.notYet') : pct(p.actual),
          p.path === null ? '' : pct(p.path),
          t(`followUpRegion.status.${g.status}`),
        ]),
    );
    downloadCsv(toCsv(head, rows), `${t('followUpRegion.csvGoalsName')}-${d.asOf}.csv`);
  };
  const cohortsCsv = () => {
    if (!d) return;
    const head = [
      t('followUpRegion.startYear'),
      ...horizons.flatMap((y) => [t('followUpRegion.within', { years: y }), t('followUpRegion.withinOr', { years: y })]),
    ];
    const years = [...new Set(d.cohorts.map((c) => c.startYear))].sort((a, b) => a - b);
    const rows = years.map((year) => [
      year,
      ...horizons.flatMap((y) => {
        const c = d.cohorts.find((x) => x.startYear === year && x.years === y);
        return c ? [pct(c.examen), pct(c.examenOrStudiebevis)] : [t('followUpRegion.notYet'), t('followUpRegion.notYet')];
      }),
    ]);
    downloadCsv(toCsv(head, rows), `${t('followUpRegion.csvCohortsName')}-${d.asOf}.csv`);
  };

  return (
    <>
      <h1>{t('followUpRegion.title')}</h1>
      <p>{t('followUpRegion.intro')}</p>
      {answer.loading && !d && <Loading />}
      {answer.error !== undefined && <ErrorMessage error={answer.error} />}
      {d && (
        <>
          <p>{t('followUpRegion.asOf', { date: formatDate(d.asOf), region: d.region[lang] })}</p>
          <p className="no-print follow-up-actions">
            <button type="button" onClick={goalsCsv} disabled={d.goals.length === 0}>
              {t('followUpRegion.downloadGoals')}
            </button>
            <button type="button" onClick={cohortsCsv}>
              {t('followUpRegion.downloadCohorts')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('followUpRegion.print')}
            </button>
            <Link to="/region">{t('followUpRegion.backToRegion')}</Link>
          </p>
          <GoalsSection goals={d.goals} noGoals={t('followUpRegion.noGoals')} />
          <CohortsTable data={d} />
          {canWrite && (
            <section aria-labelledby="region-goals-edit" className="no-print">
              <h2 id="region-goals-edit">{t('followUpRegion.editHeading')}</h2>
              <GoalsEditor
                goals={d.goals}
                baselineHelp={t('followUpRegion.baselineHelp')}
                save={(goals) => call(regionGoalsApi.save, { body: { goals } })}
                onSaved={() => setLoads((n) => n + 1)}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
