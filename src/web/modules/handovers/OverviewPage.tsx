/** Counts of handovers per school unit of the organiser: sent, received, confirmed, overdue (small counts not shown). */
import { useTranslation } from 'react-i18next';
import { handoversApi } from '../../../shared/handovers/contract.ts';
import { call } from '../../shared/api.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';

export default function OverviewPage() {
  const { t } = useTranslation();
  useTitle(t('handovers.overview.title'));
  const data = useLoad(() => call(handoversApi.overview), 'overview');
  const d = data.data;
  const cell = (n: number | null) => (n === null ? t('handovers.overview.hidden') : String(n));
  const measures = ['sent', 'received', 'confirmed', 'overdue'] as const;
  return (
    <>
      <h1>{t('handovers.overview.title')}</h1>
      <p>{t('handovers.overview.intro')}</p>
      {data.error !== undefined && <ErrorMessage error={data.error} />}
      {!d && data.error === undefined && <Loading />}
      {d && (
        <div className="table-scroll">
          <table>
            <caption>{d.organiserName}</caption>
            <thead>
              <tr>
                <th scope="col">{t('handovers.overview.unit')}</th>
                {measures.map((m) => (
                  <th key={m} scope="col">
                    {t(`handovers.overview.${m}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...d.units, d.total].map((r, i) => (
                <tr key={`${r.name}-${i}`}>
                  <th scope="row">{i === d.units.length ? t('handovers.overview.total') : r.name}</th>
                  {measures.map((m) => (
                    <td key={m}>{cell(r[m])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
