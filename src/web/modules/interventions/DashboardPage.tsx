/**
 * Principals and analysts: per school unit and for the organiser, open cases, overdue follow-ups, median days from
 * flag to first intervention and the share of tier-3 students with a case (chart and table), outcomes per method,
 * and the measured change in attendance per method with its caveat. No names; counts under 5 as "färre än 5", and counts
 * hidden so that a small one cannot be subtracted out of the total as "dold för att skydda en liten grupp".
 */
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../shared/download.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { DashboardChart } from './DashboardChart.tsx';
import { DashboardOutcomes } from './DashboardOutcomes.tsx';
import { MethodEffectChart } from './MethodEffectChart.tsx';
import { formatDate, formatNumber, formatPercent } from '../../shared/format.ts';
import { dashboardCsv } from './dashboard-csv.ts';
import { dashboardApi, type DashboardFigures, type Suppressed } from '../../../shared/interventions/dashboard.ts';
import { effectApi } from '../../../shared/interventions/effect.ts';
import { call } from '../../shared/api.ts';
import './meeting.css';
import './dashboard.css';

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('interventionMeetings.overviewTitle'));
  const dashboard = useLoad(() => call(dashboardApi.read), 'dashboard');
  const effects = useLoad(() => call(effectApi.methods), 'effects');
  const hidden = (why: Suppressed) => t(why === 'complementary' ? 'interventionMeetings.protected' : 'interventionMeetings.fewer');
  const count = (n: number | null, why: Suppressed) => (n === null ? hidden(why) : formatNumber(n, 0));
  const share = (f: DashboardFigures) =>
    f.tier3.total === 0
      ? '–'
      : f.tier3.share === null
        ? hidden(f.suppressed.tier3Total === 'small' || f.suppressed.tier3WithCase === 'small' ? 'small' : 'complementary')
        : t('interventionMeetings.shareOf', {
            share: formatPercent(f.tier3.share),
            withCase: count(f.tier3.withCase, f.suppressed.tier3WithCase),
            total: count(f.tier3.total, f.suppressed.tier3Total),
          });
  const days = (f: DashboardFigures) =>
    f.medianDaysToFirstIntervention !== null
      ? t('interventionMeetings.days', { count: f.medianDaysToFirstIntervention, value: formatNumber(f.medianDaysToFirstIntervention) })
      : f.suppressed.casesWithIntervention === 'small'
        ? t('interventionMeetings.fewerCases')
        : '–';
  const row = (name: string, f: DashboardFigures, header = false) => (
    <tr key={name} className={header ? 'total-row' : undefined}>
      <th scope="row">{name}</th>
      <td>{count(f.openCases, f.suppressed.openCases)}</td>
      <td>{count(f.overdueFollowUps, f.suppressed.overdueFollowUps)}</td>
      <td>{days(f)}</td>
      <td>{share(f)}</td>
    </tr>
  );
  const d = dashboard.data;
  return (
    <>
      <h1>{t('interventionMeetings.overviewTitle')}</h1>
      <p>{t('interventionMeetings.overviewIntro')}</p>
      {dashboard.loading && !d && <Loading />}
      {dashboard.error !== undefined && <ErrorMessage error={dashboard.error} />}
      {d && (
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">{t('interventionMeetings.figures')}</h2>
          <p>{t('interventionMeetings.asOf', { date: formatDate(d.asOf) })}</p>
          <p className="no-print dashboard-actions">
            <button
              type="button"
              onClick={() => downloadCsv(dashboardCsv(d, effects.data, { t, language }), `insatser-oversikt-${d.asOf}.csv`)}
            >
              {t('interventionMeetings.downloadCsv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('interventionMeetings.printOverview')}
            </button>
          </p>
          {d.units.length > 0 && <DashboardChart units={d.units} />}
          <table>
            <caption>{t('interventionMeetings.figuresCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('interventionMeetings.unit')}</th>
                <th scope="col">{t('interventionMeetings.openCases')}</th>
                <th scope="col">{t('interventionMeetings.overdueFollowUps')}</th>
                <th scope="col">{t('interventionMeetings.medianDays')}</th>
                <th scope="col">{t('interventionMeetings.tier3Share')}</th>
              </tr>
            </thead>
            <tbody>
              {d.units.map((u) => row(u.schoolUnit.name, u))}
              {row(t('interventionMeetings.organiser'), d.organiser, true)}
            </tbody>
          </table>
        </section>
      )}
      {d && <DashboardOutcomes outcomes={d.outcomes} />}
      {effects.loading && !effects.data && <Loading />}
      {effects.error !== undefined && <ErrorMessage error={effects.error} />}
      {effects.data && <MethodEffectChart effects={effects.data} />}
    </>
  );
}
