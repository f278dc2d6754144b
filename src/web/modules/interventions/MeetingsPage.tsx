/** The student-health team's meetings at the actor's units, and a form that creates one with its agenda generated. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { meetingsApi } from '../../../shared/interventions/meetings.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { useCan } from '../../shared/session.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { studentsApi } from '../../../shared/students/contract.ts';
import { MeetingField } from './MeetingField.tsx';
import { fieldMessage as fieldError } from './request.ts';
import './meeting.css';

export default function MeetingsPage() {
  const { t } = useTranslation();
  useTitle(t('interventionMeetings.listTitle'));
  const canWrite = useCan('interventions.write');
  const [unitFilter, setUnitFilter] = useState('');
  const units = useLoad(() => call(studentsApi.filters), 'units');
  const list = useLoad(() => call(meetingsApi.list, { query: { schoolUnitId: unitFilter || undefined } }), unitFilter);
  const unitOptions = units.data?.schoolUnits ?? [];
  return (
    <>
      <h1>{t('interventionMeetings.listTitle')}</h1>
      <p>{t('interventionMeetings.listIntro')}</p>
      {canWrite && <NewMeetingForm units={unitOptions} />}
      <section aria-labelledby="meetings-list">
        <h2 id="meetings-list">{t('interventionMeetings.listHeading')}</h2>
        {unitOptions.length > 1 && (
          <form className="filters" onSubmit={(e) => e.preventDefault()}>
            <div>
              <label htmlFor="meetings-unit-filter">{t('interventionMeetings.unit')}</label>
              <select id="meetings-unit-filter" value={unitFilter} onChange={(e) => setUnitFilter(e.target.value)}>
                <option value="">{t('interventionMeetings.allUnits')}</option>
                {unitOptions.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          </form>
        )}
        {list.loading && !list.data && <Loading />}
        {list.error !== undefined && <ErrorMessage error={list.error} />}
        {list.data && list.data.items.length === 0 && <EmptyState text={t('interventionMeetings.noMeetings')} />}
        {list.data && list.data.items.length > 0 && (
          <table>
            <caption>{t('interventionMeetings.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('interventionMeetings.date')}</th>
                <th scope="col">{t('interventionMeetings.unit')}</th>
                <th scope="col">{t('interventionMeetings.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/insatser/moten/${m.id}`}>{t('interventionMeetings.meetingOn', { date: formatDate(m.heldOn) })}</Link>
                  </td>
                  <td>{m.schoolUnit.name}</td>
                  <td>{t(`interventionMeetings.status_${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** "Nytt elevhälsomöte": unit and date; on success the new meeting's agenda page. */
function NewMeetingForm({ units }: { units: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unit, setUnit] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const chosenUnit = unit || (units.length === 1 ? (units[0]?.id ?? '') : '');
  const create = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const { id } = await call(meetingsApi.create, { body: { schoolUnitId: chosenUnit, heldOn } });
      void navigate(`/insatser/moten/${id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="meetings-new">
      <h2 id="meetings-new">{t('interventionMeetings.newTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
        noValidate
      >
        <MeetingField id="meeting-unit" label={t('interventionMeetings.unit')} error={fieldError(error, 'schoolUnitId')}>
          {(props) => (
            <select {...props} value={chosenUnit} onChange={(e) => setUnit(e.target.value)} required>
              <option value="">{t('interventionMeetings.chooseUnit')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </MeetingField>
        <MeetingField
          id="meeting-date"
          label={t('interventionMeetings.date')}
          help={t('interventionMeetings.dateHelp')}
          error={fieldError(error, 'heldOn')}
        >
          {(props) => <input {...props} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} required />}
        </MeetingField>
        <button type="submit" disabled={busy}>
          {t('interventionMeetings.create')}
        </button>
        {error !== undefined && <ErrorMessage error={error} />}
      </form>
    </section>
  );
}
