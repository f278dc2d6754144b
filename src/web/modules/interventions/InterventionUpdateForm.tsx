/** An intervention's status, evaluation and outcome; sends the version it read (409: "Ladda om", never overwrite). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './parts.tsx';
import type { InterventionView as Intervention } from '../../../shared/interventions/cases.ts';
import { interventionsApi, type UpdateInterventionBody } from '../../../shared/interventions/interventions.ts';
import { outcomes, type InterventionStatus, type Outcome } from '../../../shared/interventions/labels.ts';
import { call } from '../../shared/api.ts';
import { isStale } from './request.ts';
import { FormProblem } from '../../shared/forms.tsx';

/** The steps the server allows from each status (interventions.ts): planned → active | stopped, active → completed | stopped. */
const nextStatuses: Record<InterventionStatus, InterventionStatus[]> = {
  planned: ['planned', 'active', 'stopped'],
  active: ['active', 'completed', 'stopped'],
  completed: ['completed'],
  stopped: ['stopped'],
};

export function InterventionUpdateForm({ item, onSaved, onReload }: { item: Intervention; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(item.status);
  const [outcome, setOutcome] = useState<Outcome | ''>(item.outcome ?? '');
  const [evaluation, setEvaluation] = useState(item.evaluation ?? '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const stale = isStale(error);
  const id = `ivu-${item.id}`;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const body: UpdateInterventionBody = { version: item.version };
    if (status !== item.status) body.status = status;
    if (outcome && outcome !== item.outcome) body.outcome = outcome;
    if (evaluation !== (item.evaluation ?? '')) body.evaluation = evaluation;
    try {
      await call(interventionsApi.update, { params: { id: item.id }, body });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>
        {t('interventions.updateIntervention')}
        <span className="visually-hidden"> {item.title}</span>
      </summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="inline-form">
          <Field id={`${id}-status`} label={t('interventions.interventionStatus')} field="status" error={error}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value as InterventionStatus)}>
                {nextStatuses[item.status].map((s) => (
                  <option key={s} value={s}>
                    {t(`interventions.ivStatus.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-outcome`} label={t('interventions.outcome')} field="outcome" error={error}>
            {(p) => (
              <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | '')}>
                <option value="">{t('interventions.notEvaluated')}</option>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`interventions.outcomes.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field id={`${id}-evaluation`} label={t('interventions.evaluation')} field="evaluation" error={error}>
          {(p) => <textarea {...p} value={evaluation} onChange={(e) => setEvaluation(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy || stale}>
          {t('interventions.saveIntervention')}
        </button>
        <FormProblem error={error} />
        {stale && (
          <button type="button" onClick={onReload}>
            {t('interventions.reload')}
          </button>
        )}
      </form>
    </details>
  );
}
