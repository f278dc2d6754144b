/**
 * A new intervention in a case: a method from the library (its evidence rating shown) or one written freely, the
 * goal, who does what, the responsible person, start and end, and one or more follow-up dates.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interventionsApi, type AddInterventionBody } from '../../../shared/interventions/interventions.ts';
import { peopleApi } from '../../../shared/interventions/people.ts';
import { call } from '../../shared/api.ts';
import { useSession } from '../../shared/session.tsx';
import { useLoad } from '../../shared/states.tsx';
import { Field, useLocalText } from './parts.tsx';
import { FormProblem } from '../../shared/forms.tsx';
import { useResponsibles } from './useResponsibles.ts';

export function InterventionForm({
  caseId,
  schoolUnitId,
  studentId,
  today,
  onSaved,
}: {
  caseId: string;
  schoolUnitId: string;
  studentId: string;
  today: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { me } = useSession();
  const methods = useLoad(() => call(peopleApi.methods).then((r) => r.items), 'methods');
  // The student's mentor may carry an intervention out (docs/interventions.md, "Who may be responsible").
  const responsibles = useResponsibles(schoolUnitId, { studentId });
  const [methodId, setMethodId] = useState('');
  const [title, setTitle] = useState('');
  const [goal, setGoal] = useState('');
  const [actions, setActions] = useState('');
  const [responsibleId, setResponsibleId] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState('');
  const [followUps, setFollowUps] = useState<string[]>(['']);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const method = methods.data?.find((m) => m.id === methodId);
  const chosen = responsibleId || (responsibles.data?.some((r) => r.accountId === me?.account.id) ? (me?.account.id ?? '') : '');
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const body: AddInterventionBody = { goal, actions, responsibleId: chosen, startDate, followUpDates: followUps.filter(Boolean) };
    if (methodId) body.methodId = methodId;
    else body.title = title;
    if (endDate) body.endDate = endDate;
    try {
      await call(interventionsApi.add, { params: { id: caseId }, body });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('interventions.newIntervention')}</legend>
        <Field
          id="iv-method"
          label={t('interventions.method')}
          field="methodId"
          error={error}
          help={
            method
              ? `${local(method.summary)} ${t('interventions.evidence', { rating: method.evidence?.rating ?? t('interventions.noEvidence'), source: method.evidence?.source ?? '–' })}`
              : t('interventions.methodHelp')
          }
        >
          {(p) => (
            <select {...p} value={methodId} onChange={(e) => setMethodId(e.target.value)}>
              <option value="">{t('interventions.freeText')}</option>
              {methods.data?.map((m) => (
                <option key={m.id} value={m.id}>
                  {local(m.name)} ({m.evidence?.rating ?? t('interventions.noEvidence')})
                </option>
              ))}
            </select>
          )}
        </Field>
        {!methodId && (
          <Field id="iv-title" label={t('interventions.title')} field="title" error={error}>
            {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
        )}
        <Field id="iv-goal" label={t('interventions.goal')} field="goal" error={error}>
          {(p) => <textarea {...p} value={goal} onChange={(e) => setGoal(e.target.value)} />}
        </Field>
        <Field id="iv-actions" label={t('interventions.actions')} field="actions" error={error} help={t('interventions.actionsHelp')}>
          {(p) => <textarea {...p} value={actions} onChange={(e) => setActions(e.target.value)} />}
        </Field>
        <Field id="iv-responsible" label={t('interventions.responsible')} field="responsibleId" error={error}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setResponsibleId(e.target.value)}>
              <option value="">{t('interventions.choose')}</option>
              {responsibles.data?.map((r) => (
                <option key={r.accountId} value={r.accountId}>
                  {r.forCase ? r.displayName : `${r.displayName} (${t('interventions.studentMentor')})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="inline-form">
          <Field id="iv-start" label={t('interventions.startDate')} field="startDate" error={error}>
            {(p) => <input {...p} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
          </Field>
          <Field id="iv-end" label={t('interventions.endDate')} field="endDate" error={error}>
            {(p) => <input {...p} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}
          </Field>
        </div>
        {followUps.map((d, i) => (
          <Field
            key={i}
            id={`iv-follow-up-${i}`}
            label={t('interventions.followUpDate', { n: i + 1 })}
            field={`followUpDates.${i}`}
            error={error}
          >
            {(p) => (
              <input {...p} type="date" value={d} onChange={(e) => setFollowUps(followUps.map((x, j) => (j === i ? e.target.value : x)))} />
            )}
          </Field>
        ))}
        <p>
          <button type="button" onClick={() => setFollowUps([...followUps, ''])}>
            {t('interventions.addFollowUpDate')}
          </button>
        </p>
        <button type="submit" disabled={busy}>
          {t('interventions.saveIntervention')}
        </button>
        <FormProblem error={error} />
      </fieldset>
    </form>
  );
}
