/**
 * Registration and deregistration by hand, where the data does not say (the computation sets the reasons it can:
 * turned 20, moved, started or completed education …; those stay automatic). The reason is required, the date is the
 * day it happened.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kaaApi, kaaFieldLabels, kaaManualDeregistrationReasons } from '../../../shared/kaa/contract.ts';
import { kaaRegistrationReasons } from '../../../shared/kaa/codes.ts';
import { deregistrationReasonLabels, registrationReasonLabels } from '../../../shared/kaa/labels.ts';
import { call } from '../../shared/api.ts';
import { localToday } from '../../shared/format.ts';
import { Field, FormProblem, Options, submitting } from './parts.tsx';

type Props = { youthId: string; version: number; onSaved: () => void };

/** In the group now: deregister by hand with a reason. */
export function DeregisterForm(props: Props) {
  return <ReasonForm {...props} direction="out" />;
}

/** Not in the group now (and not dismissed): register by hand with a reason. */
export function RegisterForm(props: Props) {
  return <ReasonForm {...props} direction="in" />;
}

function ReasonForm({ youthId, version, onSaved, direction }: Props & { direction: 'in' | 'out' }) {
  const { t } = useTranslation();
  const endpoint = direction === 'in' ? kaaApi.register : kaaApi.deregister;
  const labels = endpoint.labels ?? kaaFieldLabels;
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(localToday());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = `kaa-${direction === 'in' ? 'register' : 'deregister'}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submitting(setBusy, setError, async () => {
      if (direction === 'in')
        await call(kaaApi.register, {
          params: { id: youthId },
          body: { version, date, reason: reason as (typeof kaaRegistrationReasons)[number] },
        });
      else
        await call(kaaApi.deregister, {
          params: { id: youthId },
          body: { version, date, reason: reason as (typeof kaaManualDeregistrationReasons)[number] },
        });
      setReason('');
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kaa-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{direction === 'in' ? t('kaa.youth.register') : t('kaa.youth.deregister')}</h3>
      <p>{direction === 'in' ? t('kaa.youth.registerIntro') : t('kaa.youth.deregisterIntro')}</p>
      <Field id={`${id}-reason`} field="reason" labels={labels} error={error}>
        {(p) => (
          <select {...p} value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{t('kaa.youth.chooseReason')}</option>
            {direction === 'in' ? (
              <Options labels={registrationReasonLabels} codes={kaaRegistrationReasons} />
            ) : (
              <Options labels={deregistrationReasonLabels} codes={kaaManualDeregistrationReasons} />
            )}
          </select>
        )}
      </Field>
      <Field id={`${id}-date`} field="date" labels={labels} error={error}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {direction === 'in' ? t('kaa.youth.saveRegister') : t('kaa.youth.saveDeregister')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}
