/** Counts without names for principals and analysts: per unit and tier, indicator, year and programme; as CSV and printable. */
import { useTranslation } from 'react-i18next';
import { earlyWarningApi } from '../../../shared/early-warning/contract.ts';
import type { Overview } from '../../../shared/early-warning/responses.ts';
import { call } from '../../shared/api.ts';
import { downloadCsv } from '../../shared/download.ts';
import { formatDate, formatNumber } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { schoolTypeLabel } from '../students/school-types.ts';
import { overviewCsv } from './overview-csv.ts';
import { TierChart } from './TierChart.tsx';
import './early-warning.css';

export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  useTitle(t('earlyWarning.overviewTitle'));
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const overview = useLoad(() => call(earlyWarningApi.overview), 'overview');
  // A hidden count says why: fewer than 5, or hidden so that a small count beside it cannot be subtracted out.
  const count = (c: { count: number | null; suppressed: Overview['units'][number]['suppressed'] }) =>
    c.count !== null ? formatNumber(c.count, 0) : c.suppressed === 'complementary' ? t('earlyWarning.protected') : t('earlyWarning.fewer');
  const d = overview.data;
  return (
    <div className="ew-overview">
      <h1>{t('earlyWarning.overviewTitle')}</h1>
      <p>{t('earlyWarning.overviewIntro')}</p>
      {overview.loading && !d && <Loading />}
      {overview.error !== undefined && <ErrorMessage error={overview.error} />}
      {d && !d.asOf && <EmptyState text={t('earlyWarning.notRefreshed')} />}
      {d?.asOf && (
        <>
          <p>{t('earlyWarning.updated', { date: formatDate(d.asOf) })}</p>
          <p className="worklist-actions no-print">
            <button
              type="button"
              onClick={() =>
                downloadCsv(
                  overviewCsv(d, { t, language, schoolType: (code) => schoolTypeLabel(code, t) }),
                  `tidig-upptackt-oversikt-${d.asOf}.csv`,
                )
              }
            >
              {t('earlyWarning.overviewCsv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('earlyWarning.overviewPrint')}
            </button>
          </p>
          <TierChart units={d.units} />
          <table>
            <caption>{t('earlyWarning.perUnit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('earlyWarning.unit')}</th>
                <th scope="col">{t('earlyWarning.tier')}</th>
                <th scope="col">{t('earlyWarning.students')}</th>
              </tr>
            </thead>
            <tbody>
              {d.units.map((u) => (
                <tr key={`${u.schoolUnitId}-${u.tier}`}>
                  <td>{u.name}</td>
                  <td>{t(`earlyWarning.tier${u.tier}`)}</td>
                  <td>{count(u)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t('earlyWarning.perIndicator')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('earlyWarning.indicator')}</th>
                <th scope="col">{t('earlyWarning.students')}</th>
              </tr>
            </thead>
            <tbody>
              {d.indicators.map((i) => (
                <tr key={i.indicator}>
                  <td>{t(`earlyWarning.ind.${i.indicator}`)}</td>
                  <td>{count(i)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t('earlyWarning.perYear')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('earlyWarning.schoolType')}</th>
                <th scope="col">{t('earlyWarning.year')}</th>
                <th scope="col">{t('earlyWarning.tier')}</th>
                <th scope="col">{t('earlyWarning.students')}</th>
              </tr>
            </thead>
            <tbody>
              {d.years.map((y) => (
                <tr key={`${y.schoolType}-${y.schoolYear}-${y.tier}`}>
                  <td>{schoolTypeLabel(y.schoolType, t)}</td>
                  <td>{y.schoolYear ?? '–'}</td>
                  <td>{t(`earlyWarning.tier${y.tier}`)}</td>
                  <td>{count(y)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t('earlyWarning.perProgramme')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('earlyWarning.programme')}</th>
                <th scope="col">{t('earlyWarning.tier')}</th>
                <th scope="col">{t('earlyWarning.students')}</th>
              </tr>
            </thead>
            <tbody>
              {d.programmes.map((p) => (
                <tr key={`${p.programmeCode}-${p.tier}`}>
                  <td>{p.programmeName ?? p.programmeCode ?? '–'}</td>
                  <td>{t(`earlyWarning.tier${p.tier}`)}</td>
                  <td>{count(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
