/** Administrators: how many years closed cases are kept before the retention job deletes them (empty = keep). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { MeetingField } from './MeetingField.tsx';
import { settingsApi } from '../../../shared/interventions/settings.ts';
import { call } from '../../shared/api.ts';
import { fieldMessage as fieldError } from './request.ts';
import { RetentionRulesSection } from '../retention/RetentionRulesSection.tsx';
import './meeting.css';

export default function InterventionSettingsPage() {
  const { t } = useTranslation();
  useTitle(t('interventionMeetings.settingsTitle'));
  const [loads, setLoads] = useState(0);
  const settings = useLoad(() => call(settingsApi.read), String(loads));
  const [years, setYears] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setYears(settings.data.retentionYears === null ? '' : String(settings.data.retentionYears));
  }, [settings.data]);
  const save = async () => {
    setSaved(false);
    setError(undefined);
    const trimmed = years.trim();
    // Sent as typed: the server names the field when it is not a whole number in range.
    const retentionYears = trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    try {
      // A value that is not a whole number goes as typed, so that the server names the field (the form's one check).
      await call(settingsApi.save, { body: { retentionYears: retentionYears as number | null } });
      setSaved(true);
      setLoads((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };
  const yearsError = fieldError(error, 'retentionYears');
  return (
    <>
      <h1>{t('interventionMeetings.settingsTitle')}</h1>
      <p>{t('interventionMeetings.settingsIntro')}</p>
      {settings.loading && !settings.data && <Loading />}
      {settings.error !== undefined && <ErrorMessage error={settings.error} />}
      {settings.data && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <MeetingField
            id="retention-years"
            label={t('interventionMeetings.retentionYears')}
            help={t('interventionMeetings.retentionHelp')}
            error={yearsError}
          >
            {(props) => <input {...props} inputMode="numeric" value={years} onChange={(e) => setYears(e.target.value)} />}
          </MeetingField>
          <p>
            {settings.data.retentionYears === null
              ? t('interventionMeetings.retentionKeep')
              : t('interventionMeetings.retentionCurrent', { count: settings.data.retentionYears })}
          </p>
          <button type="submit">{t('interventionMeetings.saveSettings')}</button>
          <div aria-live="polite">{saved && <p>{t('interventionMeetings.settingsSaved')}</p>}</div>
          {error !== undefined && <ErrorMessage error={error} />}
        </form>
      )}
      <RetentionRulesSection />
    </>
  );
}
