/** Administrators: the indicator thresholds (with their sources and ranges) and each unit's worklist capacity. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';

interface Settings {
  thresholds: Record<string, number>;
  capacities: Record<string, number>;
  defaultCapacity: number;
  units: { id: string; name: string }[];
  specs: { name: string; default: number; min: number; max: number; label: string; source: string }[];
}

export default function SettingsPage() {
  const { t } = useTranslation();
  useTitle(t('earlyWarning.settingsTitle'));
  const [version, setVersion] = useState(0);
  const settings = useLoad(() => api<Settings>('/api/early-warning/settings'), String(version));
  const [values, setValues] = useState<Record<string, string>>({});
  const [capacities, setCapacities] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!settings.data) return;
    setValues(Object.fromEntries(Object.entries(settings.data.thresholds).map(([k, v]) => [k, String(v)])));
    setCapacities(Object.fromEntries(settings.data.units.map((u) => [u.id, String(settings.data?.capacities[u.id] ?? settings.data?.defaultCapacity ?? '')])));
  }, [settings.data]);
  const save = async () => {
    setSaved(false); setError(undefined);
    try {
      await api('/api/early-warning/settings', {
        method: 'PUT',
        body: {
          thresholds: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v.replace(',', '.'))])),
          capacities: Object.fromEntries(Object.entries(capacities).map(([k, v]) => [k, Number(v)])),
        },
      });
      setSaved(true); setVersion((v) => v + 1);
    } catch (e) { setError(e); }
  };
  const d = settings.data;
  return (
    <>
      <h1>{t('earlyWarning.settingsTitle')}</h1>
      <p>{t('earlyWarning.settingsIntro')}</p>
      {settings.loading && !d && <Loading />}
      {settings.error !== undefined && <ErrorMessage error={settings.error} />}
      {d && (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <fieldset>
            <legend>{t('earlyWarning.thresholds')}</legend>
            {d.specs.map((s) => (
              <div key={s.name} className="field">
                <label htmlFor={`th-${s.name}`}>{s.label}</label>
                <input id={`th-${s.name}`} inputMode="decimal" value={values[s.name] ?? ''} aria-describedby={`th-${s.name}-help`}
                  onChange={(e) => setValues({ ...values, [s.name]: e.target.value })} />
                <p id={`th-${s.name}-help`} className="help">{t('earlyWarning.range', { min: s.min, max: s.max, default: s.default })} {s.source}</p>
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('earlyWarning.capacities')}</legend>
            {d.units.map((u) => (
              <div key={u.id} className="field">
                <label htmlFor={`cap-${u.id}`}>{u.name}</label>
                <input id={`cap-${u.id}`} inputMode="numeric" value={capacities[u.id] ?? ''} onChange={(e) => setCapacities({ ...capacities, [u.id]: e.target.value })} />
              </div>
            ))}
          </fieldset>
          <button type="submit">{t('earlyWarning.saveSettings')}</button>
          <div aria-live="polite">{saved && <p>{t('earlyWarning.settingsSaved')}</p>}</div>
          {error !== undefined && <ErrorMessage error={error} />}
        </form>
      )}
    </>
  );
}
