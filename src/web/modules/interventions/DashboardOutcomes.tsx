/** Finished interventions per method and outcome, as a table; counts under 5 as "färre än 5", counts hidden to protect them as such. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/format.ts';
import { EmptyState } from '../../shared/states.tsx';
import type { MethodOutcomes, Suppressed } from '../../../shared/interventions/dashboard.ts';

export function DashboardOutcomes({ outcomes }: { outcomes: MethodOutcomes[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const kinds = ['improved', 'unchanged', 'worse'] as const;
  const count = (n: number | null | undefined, why: Suppressed | undefined) =>
    n !== null ? formatNumber(n ?? 0, 0) : why === 'complementary' ? t('interventionMeetings.protected') : t('interventionMeetings.fewer');
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('interventionMeetings.outcomes')}</h2>
      {outcomes.length === 0 ? (
        <EmptyState text={t('interventionMeetings.noOutcomes')} />
      ) : (
        <table>
          <caption>{t('interventionMeetings.outcomesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('interventionMeetings.method')}</th>
              {kinds.map((k) => (
                <th key={k} scope="col">
                  {t(`interventionMeetings.outcome_${k}`, { defaultValue: k })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.method?.id ?? 'free'}>
                <th scope="row">{o.method ? (en ? o.method.name.en : o.method.name.sv) : t('interventionMeetings.freeText')}</th>
                {kinds.map((k) => (
                  <td key={k}>{count(o.outcomes[k], o.suppressed[k])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
