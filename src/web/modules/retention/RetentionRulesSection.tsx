/** Administrators: every retention rule the organiser sets, on the settings page beside the closed cases' rule. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retentionApi, type RetentionRuleView } from '../../../shared/retention/contract.ts';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad } from '../../shared/states.tsx';

export function RetentionRulesSection() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const [loads, setLoads] = useState(0);
  const settings = useLoad(() => call(retentionApi.read), String(loads));
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setValues(Object.fromEntries(settings.data.rules.map((r) => [r.key, r.keep === null ? '' : String(r.keep)])));
  }, [settings.data]);
  // The closed cases' rule has its own form above on this page.
  const rules = (settings.data?.rules ?? []).filter((r) => r.key !== 'cases');
  const current = (r: RetentionRuleView) =>
    r.keep === null ? t('retention.keptForever') : t(r.unit === 'years' ? 'retention.years' : 'retention.days', { count: r.keep });
  const save = async () => {
    setSaved(false);
    setError(undefined);
    // Sent as typed when not a whole number: the server names the field.
    const body = Object.fromEntries(
      rules.map((r) => [r.key, (values[r.key] ?? '').trim()]).map(([k, v]) => [k, v === '' ? null : /^\d+$/.test(v!) ? Number(v) : v]),
    );
    try {
      await call(retentionApi.save, { body: body as Record<string, number | null> });
      setSaved(true);
      setLoads((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };
  const last = settings.data?.lastRun;
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p>{t('retention.intro')}</p>
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
          <FormProblem error={error} />
          {rules.map((r) => (
            <Field
              key={r.key}
              id={`retention-${r.key}`}
              field={r.key}
              error={error}
              label={`${en ? r.label.en : r.label.sv} (${t(r.unit === 'years' ? 'retention.unitYears' : 'retention.unitDays')})`}
              help={`${en ? r.counted.en : r.counted.sv}. ${t('retention.range', { min: r.min, max: r.max })} ${t('retention.keep')}: ${current(r)}${r.isDefault ? ` (${t('retention.isDefault')})` : ''}.`}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={values[r.key] ?? ''}
                  onChange={(e) => setValues({ ...values, [r.key]: e.target.value })}
                />
              )}
            </Field>
          ))}
          <button type="submit">{t('retention.save')}</button>
          <div aria-live="polite">{saved && <p>{t('retention.saved')}</p>}</div>
          <p>
            {last
              ? t('retention.lastRun', { when: formatDateTime(last.startedAt), outcome: t(`retention.outcome.${last.outcome}`) })
              : t('retention.noRun')}
          </p>
        </form>
      )}
    </section>
  );
}
