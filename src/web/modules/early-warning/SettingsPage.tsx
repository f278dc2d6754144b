/**
 * Administrators: the indicator thresholds — in percent, percentage points, minutes, days or counts, with their
 * ranges, defaults and sources in the page's language — and each unit's worklist capacity.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { earlyWarningApi } from '../../../shared/early-warning/contract.ts';
import { thresholdNames, thresholdSpecs, type ThresholdName } from '../../../shared/early-warning/thresholds.ts';
import { ApiError, call } from '../../shared/api.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { fromInput, toInput, withUnit } from './threshold-input.ts';
import { ThresholdField } from './ThresholdField.tsx';
import './early-warning.css';

const problemKey = { number: 'notNumber', whole: 'notWhole', low: 'tooLow', high: 'tooHigh' } as const;

export default function SettingsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  useTitle(t('earlyWarning.settingsTitle'));
  const [version, setVersion] = useState(0);
  const settings = useLoad(() => call(earlyWarningApi.settings), String(version));
  const [values, setValues] = useState<Partial<Record<ThresholdName, string>>>({});
  const [capacities, setCapacities] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const d = settings.data;
  useEffect(() => {
    if (!d) return;
    setValues(Object.fromEntries(thresholdNames.map((n) => [n, toInput(thresholdSpecs[n], d.thresholds[n], language)])));
    setCapacities(Object.fromEntries(d.units.map((u) => [u.id, String(d.capacities[u.id] ?? d.defaultCapacity)])));
  }, [d, language]);

  /** The stored values of the form, or the problems keyed by field (in the page's units and language). */
  const read = () => {
    const found: Record<string, string> = {};
    const thresholds: Partial<Record<ThresholdName, number>> = {};
    for (const name of thresholdNames) {
      const spec = thresholdSpecs[name];
      const parsed = fromInput(spec, values[name] ?? '');
      if ('value' in parsed) thresholds[name] = parsed.value;
      else
        found[`thresholds.${name}`] = t(`earlyWarning.${problemKey[parsed.problem]}`, {
          label: spec.label[language],
          min: withUnit(spec, spec.min, t),
          max: withUnit(spec, spec.max, t),
        });
    }
    const units: Record<string, number> = {};
    for (const u of d?.units ?? []) {
      const n = Number(capacities[u.id]);
      if (/^\d+$/.test((capacities[u.id] ?? '').trim()) && n >= 1 && n <= 1000) units[u.id] = n;
      else found[`capacities.${u.id}`] = t('earlyWarning.capacityInvalid', { unit: u.name });
    }
    return { thresholds, capacities: units, found };
  };

  const save = async () => {
    setSaved(false);
    setError(undefined);
    const { thresholds, capacities: units, found } = read();
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first.startsWith('thresholds.') ? `th-${first.slice(11)}` : `cap-${first.slice(11)}`)?.focus();
      return;
    }
    try {
      await call(earlyWarningApi.saveSettings, { body: { thresholds, capacities: units } });
      setSaved(true);
      setVersion((v) => v + 1);
    } catch (e) {
      if (e instanceof ApiError) setProblems(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
      setError(e);
    }
  };
  const count = Object.keys(problems).length;
  return (
    <>
      <h1>{t('earlyWarning.settingsTitle')}</h1>
      <p>{t('earlyWarning.settingsIntro')}</p>
      {settings.loading && !d && <Loading />}
      {settings.error !== undefined && <ErrorMessage error={settings.error} />}
      {d && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset>
            <legend>{t('earlyWarning.thresholds')}</legend>
            {thresholdNames.map((name) => (
              <ThresholdField
                key={name}
                name={name}
                spec={thresholdSpecs[name]}
                language={language}
                value={values[name] ?? ''}
                problem={problems[`thresholds.${name}`]}
                onChange={(v) => setValues({ ...values, [name]: v })}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('earlyWarning.capacities')}</legend>
            {d.units.map((u) => (
              <div key={u.id} className="field">
                <label htmlFor={`cap-${u.id}`}>{u.name}</label>
                <input
                  id={`cap-${u.id}`}
                  inputMode="numeric"
                  value={capacities[u.id] ?? ''}
                  aria-invalid={problems[`capacities.${u.id}`] ? true : undefined}
                  aria-describedby={problems[`capacities.${u.id}`] ? `cap-${u.id}-error` : undefined}
                  onChange={(e) => setCapacities({ ...capacities, [u.id]: e.target.value })}
                />
                {problems[`capacities.${u.id}`] && (
                  <p id={`cap-${u.id}-error`} className="ew-field-error">
                    {problems[`capacities.${u.id}`]}
                  </p>
                )}
              </div>
            ))}
          </fieldset>
          <button type="submit">{t('earlyWarning.saveSettings')}</button>
          <div aria-live="polite">
            {saved && <p>{t('earlyWarning.settingsSaved')}</p>}
            {count > 0 && error === undefined && <p className="ew-field-error">{t('earlyWarning.fixFields')}</p>}
          </div>
          {error !== undefined && <ErrorMessage error={error} />}
        </form>
      )}
    </>
  );
}
