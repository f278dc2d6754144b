/**
 * The officer's forms for a young person's occupation (previous, current or planned: education, work, other activity)
 * and the individual plan with its goal. Labels come from the contract; the server's messages show at the field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaaApi, kaaFieldLabels, type YouthView } from '../../../shared/kaa/contract.ts';
import { kaaOccupationKinds, kaaOccupationTimings } from '../../../shared/kaa/codes.ts';
import { occupationKindLabels, occupationTimingLabels } from '../../../shared/kaa/labels.ts';
import { call } from '../../shared/api.ts';
import { localToday } from '../../shared/format.ts';
import { Field, FormProblem, Options, submitting } from './parts.tsx';

const occupationLabels = kaaApi.addOccupation.labels ?? kaaFieldLabels;
const planLabels = kaaApi.savePlan.labels ?? kaaFieldLabels;

/** Records an occupation: current by default, or planned or previous, with optional dates. */
export function OccupationForm({ youthId, onSaved }: { youthId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [timing, setTiming] = useState<(typeof kaaOccupationTimings)[number]>('current');
  const [kind, setKind] = useState<(typeof kaaOccupationKinds)[number]>('work');
  const [description, setDescription] = useState('');
  const [fromDate, setFrom] = useState('');
  const [toDate, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitting(setBusy, setError, async () => {
      await call(kaaApi.addOccupation, {
        params: { id: youthId },
        body: { timing, kind, ...(description ? { description } : {}), ...(fromDate ? { fromDate } : {}), ...(toDate ? { toDate } : {}) },
      });
      setDescription('');
      setFrom('');
      setTo('');
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kaa-form" aria-labelledby="kaa-occupation-form">
      <h3 id="kaa-occupation-form">{t('kaa.youth.recordOccupation')}</h3>
      <Field id="kaa-occupation-timing" field="timing" labels={occupationLabels} error={error}>
        {(p) => (
          <select {...p} value={timing} onChange={(e) => setTiming(e.target.value as typeof timing)}>
            <Options labels={occupationTimingLabels} codes={kaaOccupationTimings} />
          </select>
        )}
      </Field>
      <Field id="kaa-occupation-kind" field="kind" labels={occupationLabels} error={error}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <Options labels={occupationKindLabels} codes={kaaOccupationKinds} />
          </select>
        )}
      </Field>
      <Field id="kaa-occupation-description" field="description" labels={occupationLabels} error={error} help={t('kaa.youth.noSensitive')}>
        {(p) => <input {...p} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field id="kaa-occupation-from" field="fromDate" labels={occupationLabels} error={error}>
        {(p) => <input {...p} type="date" value={fromDate} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field id="kaa-occupation-to" field="toDate" labels={occupationLabels} error={error}>
        {(p) => <input {...p} type="date" value={toDate} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('kaa.youth.saveOccupation')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}

/** Establishes or changes the individual plan and its goal (under the version read). */
export function PlanForm({ youthId, plan, onSaved }: { youthId: string; plan: YouthView['plan']; onSaved: () => void }) {
  const { t } = useTranslation();
  const [goal, setGoal] = useState(plan?.goal ?? '');
  const [text, setText] = useState(plan?.plan ?? '');
  const [establishedOn, setEstablished] = useState(plan?.establishedOn ?? localToday());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitting(setBusy, setError, async () => {
      await call(kaaApi.savePlan, {
        params: { id: youthId },
        body: { goal, plan: text, establishedOn, ...(plan ? { version: plan.version } : {}) },
      });
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kaa-form" aria-labelledby="kaa-plan-form">
      <h4 id="kaa-plan-form">{plan ? t('kaa.youth.changePlan') : t('kaa.youth.establishPlan')}</h4>
      <Field id="kaa-plan-goal" field="goal" labels={planLabels} error={error} help={t('kaa.youth.noSensitive')}>
        {(p) => <textarea {...p} value={goal} maxLength={2000} onChange={(e) => setGoal(e.target.value)} />}
      </Field>
      <Field id="kaa-plan-text" field="plan" labels={planLabels} error={error}>
        {(p) => <textarea {...p} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field id="kaa-plan-established" field="establishedOn" labels={planLabels} error={error}>
        {(p) => <input {...p} type="date" value={establishedOn} onChange={(e) => setEstablished(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('kaa.youth.savePlan')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}
