/** Every change to the case: when, who, what (field: before → after). Sensitive notes' texts are never in it. */
import { useTranslation } from 'react-i18next';
import { personName } from './parts.tsx';
import { stockholmTime } from './time.ts';
import type { CaseEvent } from './types.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hasId = (v: unknown) => (typeof v === 'string' && uuid.test(v)) || (Array.isArray(v) && v.some((x) => typeof x === 'string' && uuid.test(x)));
/** Where a field's values have names of their own (status, level …), the text for them. */
const valueKeys: Record<string, string> = { status: 'caseStatus', level: 'levels', closingReason: 'closing', outcome: 'outcomes', openedFrom: 'from' };

function Change({ kind, field, before, after }: { kind: string; field: string; before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const label = t(`interventions.field.${field}`, { defaultValue: field });
  // Account, method and meeting ids say nothing to a reader: the change is named without them.
  if (hasId(before) || hasId(after)) return <li>{t('interventions.changed', { field: label })}</li>;
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '–';
    if (Array.isArray(v)) return v.map((x) => show(x)).join(', ');
    if (typeof v === 'boolean') return v ? t('interventions.yes') : t('interventions.no');
    if (typeof v === 'object') return JSON.stringify(v);
    const text = String(v as string | number | boolean);
    const group = field === 'status' && kind.startsWith('intervention') ? 'ivStatus' : valueKeys[field];
    return group ? t(`interventions.${group}.${text}`, { defaultValue: text }) : text;
  };
  return <li>{label}: {show(before)} → {show(after)}</li>;
}

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
                <td>{stockholmTime(e.at)}</td>
                <td>{personName(e.by)}</td>
                <td>{t(`interventions.event.${e.kind}`, { defaultValue: e.kind })}</td>
                <td>
                  {Object.keys(e.changes).length === 0 ? '–' : (
                    <ul className="reasons">
                      {Object.entries(e.changes).map(([field, [before, after]]) => <Change key={field} kind={e.kind} field={field} before={before} after={after} />)}
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
