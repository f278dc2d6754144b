/**
 * One case: the student and the indicators at opening, status and level (with optimistic locking), the interventions
 * with follow-ups and measured effect, the åtgärdsprogram and PDFs, notes and the history.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { casesApi, type CaseView as CaseDetail } from '../../../shared/interventions/cases.ts';
import { call } from '../../shared/api.ts';
import { formatDate, localToday } from '../../shared/format.ts';
import { useCan } from '../../shared/session.tsx';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { ActionProgrammeSection } from './ActionProgrammeForm.tsx';
import { CaseHistory } from './CaseHistory.tsx';
import { CaseStatusForm } from './CaseStatusForm.tsx';
import { InterventionForm } from './InterventionForm.tsx';
import { InterventionItem } from './InterventionItem.tsx';
import { NoteSection } from './NoteSection.tsx';
import { personName } from './parts.tsx';
import './interventions.css';

function AtOpening({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const a = data.atOpening;
  return (
    <section aria-labelledby="case-opening" className="case-section">
      <h2 id="case-opening">{t('interventions.atOpening', { date: formatDate(data.openedOn) })}</h2>
      <dl className="case-facts">
        <dt>{t('interventions.reason')}</dt>
        <dd>{data.reason}</dd>
        <dt>{t('interventions.openedFrom')}</dt>
        <dd>{t(`interventions.from.${data.openedFrom}`)}</dd>
        <dt>{t('interventions.tier')}</dt>
        <dd>{a.tier ? t(`earlyWarning.tier${a.tier}`) : t('interventions.noTier')}</dd>
        <dt>{t('interventions.indicators')}</dt>
        <dd>
          {a.flags.length > 0 ? (
            <ul className="reasons">
              {a.flags.map((f) => (
                <li key={f}>{t(`earlyWarning.ind.${f}`)}</li>
              ))}
            </ul>
          ) : (
            '–'
          )}
        </dd>
        {a.onset && (
          <>
            <dt>{t('interventions.onset')}</dt>
            <dd>{formatDate(a.onset)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [version, setVersion] = useState(0);
  // "Ladda om" after a conflict: the forms are remounted once the case has been read again, so they show the new values.
  const [reloads, setReloads] = useState(0);
  const [reloadFrom, setReloadFrom] = useState<CaseDetail>();
  const canSeeEarlyWarning = useCan('early-warning.read');
  const page = useLoad(() => call(casesApi.read, { params: { id } }), `${id}:${version}`);
  const data = page.data;
  useEffect(() => {
    if (reloadFrom && page.data && page.data !== reloadFrom) {
      setReloadFrom(undefined);
      setReloads((r) => r + 1);
    }
  }, [reloadFrom, page.data]);
  useTitle(data ? t('interventions.caseTitle', { name: data.student.name ?? '–' }) : t('interventions.caseHeading'));
  if (page.loading && !data) return <Loading />;
  if (page.error !== undefined && !data) return <ErrorMessage error={page.error} />;
  if (!data) return null;
  const refresh = () => setVersion((v) => v + 1);
  const reload = () => {
    setReloadFrom(data);
    refresh();
  };
  return (
    <>
      <p>
        <Link to="/insatser">{t('interventions.backToList')}</Link>
      </p>
      <h1>{t('interventions.caseTitle', { name: data.student.name ?? '–' })}</h1>
      <dl className="case-facts">
        <dt>{t('interventions.unit')}</dt>
        <dd>{data.student.schoolUnit.name ?? '–'}</dd>
        <dt>{t('interventions.status')}</dt>
        <dd>
          {t(`interventions.caseStatus.${data.status}`)}
          {data.closedOn && ` (${formatDate(data.closedOn)})`}
        </dd>
        <dt>{t('interventions.level')}</dt>
        <dd>{t(`interventions.levels.${data.level}`)}</dd>
        <dt>{t('interventions.responsible')}</dt>
        <dd>{personName(data.responsible)}</dd>
        {data.team.length > 0 && (
          <>
            <dt>{t('interventions.team')}</dt>
            <dd>{data.team.map((p) => personName(p)).join(', ')}</dd>
          </>
        )}
      </dl>
      {canSeeEarlyWarning && (
        <p>
          <Link to={`/tidig-upptackt/elev/${data.student.id}`}>{t('interventions.toEarlyWarning')}</Link>
        </p>
      )}
      {page.error !== undefined && <ErrorMessage error={page.error} />}
      {data.can.write && <CaseStatusForm key={`status-${reloads}-${data.status}`} data={data} onSaved={refresh} onReload={reload} />}
      <AtOpening data={data} />
      <section aria-labelledby="case-interventions" className="case-section">
        <h2 id="case-interventions">{t('interventions.interventions')}</h2>
        {data.interventions.length === 0 && <p>{t('interventions.noInterventions')}</p>}
        {data.interventions.map((iv) => (
          <InterventionItem key={iv.id} item={iv} canWrite={data.can.write} onSaved={refresh} onReload={reload} />
        ))}
        {data.can.write && data.status !== 'closed' && (
          <InterventionForm
            key={`iv-${data.interventions.length}`}
            caseId={data.id}
            schoolUnitId={data.student.schoolUnit.id}
            studentId={data.student.id}
            today={localToday()}
            onSaved={refresh}
          />
        )}
      </section>
      <ActionProgrammeSection key={`ap-${reloads}`} data={data} onSaved={refresh} onReload={reload} />
      <NoteSection data={data} onSaved={refresh} />
      <CaseHistory events={data.events} />
    </>
  );
}
