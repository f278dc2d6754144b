/** The meeting's decisions: student → intervention → responsible → date (interventions created with this meeting). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/states.tsx';
import type { Decision } from './meeting-types.ts';

export function MeetingDecisions({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('interventionMeetings.decisions')}</h2>
      {decisions.length === 0 ? <EmptyState text={t('interventionMeetings.noDecisions')} /> : (
        <table>
          <caption>{t('interventionMeetings.decisionsCaption')}</caption>
          <thead><tr>
            <th scope="col">{t('interventionMeetings.student')}</th><th scope="col">{t('interventionMeetings.intervention')}</th>
            <th scope="col">{t('interventionMeetings.responsible')}</th><th scope="col">{t('interventionMeetings.startDate')}</th>
          </tr></thead>
          <tbody>{decisions.map((d) => (
            <tr key={d.intervention.id}>
              <td>{d.caseId ? <Link to={`/insatser/arende/${d.caseId}`}>{d.student.name}</Link> : d.student.name}</td>
              <td>{d.intervention.title}</td>
              <td>{d.responsible?.name ?? '–'}</td>
              <td>{d.date}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
