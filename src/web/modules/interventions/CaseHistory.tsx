/**
 * Every change to the case: when, who, what, and each change by its field's label with its values as a person reads
 * them (names, labels, dates in the page's language) — never a key, code or id. Sensitive notes' texts are never in it.
 */
import { useTranslation } from 'react-i18next';
import type { CaseEvent, ChangeValue } from '../../../shared/interventions/history.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { personName, useLocalText } from './parts.tsx';

/** A change's value as text: '–' for nothing. */
export function useChangeValue() {
  const { t } = useTranslation();
  const local = useLocalText();
  return (v: ChangeValue): string => {
    switch (v.kind) {
      case 'empty':
        return '–';
      case 'text':
        return v.text;
      case 'label':
        return local(v.label);
      case 'date':
        return formatDate(v.date);
      case 'dates':
        return v.dates.map(formatDate).join(', ');
      case 'people':
        return v.people.map((p) => p.name ?? t('interventions.unknownPerson')).join(', ');
      case 'boolean':
        return v.value ? t('interventions.yes') : t('interventions.no');
    }
  };
}

export function CaseHistory({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const value = useChangeValue();
  return (
    <section aria-labelledby="case-history" className="case-section">
      <h2 id="case-history">{t('interventions.history')}</h2>
      {events.length === 0 ? (
        <p>{t('interventions.noHistory')}</p>
      ) : (
        <table>
          <caption>{t('interventions.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('interventions.when')}</th>
              <th scope="col">{t('interventions.who')}</th>
              <th scope="col">{t('interventions.what')}</th>
              <th scope="col">{t('interventions.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td>{formatDateTime(e.at)}</td>
                <td>{personName(e.by)}</td>
                <td>{local(e.kindLabel)}</td>
                <td>
                  {e.changes.length === 0 ? (
                    '–'
                  ) : (
                    <ul className="reasons">
                      {e.changes.map((c) => (
                        <li key={c.field}>
                          {local(c.label)}:{' '}
                          {c.before.kind === 'empty'
                            ? value(c.after)
                            : t('interventions.fromTo', { before: value(c.before), after: value(c.after) })}
                        </li>
                      ))}
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
