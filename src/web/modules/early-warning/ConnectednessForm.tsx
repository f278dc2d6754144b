/** The mentor's school-connectedness rating (skolanknytning): four dimensions, green / yellow / red. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';
import { ErrorMessage } from '../../shared/states.tsx';

const dimensions = ['academic', 'behavioural', 'social', 'affective'] as const;
const levels = ['green', 'yellow', 'red'] as const;

export function ConnectednessForm({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<(typeof dimensions)[number], (typeof levels)[number]>>({ academic: 'green', behavioural: 'green', social: 'green', affective: 'green' });
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true); setError(undefined); setSaved(undefined);
    try {
      const res = await api<{ ratedOn: string }>('/api/early-warning/connectedness', { method: 'POST', body: { studentId, ...values } });
      setSaved(t('earlyWarning.ratingSaved', { date: res.ratedOn }));
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <fieldset>
        <legend>{t('earlyWarning.rateTitle')}</legend>
        <p>{t('earlyWarning.rateHelp')}</p>
        <div className="filters">
          {dimensions.map((d) => (
            <div key={d}>
              <label htmlFor={`rate-${d}`}>{t(`earlyWarning.dim.${d}`)}</label>
              <select id={`rate-${d}`} value={values[d]} onChange={(e) => setValues({ ...values, [d]: e.target.value as (typeof levels)[number] })}>
                {levels.map((l) => <option key={l} value={l}>{t(`earlyWarning.level.${l}`)}</option>)}
              </select>
            </div>
          ))}
        </div>
        <button type="submit" disabled={busy}>{t('earlyWarning.rateSave')}</button>
      </fieldset>
      <div aria-live="polite">{saved && <p>{saved}</p>}</div>
      {error !== undefined && <ErrorMessage error={error} />}
    </form>
  );
}
