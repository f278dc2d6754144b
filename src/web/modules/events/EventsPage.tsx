/**
 * The region coordinator's events: the list with sign-up counts, each event's sign-ups and attendance once it has
 * started, the recording added afterwards, a new event, and the participation per organisation and role, signed up and
 * attended (the competence-development figures).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { FormProblem } from '../../shared/forms.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { eventsApi, type NetworkEvent } from '../../../shared/events/contract.ts';
import { EventForm } from './EventForm.tsx';
import { SignupList } from './SignupList.tsx';

function Recording({ e, onSaved }: { e: NetworkEvent; onSaved: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(e.recordingUrl ?? '');
  const [error, setError] = useState<unknown>();
  const save = async () => {
    try {
      const { id: _id, signups: _s, ...rest } = e;
      await call(eventsApi.update, {
        params: { id: e.id },
        body: { ...rest, place: rest.place ?? '', link: rest.link ?? '', recordingUrl: url },
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div>
      <FormProblem error={error} />
      <label htmlFor={`rec-${e.id}`}>{t('events.addRecording')}</label>{' '}
      <input id={`rec-${e.id}`} type="url" value={url} onChange={(ev) => setUrl(ev.target.value)} />{' '}
      <button type="button" onClick={() => void save()} aria-label={`${t('events.addRecording')}: ${e.title}`}>
        {t('events.save')}
      </button>
    </div>
  );
}

export default function EventsPage() {
  const { t } = useTranslation();
  useTitle(t('events.nav'));
  const [loads, setLoads] = useState(0);
  const list = useLoad(() => call(eventsApi.list), String(loads));
  const reload = () => setLoads((n) => n + 1);
  const now = Date.now();
  return (
    <>
      <h1>{t('events.nav')}</h1>
      <p>
        {t('events.intro')} <a href="/evenemang">{t('events.publicList')}</a>.
      </p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {list.data && (
        <>
          <h2>{t('events.list')}</h2>
          {list.data.events.length === 0 && <p>{t('events.none')}</p>}
          <ul className="challenge-list">
            {list.data.events.map((e) => (
              <li key={e.id}>
                {/* The region's events are written in Swedish (a Swedish knowledge node's); marked so (WCAG 3.1.2). */}
                <h3>
                  <a href={`/evenemang/${e.id}`} lang="sv">
                    {e.title}
                  </a>
                </h3>
                <p>
                  {t(`events.kinds.${e.kind}`)} · {formatDateTime(e.startsAt)} · {t('events.signups', { count: e.signups })}
                  {e.capacity !== null && ` ${t('events.places', { capacity: e.capacity })}`}
                </p>
                {Date.parse(e.endsAt) < now && <Recording e={e} onSaved={reload} />}
                {e.signups > 0 && <SignupList e={e} onSaved={reload} />}
              </li>
            ))}
          </ul>
          <h2 id="ev-participation">{t('events.participation')}</h2>
          <p>{t('events.participationSummary', list.data.participation)}</p>
          <div className="table-scroll">
            <table aria-labelledby="ev-participation">
              <thead>
                <tr>
                  <th scope="col">{t('events.organisation')}</th>
                  <th scope="col">{t('events.role')}</th>
                  <th scope="col">{t('events.signedUp')}</th>
                  <th scope="col">{t('events.attended')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.participation.byOrganiser.map((r) => (
                  <tr key={r.organiser + r.role}>
                    <th scope="row">{r.organiser}</th>
                    <td>{t(`events.roles.${r.role}`)}</td>
                    <td>{r.participants}</td>
                    <td>
                      {r.unmarked === r.participants
                        ? t('events.notMarked')
                        : r.unmarked > 0
                          ? t('events.attendedPartly', { attended: r.attended, unmarked: r.unmarked })
                          : r.attended}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <EventForm onCreated={reload} />
    </>
  );
}
