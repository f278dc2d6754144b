/** One team meeting: the generated agenda, minutes and attendees saved with a version, status, and the decisions; printable. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../shared/session.tsx';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { MeetingAgenda } from './MeetingAgenda.tsx';
import { MeetingDecisions } from './MeetingDecisions.tsx';
import { MeetingMinutesForm } from './MeetingMinutesForm.tsx';
import { meetingsApi } from '../../../shared/interventions/meetings.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import './meeting.css';

export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canWrite = useCan('interventions.write');
  // A save refetches the record below the form and keeps the form (it holds the new version); a reload after a conflict
  // refetches and, once the stored meeting is there, starts the form afresh from it.
  const [loads, setLoads] = useState(0);
  const [formKey, setFormKey] = useState(0);
  const reloading = useRef(false);
  const [saved, setSaved] = useState(false);
  const meeting = useLoad(() => call(meetingsApi.read, { params: { id } }), `${id}-${loads}`);
  const m = meeting.data;
  useEffect(() => {
    if (!reloading.current || !m) return;
    reloading.current = false;
    setFormKey((k) => k + 1);
  }, [m]);
  useTitle(m ? t('interventionMeetings.meetingTitle', { date: formatDate(m.heldOn) }) : t('interventionMeetings.listTitle'));
  if (meeting.error !== undefined) return <ErrorMessage error={meeting.error} />;
  if (!m) return <Loading />;
  return (
    <article className="meeting">
      <h1>{t('interventionMeetings.meetingTitle', { date: formatDate(m.heldOn) })}</h1>
      <dl className="facts">
        <dt>{t('interventionMeetings.unit')}</dt>
        <dd>{m.schoolUnit.name}</dd>
        <dt>{t('interventionMeetings.date')}</dt>
        <dd>{formatDate(m.heldOn)}</dd>
        <dt>{t('interventionMeetings.status')}</dt>
        <dd>{t(`interventionMeetings.status_${m.status}`)}</dd>
      </dl>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('interventionMeetings.print')}
        </button>
      </p>
      <MeetingAgenda agenda={m.agenda} />
      {canWrite ? (
        <MeetingMinutesForm
          key={`${m.id}-${formKey}`}
          meeting={m}
          focusOnStart={formKey > 0}
          onSaving={() => setSaved(false)}
          onSaved={() => {
            setSaved(true);
            setLoads((n) => n + 1);
          }}
          onReload={() => {
            setSaved(false);
            reloading.current = true;
            setLoads((n) => n + 1);
          }}
        />
      ) : null}
      <div aria-live="polite" className="no-print">
        {saved && <p>{t('interventionMeetings.saved')}</p>}
      </div>
      <section aria-labelledby="minutes-record" className={canWrite ? 'print-only' : undefined}>
        <h2 id="minutes-record">{t('interventionMeetings.minutesRecord')}</h2>
        <h3>{t('interventionMeetings.attendees')}</h3>
        <p>{m.attendees.length === 0 ? t('interventionMeetings.noAttendees') : m.attendees.map((a) => a.name).join(', ')}</p>
        <h3>{t('interventionMeetings.minutes')}</h3>
        <p className="minutes-text">{m.minutes || t('interventionMeetings.noMinutes')}</p>
      </section>
      {(m.status === 'held' || m.decisions.length > 0 || m.hiddenDecisions > 0) && (
        <MeetingDecisions decisions={m.decisions} hidden={m.hiddenDecisions} />
      )}
    </article>
  );
}
