/** "Markera som gjord" on a follow-up: what was found (required) and the day, then the case reloads. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './parts.tsx';
import { interventionsApi } from '../../../shared/interventions/interventions.ts';
import type { FollowUpView } from '../../../shared/interventions/cases.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { FormProblem } from '../../shared/forms.tsx';

export function FollowUpForm({ followUp, onSaved }: { followUp: FollowUpView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = `fu-${followUp.id}`;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call(interventionsApi.followUpDone, { params: { id: followUp.id }, body: { note } });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <button type="button" aria-expanded="false" aria-controls={id} onClick={() => setOpen(true)}>
        {t('interventions.markDone')}
        <span className="visually-hidden"> ({formatDate(followUp.dueOn)})</span>
      </button>
    );
  }
  return (
    <form
      id={id}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id={`${id}-note`} label={t('interventions.followUpNote', { date: formatDate(followUp.dueOn) })} field="note" error={error}>
        {(p) => <textarea {...p} autoFocus value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="inline-form">
        <button type="submit" disabled={busy}>
          {t('interventions.saveFollowUp')}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setError(undefined);
          }}
        >
          {t('interventions.cancel')}
        </button>
      </div>
      <FormProblem error={error} />
    </form>
  );
}
