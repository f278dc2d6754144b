/**
 * One event's sign-ups for the region coordinator (opened on demand: reading them is logged), and once the event has
 * started, attendance: a checkbox per person, "mark all", saved with a visible confirmation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { FormProblem } from '../../shared/forms.tsx';
import { ErrorMessage, Loading } from '../../shared/states.tsx';
import type { ResponseOf } from '../../../shared/contract/endpoint.ts';
import { eventsApi, type NetworkEvent } from '../../../shared/events/contract.ts';

type Signups = ResponseOf<typeof eventsApi.signups>;

/** The attendance form for loaded sign-ups. */
function Attendance({ e, data, onSaved }: { e: NetworkEvent; data: Signups; onSaved: () => void }) {
  const { t } = useTranslation();
  const [present, setPresent] = useState(() => new Map(data.items.map((s) => [s.id, s.attended === true])));
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (id: string, value: boolean) => {
    setSaved(undefined);
    setPresent((p) => new Map(p).set(id, value));
  };
  const all = () => {
    setSaved(undefined);
    setPresent(new Map(data.items.map((s) => [s.id, true])));
  };
  const save = async () => {
    setError(undefined);
    setSaved(undefined);
    setBusy(true);
    try {
      const marks = data.items.map((s) => ({ signup: s.id, attended: present.get(s.id) ?? false }));
      const result = await call(eventsApi.attendance, { params: { id: e.id }, body: { marks } });
      setSaved(t('events.attendanceSaved', { attended: result.attended, signups: result.signups }));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const unmarked = data.items.every((s) => s.attended === null);
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        void save();
      }}
    >
      <FormProblem error={error} />
      {unmarked && <p>{t('events.notMarkedYet')}</p>}
      <SignupTable data={data} present={present} onChange={set} />
      <p className="actions">
        <button type="button" onClick={all}>
          {t('events.markAll')}
        </button>{' '}
        <button type="submit" disabled={busy}>
          {t('events.saveAttendance')}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {saved && <p className="notice">{saved}</p>}
      </div>
    </form>
  );
}

interface TableProps {
  data: Signups;
  present?: Map<string, boolean>;
  onChange?: (id: string, value: boolean) => void;
}

/** The sign-ups as a table; with `present`, a checkbox per person. */
function SignupTable({ data, present, onChange }: TableProps) {
  const { t } = useTranslation();
  if (data.items.length === 0) return <p>{t('events.noSignups')}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('events.signupsOf')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.name')}</th>
            <th scope="col">{t('events.organisation')}</th>
            <th scope="col">{t('events.role')}</th>
            <th scope="col">{t('events.email')}</th>
            {present && <th scope="col">{t('events.attended')}</th>}
          </tr>
        </thead>
        <tbody>
          {data.items.map((s, i) => {
            const who = s.name ?? t('events.anonymised', { n: i + 1 });
            return (
              <tr key={s.id}>
                <th scope="row">{who}</th>
                <td>{s.organisation ?? ''}</td>
                <td>{t(`events.roles.${s.role}`)}</td>
                <td>{s.email ?? ''}</td>
                {present && (
                  <td>
                    <input
                      type="checkbox"
                      checked={present.get(s.id) ?? false}
                      onChange={(ev) => onChange?.(s.id, ev.target.checked)}
                      aria-label={t('events.attendedBy', { name: who })}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The disclosure with one event's sign-ups, loaded when opened; `onSaved` after attendance is saved. */
export function SignupList({ e, onSaved }: { e: NetworkEvent; onSaved: () => void }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Signups>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState(false);
  const load = async () => {
    setOpen(true);
    if (data) return;
    try {
      setData(await call(eventsApi.signups, { params: { id: e.id } }));
    } catch (err) {
      setError(err);
    }
  };
  const started = Date.parse(e.startsAt) <= Date.now();
  return (
    <details
      className="signups"
      onToggle={(ev) => {
        if ((ev.target as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>{started && !e.cancelled ? t('events.signupsAndAttendance') : t('events.showSignups')}</summary>
      {open && !data && error === undefined && <Loading />}
      {error !== undefined && <ErrorMessage error={error} />}
      {data && data.canMark && <Attendance e={e} data={data} onSaved={onSaved} />}
      {data && !data.canMark && (
        <>
          <p>{e.cancelled ? t('events.cancelledNoAttendance') : t('events.markAfterStart')}</p>
          <SignupTable data={data} />
        </>
      )}
    </details>
  );
}
