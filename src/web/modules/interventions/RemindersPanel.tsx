/** The start page's reminders: the actor's overdue and upcoming (14 days) follow-ups, each linking to its case. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { peopleApi, type Reminder } from '../../../shared/interventions/people.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorMessage, Loading, useLoad } from '../../shared/states.tsx';
import './interventions.css';

function ReminderList({ items, overdue }: { items: Reminder[]; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <ul>
      {items.map((r) => (
        <li key={r.followUpId}>
          {overdue && <span className="overdue">{t('interventions.overdueMark')} </span>}
          <Link to={`/insatser/arende/${r.caseId}`}>{r.student.name}</Link>: {r.title},{' '}
          {t('interventions.dueOn', { date: formatDate(r.dueOn) })}
        </li>
      ))}
    </ul>
  );
}

export function RemindersPanel() {
  const { t } = useTranslation();
  const reminders = useLoad(() => call(peopleApi.reminders), 'reminders');
  const data = reminders.data;
  return (
    <section aria-labelledby="reminders">
      <h2 id="reminders">{t('interventions.reminders')}</h2>
      {reminders.loading && !data && <Loading />}
      {reminders.error !== undefined && <ErrorMessage error={reminders.error} />}
      {data && data.overdue.length === 0 && data.upcoming.length === 0 && <p>{t('interventions.noReminders')}</p>}
      {data && data.overdue.length > 0 && (
        <>
          <h3>{t('interventions.overdueFollowUps', { count: data.overdue.length })}</h3>
          <ReminderList items={data.overdue} overdue />
        </>
      )}
      {data && data.upcoming.length > 0 && (
        <>
          <h3>{t('interventions.upcomingFollowUps', { count: data.upcoming.length })}</h3>
          <ReminderList items={data.upcoming} overdue={false} />
        </>
      )}
    </section>
  );
}
