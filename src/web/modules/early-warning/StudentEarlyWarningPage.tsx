/**
 * One student's early-detection page, headed by the student's name: tier, probability with band and reasons, the
 * indicators with onset and their values in words, the connectedness rating and the timeline.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { earlyWarningApi } from '../../../shared/early-warning/contract.ts';
import type { IndicatorEpisode } from '../../../shared/early-warning/responses.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { useCan } from '../../shared/session.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { CaseLink } from '../interventions/CaseLink.tsx';
import { ConnectednessForm } from './ConnectednessForm.tsx';
import { ProbabilityText, Reasons, TierBadge } from './parts.tsx';
import { indicatorValue } from './indicator-value.ts';
import { TimelineChart } from './TimelineChart.tsx';

const severityKey = { caution: 'severityCaution', flag: 'severityFlag', severe: 'severitySevere' } as const;

export default function StudentEarlyWarningPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canReadStudent = useCan('students.read');
  const canRate = useCan('connectedness.write');
  const page = useLoad(() => call(earlyWarningApi.student, { params: { id } }), id);
  const canCase = useCan('interventions.read');
  const name = page.data?.student ? `${page.data.student.givenName} ${page.data.student.familyName}` : '';
  useTitle(name ? `${name} – ${t('earlyWarning.studentTitle')}` : t('earlyWarning.studentTitle'));
  if (page.loading && !page.data) return <Loading />;
  if (page.error !== undefined) return <ErrorMessage error={page.error} />;
  const data = page.data;
  if (!data) return null;
  const status = (e: IndicatorEpisode) =>
    e.status === 'active' ? t('earlyWarning.active') : t('earlyWarning.resolved', { date: formatDate(e.resolvedOn ?? e.lastSeen) });
  return (
    <>
      <p className="muted">{t('earlyWarning.studentTitle')}</p>
      <h1>{name || t('earlyWarning.studentTitle')}</h1>
      {canReadStudent && (
        <p>
          <Link to={`/elever/${id}`}>{t('earlyWarning.toStudent')}</Link>
        </p>
      )}
      {canCase && data.current && (
        <p>
          <CaseLink
            openCaseId={data.openCaseId ?? undefined}
            studentId={id}
            studentName={name}
            schoolUnitId={data.current.schoolUnit.id}
            openedFrom={data.current.tier >= 2 ? 'flag' : 'manual'}
          />
        </p>
      )}
      {data.current ? (
        <section aria-labelledby="ew-current">
          <h2 id="ew-current">{t('earlyWarning.current', { date: formatDate(data.current.asOf) })}</h2>
          <dl className="facts">
            <dt>{t('earlyWarning.tier')}</dt>
            <dd>
              <TierBadge tier={data.current.tier} />
            </dd>
            <dt>{t('earlyWarning.probability')}</dt>
            <dd>
              <ProbabilityText p={data.current.probability} />
            </dd>
            <dt>{t('earlyWarning.reasons')}</dt>
            <dd>
              <Reasons reasons={data.current.reasons} flags={data.current.flags} />
            </dd>
          </dl>
        </section>
      ) : (
        <p>{t('earlyWarning.notEnrolled')}</p>
      )}
      <section aria-labelledby="ew-indicators">
        <h2 id="ew-indicators">{t('earlyWarning.indicators')}</h2>
        {data.indicators.length === 0 ? (
          <EmptyState text={t('earlyWarning.noIndicators')} />
        ) : (
          <table>
            <caption>{t('earlyWarning.indicatorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('earlyWarning.indicator')}</th>
                <th scope="col">{t('earlyWarning.severity')}</th>
                <th scope="col">{t('earlyWarning.onset')}</th>
                <th scope="col">{t('earlyWarning.lastSeen')}</th>
                <th scope="col">{t('earlyWarning.status')}</th>
                <th scope="col">{t('earlyWarning.value')}</th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((e) => (
                <tr key={`${e.indicator}-${e.onset}`}>
                  <td>
                    {t(`earlyWarning.ind.${e.indicator}`)}
                    {!e.counts && <> ({t('earlyWarning.countsNot')})</>}
                  </td>
                  <td>{t(`earlyWarning.${severityKey[e.severity]}`)}</td>
                  <td>{formatDate(e.onset)}</td>
                  <td>{formatDate(e.lastSeen)}</td>
                  <td>{status(e)}</td>
                  <td>{indicatorValue(e.indicator, e.value, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canRate && data.current && (
        <section aria-label={t('earlyWarning.rateTitle')}>
          <ConnectednessForm studentId={id} />
        </section>
      )}
      {data.history.length > 1 && (
        <section aria-labelledby="ew-timeline">
          <h2 id="ew-timeline">{t('earlyWarning.timeline')}</h2>
          <TimelineChart points={data.history} />
        </section>
      )}
    </>
  );
}
