/** The coordinator's choice of who reads the region's published reports: everyone, or only its signed-in members. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { regionApi } from '../../../shared/region/contract.ts';
import type { z } from 'zod';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';

type Overview = z.output<typeof regionApi.overview.response>;

export function VisibilityForm({ overview, onChanged }: { overview: Overview; onChanged: (o: Overview) => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'public' | 'members'>(overview.reportsPublic ? 'public' : 'members');
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState('');
  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setMessage('');
    void call(regionApi.visibility, { body: { reportsVisibility: choice } })
      .then((o) => {
        onChanged(o);
        setMessage(t('region.visibilitySaved'));
      })
      .catch(setError);
  };
  return (
    <form onSubmit={save} noValidate>
      <FormProblem error={error} />
      <Field id="region-visibility" label={t('region.visibility')} field="reportsVisibility" error={error}>
        {(p) => (
          <select {...p} value={choice} onChange={(e) => setChoice(e.target.value === 'members' ? 'members' : 'public')}>
            <option value="public">{t('region.visibilityPublic')}</option>
            <option value="members">{t('region.visibilityMembers')}</option>
          </select>
        )}
      </Field>
      <button type="submit">{t('region.visibilitySave')}</button>
      <p role="status">{message}</p>
    </form>
  );
}
