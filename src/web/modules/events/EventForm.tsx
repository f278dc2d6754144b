/** The coordinator's form for a new event (times entered in the browser's local time, sent as ISO timestamps). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { Field, FormProblem, useFieldLabel } from '../../shared/forms.tsx';
import { eventLabels, eventsApi } from '../../../shared/events/contract.ts';
import { eventKinds, type EventKind } from '../../../shared/events/vocabulary.ts';
import { focusAreas, type FocusArea } from '../../../shared/knowledge-bank/vocabulary.ts';

const iso = (local: string) => (local ? new Date(local).toISOString() : '');
const blank = {
  kind: 'webinar' as EventKind,
  title: '',
  description: '',
  focusArea: '',
  audience: '',
  startsAt: '',
  endsAt: '',
  place: '',
  link: '',
  capacity: '',
  signupDeadline: '',
};

export function EventForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const label = useFieldLabel(eventLabels);
  const [d, setD] = useState(blank);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const save = async () => {
    setError(undefined);
    setDone(false);
    try {
      await call(eventsApi.create, {
        body: {
          kind: d.kind,
          title: d.title,
          description: d.description,
          focusArea: d.focusArea ? (d.focusArea as FocusArea) : null,
          audience: d.audience,
          startsAt: iso(d.startsAt),
          endsAt: iso(d.endsAt),
          place: d.place,
          link: d.link,
          capacity: d.capacity ? Number(d.capacity) : null,
          signupDeadline: d.signupDeadline ? iso(d.signupDeadline) : null,
        },
      });
      setD(blank);
      setDone(true);
      onCreated();
    } catch (e) {
      setError(e);
    }
  };
  const text = (field: keyof typeof blank, type = 'text') => (
    <Field
      id={`ev-${field}`}
      label={label(field)}
      field={field}
      error={error}
      help={type === 'datetime-local' ? t('events.timeHelp') : undefined}
    >
      {(p) => <input {...p} type={type} value={d[field]} onChange={(e) => setD({ ...d, [field]: e.target.value })} />}
    </Field>
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('events.create')}</h2>
      <FormProblem error={error} />
      <Field id="ev-kind" label={label('kind')} field="kind" error={error}>
        {(p) => (
          <select {...p} value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as EventKind })}>
            {eventKinds.map((k) => (
              <option key={k} value={k}>
                {t(`events.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('title')}
      <Field id="ev-focus" label={label('focusArea')} field="focusArea" error={error}>
        {(p) => (
          <select {...p} value={d.focusArea} onChange={(e) => setD({ ...d, focusArea: e.target.value })}>
            <option value="">{t('events.noFocus')}</option>
            {focusAreas.map((f) => (
              <option key={f} value={f}>
                {t(`knowledgeBank.focus.${f}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('audience')}
      {text('startsAt', 'datetime-local')}
      {text('endsAt', 'datetime-local')}
      {text('place')}
      {text('link', 'url')}
      {text('capacity', 'number')}
      {text('signupDeadline', 'datetime-local')}
      <Field id="ev-description" label={label('description')} field="description" error={error}>
        {(p) => <textarea {...p} rows={3} value={d.description} onChange={(e) => setD({ ...d, description: e.target.value })} />}
      </Field>
      <button type="submit">{t('events.save')}</button>
      {done && <p role="status">{t('events.created')}</p>}
    </form>
  );
}
