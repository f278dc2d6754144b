/**
 * Minutes, attendees and status of a meeting, saved with the version the page was loaded with. A stale version (409)
 * shows the server's message and a reload button: the form never overwrites someone else's save.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, useLoad } from '../../shared/states.tsx';
import { MeetingField } from './MeetingField.tsx';
import { meetingsApi, type Meeting } from '../../../shared/interventions/meetings.ts';
import { peopleApi } from '../../../shared/interventions/people.ts';
import { ApiError, call } from '../../shared/api.ts';
import { fieldMessage as fieldError, isStale } from './request.ts';

/** `focusOnStart` (after a reload): focus moves to the minutes, since the reload button it came from is gone. */
export function MeetingMinutesForm({
  meeting,
  focusOnStart,
  onSaving,
  onSaved,
  onReload,
}: {
  meeting: Meeting;
  focusOnStart: boolean;
  onSaving: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [attendeeIds, setAttendeeIds] = useState(meeting.attendees.map((a) => a.id));
  const [status, setStatus] = useState(meeting.status);
  const [version, setVersion] = useState(meeting.version);
  const minutesRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusOnStart) minutesRef.current?.focus();
  }, [focusOnStart]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const people = useLoad(() => call(peopleApi.responsibles, { query: { schoolUnitId: meeting.schoolUnit.id } }), meeting.schoolUnit.id);
  // The unit's eligible people, plus anyone already recorded as present who no longer is.
  const choices = [
    ...(people.data?.items ?? []).map((p) => ({ id: p.accountId, name: p.displayName })),
    ...meeting.attendees.filter((a) => !people.data?.items.some((p) => p.accountId === a.id)),
  ];
  const conflict = isStale(error) && error instanceof ApiError;
  const save = async () => {
    setError(undefined);
    setBusy(true);
    onSaving();
    try {
      const answer = await call(meetingsApi.update, { params: { id: meeting.id }, body: { version, minutes, attendeeIds, status } });
      setVersion(answer.version);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) => setAttendeeIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <section aria-labelledby="minutes-heading" className="no-print">
      <h2 id="minutes-heading">{t('interventionMeetings.minutesHeading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <MeetingField
          id="meeting-minutes"
          label={t('interventionMeetings.minutes')}
          help={t('interventionMeetings.minutesHelp')}
          error={fieldError(error, 'minutes')}
        >
          {(props) => <textarea {...props} ref={minutesRef} rows={10} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
        </MeetingField>
        <fieldset aria-describedby={fieldError(error, 'attendeeIds') ? 'meeting-attendees-error' : undefined}>
          <legend>{t('interventionMeetings.attendees')}</legend>
          {people.error !== undefined && <p>{t('interventionMeetings.attendeesUnavailable')}</p>}
          {choices.length === 0 && people.data && <p>{t('interventionMeetings.noAttendeeChoices')}</p>}
          {choices.map((p) => (
            <div key={p.id} className="checkbox">
              <input
                type="checkbox"
                id={`attendee-${p.id}`}
                checked={attendeeIds.includes(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />
              <label htmlFor={`attendee-${p.id}`}>{p.name}</label>
            </div>
          ))}
          {fieldError(error, 'attendeeIds') && (
            <p id="meeting-attendees-error" className="field-error">
              {fieldError(error, 'attendeeIds')}
            </p>
          )}
        </fieldset>
        <MeetingField id="meeting-status" label={t('interventionMeetings.status')} error={fieldError(error, 'status')}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value as Meeting['status'])}>
              <option value="planned">{t('interventionMeetings.status_planned')}</option>
              <option value="held">{t('interventionMeetings.status_held')}</option>
            </select>
          )}
        </MeetingField>
        <button type="submit" disabled={busy || conflict}>
          {t('interventionMeetings.save')}
        </button>
        {conflict && (
          <div role="alert" className="notice notice-error">
            <h3>{t('interventionMeetings.conflictTitle')}</h3>
            <p>{error.message}</p>
            <p>{t('interventionMeetings.conflictHelp')}</p>
            <button type="button" onClick={onReload}>
              {t('interventionMeetings.reload')}
            </button>
          </div>
        )}
        {error !== undefined && !conflict && <ErrorMessage error={error} />}
      </form>
    </section>
  );
}
