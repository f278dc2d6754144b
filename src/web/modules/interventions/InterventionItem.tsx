/** One intervention of a case: what, goal, who does what, responsible, dates, status, follow-ups and measured effect. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EffectPanel } from './EffectPanel.tsx';
import { FollowUpList } from './FollowUpList.tsx';
import { InterventionUpdateForm } from './InterventionUpdateForm.tsx';
import { Field, personName, useLocalText } from './parts.tsx';
import type { InterventionView as Intervention } from '../../../shared/interventions/cases.ts';
import { interventionsApi } from '../../../shared/interventions/interventions.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { FormProblem } from '../../shared/forms.tsx';

function AddFollowUp({ item, onSaved }: { item: Intervention; onSaved: () => void }) {
  const { t } = useTranslation();
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    setError(undefined);
    try {
      await call(interventionsApi.addFollowUp, { params: { id: item.id }, body: { dueOn } });
      setDueOn('');
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id={`fu-new-${item.id}`} label={t('interventions.newFollowUpDate')} field="dueOn" error={error}>
        {(p) => <input {...p} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
      </Field>
      <button type="submit">{t('interventions.addFollowUp')}</button>
      <FormProblem error={error} />
    </form>
  );
}

export function InterventionItem({
  item,
  canWrite,
  onSaved,
  onReload,
}: {
  item: Intervention;
  canWrite: boolean;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const headingId = `iv-${item.id}`;
  return (
    <article className="case-item" aria-labelledby={headingId}>
      <h3 id={headingId}>{item.method ? local(item.method.name) : item.title}</h3>
      <dl className="case-facts">
        <dt>{t('interventions.interventionStatus')}</dt>
        <dd>{t(`interventions.ivStatus.${item.status}`)}</dd>
        <dt>{t('interventions.kind')}</dt>
        <dd>{item.method ? t('interventions.fromLibrary') : t('interventions.freeText')}</dd>
        <dt>{t('interventions.goal')}</dt>
        <dd>{item.goal}</dd>
        <dt>{t('interventions.actions')}</dt>
        <dd>{item.actions}</dd>
        <dt>{t('interventions.responsible')}</dt>
        <dd>{personName(item.responsible)}</dd>
        <dt>{t('interventions.period')}</dt>
        <dd>
          {formatDate(item.startDate)} – {item.endDate ? formatDate(item.endDate) : t('interventions.noEnd')}
        </dd>
        {item.outcome && (
          <>
            <dt>{t('interventions.outcome')}</dt>
            <dd>{t(`interventions.outcomes.${item.outcome}`)}</dd>
          </>
        )}
        {item.evaluation && (
          <>
            <dt>{t('interventions.evaluation')}</dt>
            <dd>{item.evaluation}</dd>
          </>
        )}
      </dl>
      <h4>{t('interventions.followUps')}</h4>
      <FollowUpList followUps={item.followUps} canWrite={canWrite} onSaved={onSaved} />
      {canWrite && <AddFollowUp item={item} onSaved={onSaved} />}
      {canWrite && <InterventionUpdateForm key={item.version} item={item} onSaved={onSaved} onReload={onReload} />}
      <EffectPanel interventionId={item.id} title={item.method ? local(item.method.name) : item.title} />
    </article>
  );
}
