/**
 * The mentor's school-connectedness rating (skolanknytning): four dimensions, green / yellow / red. Every dimension
 * starts as "Inte bedömd" (not rated) — never a colour the mentor did not choose — and the rating is saved only when
 * all four have one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { earlyWarningApi } from '../../../shared/early-warning/contract.ts';
import { connectednessDimensions, connectednessLevels } from '../../../shared/early-warning/labels.ts';
import { ApiError, call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorMessage } from '../../shared/states.tsx';
import './early-warning.css';

type Dimension = (typeof connectednessDimensions)[number];
type Level = (typeof connectednessLevels)[number];
const notRated = Object.fromEntries(connectednessDimensions.map((d) => [d, ''])) as Record<Dimension, Level | ''>;

export function ConnectednessForm({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(notRated);
  const [problems, setProblems] = useState<Partial<Record<Dimension, string>>>({});
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(undefined);
    setSaved(undefined);
    const missing = connectednessDimensions.filter((d) => values[d] === '');
    setProblems(Object.fromEntries(missing.map((d) => [d, t('earlyWarning.rateMissing', { dimension: t(`earlyWarning.dim.${d}`) })])));
    if (missing.length > 0) {
      document.getElementById(`rate-${missing[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const rated = values as Record<Dimension, Level>;
      const res = await call(earlyWarningApi.rateConnectedness, { body: { studentId, ...rated } });
      setSaved(t('earlyWarning.ratingSaved', { date: formatDate(res.ratedOn) }));
    } catch (e) {
      if (e instanceof ApiError) setProblems(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('earlyWarning.rateTitle')}</legend>
        <p>{t('earlyWarning.rateHelp')}</p>
        <div className="filters">
          {connectednessDimensions.map((d) => (
            <div key={d}>
              <label htmlFor={`rate-${d}`}>{t(`earlyWarning.dim.${d}`)}</label>
              <select
                id={`rate-${d}`}
                value={values[d]}
                required
                aria-invalid={problems[d] ? true : undefined}
                aria-describedby={problems[d] ? `rate-${d}-error` : undefined}
                onChange={(e) => setValues({ ...values, [d]: e.target.value as Level | '' })}
              >
                <option value="">{t('earlyWarning.notRated')}</option>
                {connectednessLevels.map((l) => (
                  <option key={l} value={l}>
                    {t(`earlyWarning.level.${l}`)}
                  </option>
                ))}
              </select>
              {problems[d] && (
                <p id={`rate-${d}-error`} className="ew-field-error">
                  {problems[d]}
                </p>
              )}
            </div>
          ))}
        </div>
        <button type="submit" disabled={busy}>
          {t('earlyWarning.rateSave')}
        </button>
      </fieldset>
      <div aria-live="polite">{saved && <p>{saved}</p>}</div>
      {error !== undefined && <ErrorMessage error={error} />}
    </form>
  );
}
