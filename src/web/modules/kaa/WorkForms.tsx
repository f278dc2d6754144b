/**
 * The officer's forms on a young person's page: record a contact (attempt or contact, with its outcome), start a
 * measure (who is responsible for what, dates of follow-up and evaluation), close a measure (its outcome is required)
 * and dismiss a false positive with a reason. Labels come from the contract; the server's messages show at the field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaaApi, kaaFieldLabels } from '../../../shared/kaa/contract.ts';
import {
  kaaContactKinds,
  kaaContactOutcomes,
  kaaDismissalReasons,
  kaaMeasureEndReasons,
  kaaMeasureKinds,
  kaaMeasureOutcomes,
  kaaMeasureResponsibles,
} from '../../../shared/kaa/codes.ts';
import {
  contactKindLabels,
  contactOutcomeLabels,
  dismissalReasonLabels,
  measureEndReasonLabels,
  measureKindLabels,
  measureResponsibleLabels,
  occupationKindLabels,
} from '../../../shared/kaa/labels.ts';
import { call } from '../../shared/api.ts';
import { localToday } from '../../shared/format.ts';
import { Field, FormProblem, Options, submitting } from './parts.tsx';

const contactLabels = kaaApi.addContact.labels ?? kaaFieldLabels;
const measureLabels = kaaApi.openMeasure.labels ?? kaaFieldLabels;
const closeLabels = kaaApi.closeMeasure.labels ?? kaaFieldLabels;
const dismissLabels = kaaApi.dismiss.labels ?? kaaFieldLabels;

type Props = { youthId: string; onSaved: () => void };

export function ContactForm({ youthId, onSaved }: Props) {
  const { t } = useTranslation();
  const [contactedOn, setDate] = useState(localToday());
  const [kind, setKind] = useState<(typeof kaaContactKinds)[number]>('phone');
  const [outcome, setOutcome] = useState<(typeof kaaContactOutcomes)[number]>('reached');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitting(setBusy, setError, async () => {
      await call(kaaApi.addContact, { params: { id: youthId }, body: { contactedOn, kind, outcome, ...(note ? { note } : {}) } });
      setNote('');
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kaa-form" aria-labelledby="kaa-contact-form">
      <h3 id="kaa-contact-form">{t('kaa.youth.recordContact')}</h3>
      <Field id="kaa-contact-date" field="contactedOn" labels={contactLabels} error={error}>
        {(p) => <input {...p} type="date" value={contactedOn} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field id="kaa-contact-kind" field="kind" labels={contactLabels} error={error}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <Options labels={contactKindLabels} codes={kaaContactKinds} />
          </select>
        )}
      </Field>
      <Field id="kaa-contact-outcome" field="outcome" labels={contactLabels} error={error}>
        {(p) => (
          <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            <Options labels={contactOutcomeLabels} codes={kaaContactOutcomes} />
          </select>
        )}
      </Field>
      <Field id="kaa-contact-note" field="note" labels={contactLabels} error={error} help={t('kaa.youth.noSensitive')}>
        {(p) => <textarea {...p} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('kaa.youth.saveContact')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}

export function MeasureForm({ youthId, onSaved }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof kaaMeasureKinds)[number]>('guidance');
  const [description, setDescription] = useState('');
  const [responsible, setResponsible] = useState<(typeof kaaMeasureResponsibles)[number]>('municipality');
  const [startDate, setStart] = useState(localToday());
  const [youngPersonPart, setYoung] = useState('');
  const [municipalityPart, setMunicipality] = useState('');
  const [otherActor, setOther] = useState('');
  const [followUpOn, setFollowUp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitting(setBusy, setError, async () => {
      await call(kaaApi.openMeasure, {
        params: { id: youthId },
        body: {
          kind,
          description,
          responsible,
          startDate,
          ...(youngPersonPart ? { youngPersonPart } : {}),
          ...(municipalityPart ? { municipalityPart } : {}),
          ...(otherActor ? { otherActor } : {}),
          ...(followUpOn ? { followUpOn } : {}),
        },
      });
      setDescription('');
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kaa-form" aria-labelledby="kaa-measure-form">
      <h3 id="kaa-measure-form">{t('kaa.youth.startMeasure')}</h3>
      <Field id="kaa-measure-kind" field="kind" labels={measureLabels} error={error}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <Options labels={measureKindLabels} codes={kaaMeasureKinds} />
          </select>
        )}
      </Field>
      <Field id="kaa-measure-description" field="description" labels={measureLabels} error={error} help={t('kaa.youth.noSensitive')}>
        {(p) => <textarea {...p} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field id="kaa-measure-responsible" field="responsible" labels={measureLabels} error={error}>
        {(p) => (
          <select {...p} value={responsible} onChange={(e) => setResponsible(e.target.value as typeof responsible)}>
            <Options labels={measureResponsibleLabels} codes={kaaMeasureResponsibles} />
          </select>
        )}
      </Field>
      <Field id="kaa-measure-start" field="startDate" labels={measureLabels} error={error}>
        {(p) => <input {...p} type="date" value={startDate} onChange={(e) => setStart(e.target.value)} />}
      </Field>
      <Field id="kaa-measure-young" field="youngPersonPart" labels={measureLabels} error={error}>
        {(p) => <textarea {...p} value={youngPersonPart} maxLength={2000} onChange={(e) => setYoung(e.target.value)} />}
      </Field>
      <Field id="kaa-measure-municipality" field="municipalityPart" labels={measureLabels} error={error}>
        {(p) => <textarea {...p} value={municipalityPart} maxLength={2000} onChange={(e) => setMunicipality(e.target.value)} />}
      </Field>
      <Field id="kaa-measure-other" field="otherActor" labels={measureLabels} error={error}>
        {(p) => <input {...p} value={otherActor} maxLength={200} onChange={(e) => setOther(e.target.value)} />}
      </Field>
      <Field id="kaa-measure-follow-up" field="followUpOn" labels={measureLabels} error={error}>
        {(p) => <input {...p} type="date" value={followUpOn} onChange={(e) => setFollowUp(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('kaa.youth.saveMeasure')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}

export function CloseMeasureForm({ measureId, version, onSaved }: { measureId: string; version: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const [endDate, setEnd] = useState(localToday());
  const [endReason, setReason] = useState<(typeof kaaMeasureEndReasons)[number]>('completed');
  const [outcome, setOutcome] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = `kaa-close-${measureId}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitting(setBusy, setError, async () => {
      await call(kaaApi.closeMeasure, {
        params: { id: measureId },
        body: { version, endDate, endReason, outcome: outcome as (typeof kaaMeasureOutcomes)[number] },
      });
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kaa-form" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('kaa.youth.closeMeasure')}</h4>
      <Field id={`${id}-end`} field="endDate" labels={closeLabels} error={error}>
        {(p) => <input {...p} type="date" value={endDate} onChange={(e) => setEnd(e.target.value)} />}
      </Field>
      <Field id={`${id}-reason`} field="endReason" labels={closeLabels} error={error}>
        {(p) => (
          <select {...p} value={endReason} onChange={(e) => setReason(e.target.value as typeof endReason)}>
            <Options labels={measureEndReasonLabels} codes={kaaMeasureEndReasons} />
          </select>
        )}
      </Field>
      <Field id={`${id}-outcome`} field="outcome" labels={closeLabels} error={error} help={t('kaa.youth.outcomeHelp')}>
        {(p) => (
          <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">{t('kaa.youth.chooseOutcome')}</option>
            <Options labels={occupationKindLabels} codes={kaaMeasureOutcomes} />
          </select>
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('kaa.youth.saveClose')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}

export function DismissForm({ youthId, onSaved }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitting(setBusy, setError, async () => {
      await call(kaaApi.dismiss, {
        params: { id: youthId },
        body: { reason: reason as (typeof kaaDismissalReasons)[number], ...(note ? { note } : {}) },
      });
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kaa-form" aria-labelledby="kaa-dismiss-form">
      <h3 id="kaa-dismiss-form">{t('kaa.youth.dismiss')}</h3>
      <p>{t('kaa.youth.dismissIntro')}</p>
      <Field id="kaa-dismiss-reason" field="reason" labels={dismissLabels} error={error}>
        {(p) => (
          <select {...p} value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{t('kaa.youth.chooseReason')}</option>
            <Options labels={dismissalReasonLabels} codes={kaaDismissalReasons} />
          </select>
        )}
      </Field>
      <Field id="kaa-dismiss-note" field="note" labels={dismissLabels} error={error} help={t('kaa.youth.noSensitive')}>
        {(p) => <textarea {...p} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('kaa.youth.saveDismiss')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}
