/**
 * Administrators: the organiser's completion goals — each a highest share without a diploma (or without a diploma or
 * study certificate) within 3, 4 or 5 years by a target year, from a baseline (stated, or the organiser's own figure).
 * The seeds' goals are offered as templates. Saved as a whole; a refusal is named at its field.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { goalsApi } from '../../../shared/follow-up/goals.ts';
import { GoalsEditor } from './GoalsEditor.tsx';
import './follow-up.css';

export default function GoalSettingsPage() {
  const { t } = useTranslation();
  useTitle(t('followUp.goalsNav'));
  const [loads, setLoads] = useState(0);
  const settings = useLoad(() => call(goalsApi.settings), String(loads));
  return (
    <>
      <h1>{t('followUp.goalsNav')}</h1>
      <p>{t('followUp.goalsIntro')}</p>
      {settings.loading && !settings.data && <Loading />}
      {settings.error !== undefined && <ErrorMessage error={settings.error} />}
      {settings.data && (
        <GoalsEditor
          goals={settings.data.goals}
          baselineHelp={t('followUp.goalBaselineHelp')}
          save={(goals) => call(goalsApi.save, { body: { goals } })}
          onSaved={() => setLoads((n) => n + 1)}
        />
      )}
    </>
  );
}
