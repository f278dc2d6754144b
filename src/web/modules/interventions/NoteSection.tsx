/**
 * The case's notes, newest first, and a new note with the "känslig" box. A sensitive note the actor may not read
 * shows only that it exists. Notes are never edited: a correction is a new note.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, personName } from './parts.tsx';
import { interventionsApi } from '../../../shared/interventions/interventions.ts';
import type { CaseView } from '../../../shared/interventions/cases.ts';
import { call } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { FormProblem } from '../../shared/forms.tsx';

export function NoteSection({ data, onSaved }: { data: CaseView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call(interventionsApi.addNote, { params: { id: data.id }, body: { body, sensitive } });
      setBody('');
      setSensitive(false);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="case-notes" className="case-section">
      <h2 id="case-notes">{t('interventions.notes')}</h2>
      {data.notes.length === 0 ? (
        <p>{t('interventions.noNotes')}</p>
      ) : (
        <ul className="notes">
          {data.notes.map((n) => (
            <li key={n.id}>
              <p className="muted">
                {formatDateTime(n.createdAt)}, {personName(n.author)}
                {n.sensitive && (
                  <>
                    {' '}
                    – <strong>{t('interventions.sensitiveMark')}</strong>
                  </>
                )}
              </p>
              <p>{'restricted' in n ? <em>{t('interventions.restrictedNote')}</em> : n.body}</p>
            </li>
          ))}
        </ul>
      )}
      {data.can.write && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field id="note-body" label={t('interventions.newNote')} field="body" error={error}>
            {(p) => <textarea {...p} value={body} onChange={(e) => setBody(e.target.value)} />}
          </Field>
          <div className="field">
            <input
              id="note-sensitive"
              type="checkbox"
              checked={sensitive}
              aria-describedby="note-sensitive-help"
              onChange={(e) => setSensitive(e.target.checked)}
            />
            <label htmlFor="note-sensitive" className="inline-label">
              {' '}
              {t('interventions.sensitive')}
            </label>
            <p id="note-sensitive-help" className="help">
              {t('interventions.sensitiveHelp')}
            </p>
          </div>
          <button type="submit" disabled={busy}>
            {t('interventions.saveNote')}
          </button>
          <FormProblem error={error} />
        </form>
      )}
    </section>
  );
}
