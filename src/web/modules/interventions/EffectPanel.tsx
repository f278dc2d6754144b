/**
 * The measured effect of one intervention: the student's attendance in the 4 weeks before its start against weeks
 * 4–8 after (GET /api/interventions/interventions/:id/effect), as a chart and a table, with the caveat that a change
 * after an intervention is not proof that it caused it.
 */
import { useTranslation } from 'react-i18next';
import { effectApi, type EffectWindow } from '../../../shared/interventions/effect.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad } from '../../shared/states.tsx';
import { EffectChart } from './EffectChart.tsx';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);
const pctText = (x: number | null | undefined) => (pct(x) === null ? '–' : `${String(pct(x)).replace('.', ',')} %`);
const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${String(Math.abs(Math.round(x * 1000) / 10)).replace('.', ',')}`;

export function EffectPanel({ interventionId, title }: { interventionId: string; title: string }) {
  const { t } = useTranslation();
  const effect = useLoad(() => call(effectApi.intervention, { params: { id: interventionId } }), interventionId);
  if (effect.loading && !effect.data) return <Loading />;
  if (effect.error !== undefined) return <ErrorMessage error={effect.error} />;
  const e = effect.data;
  if (!e) return null;
  const headingId = `effect-${interventionId}`;
  const windowText = (w: EffectWindow | null) =>
    w ? t('interventions.effectWindow', { from: formatDate(w.from), to: formatDate(w.to) }) : '–';
  const change = e.change;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{t('interventions.effectTitle')}</h4>
      {e.status === 'too-early' && <p>{t('interventions.effectTooEarly', { date: formatDate(e.after.to) })}</p>}
      {e.status === 'no-data' && <p>{t('interventions.effectNoData')}</p>}
      {e.status === 'ok' && change && (
        <>
          <p>
            {t('interventions.effectSummary', {
              before: pctText(e.before.attendanceRate),
              after: pctText(e.after.attendanceRate),
              change: points(change.attendanceRate),
            })}
          </p>
          <figure>
            <EffectChart
              label={t('interventions.effectChart', { title })}
              bars={[
                { name: t('interventions.before'), value: pct(e.before.attendanceRate) },
                { name: t('interventions.after'), value: pct(e.after.attendanceRate) },
              ]}
            />
            <details>
              <summary>{t('interventions.showTable')}</summary>
              <table>
                <caption>{t('interventions.effectCaption', { title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('interventions.period')}</th>
                    <th scope="col">{t('interventions.dates')}</th>
                    <th scope="col">{t('interventions.attendance')}</th>
                    <th scope="col">{t('interventions.invalidAbsence')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('interventions.before')}</th>
                    <td>{windowText(e.before)}</td>
                    <td>{pctText(e.before.attendanceRate)}</td>
                    <td>{pctText(e.before.invalidAbsenceRate)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('interventions.after')}</th>
                    <td>{windowText(e.after)}</td>
                    <td>{pctText(e.after.attendanceRate)}</td>
                    <td>{pctText(e.after.invalidAbsenceRate)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('interventions.change')}</th>
                    <td>–</td>
                    <td>{t('interventions.pp', { value: points(change.attendanceRate) })}</td>
                    <td>{t('interventions.pp', { value: points(change.invalidAbsenceRate) })}</td>
                  </tr>
                </tbody>
              </table>
            </details>
          </figure>
        </>
      )}
      <p className="help">{t('interventions.effectCaveat')}</p>
    </section>
  );
}
