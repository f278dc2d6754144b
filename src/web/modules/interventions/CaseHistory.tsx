/** Every change to the case: when, who, what (field: before → after). Sensitive notes' texts are never in it. */
import { useTranslation } from 'react-i18next';
import { personName } from './parts.tsx';
import type { CaseEvent } from './types.ts';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean));

export function CaseHistory({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-history" className="case-section">
      <h2 id="case-history">{t('interventions.history')}</h2>
      {events.length === 0 ? <p>{t('interventions.noHistory')}</p> : (
        <table>
          <caption>{t('interventions.historyCaption')}</caption>
          <thead><tr><th scope="col">{t('interventions.when')}</th><th scope="col">{t('interventions.who')}</th><th scope="col">{t('interventions.what')}</th><th scope="col">{t('interventions.changes')}</th></tr></thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td>{e.at.slice(0, 16).replace('T', ' ')}</td>
                <td>{personName(e.by)}</td>
                <td>{t(`interventions.event.${e.kind}`, { defaultValue: e.kind })}</td>
                <td>
                  {Object.keys(e.changes).length === 0 ? '–' : (
                    <ul className="reasons">
                      {Object.entries(e.changes).map(([field, [before, after]]) => <li key={field}>{field}: {show(before)} → {show(after)}</li>)}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
