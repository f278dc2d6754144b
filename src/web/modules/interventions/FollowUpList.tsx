/** An intervention's follow-ups: due date, done (when, by whom, what was found) or overdue — said in words. */
import { useTranslation } from 'react-i18next';
import { FollowUpForm } from './FollowUpForm.tsx';
import { personName } from './parts.tsx';
import type { FollowUp } from './types.ts';

export function FollowUpList({ followUps, canWrite, onSaved }: { followUps: FollowUp[]; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  if (followUps.length === 0) return <p>{t('interventions.noFollowUps')}</p>;
  return (
    <ul className="follow-ups">
      {followUps.map((f) => (
        <li key={f.id}>
          <strong>{f.dueOn}</strong>{' – '}
          {f.done ? (
            <>{t('interventions.followUpDone', { date: f.doneOn ?? '', name: personName(f.doneBy) })}{f.note && <>: {f.note}</>}</>
          ) : f.overdue ? <span className="overdue">{t('interventions.followUpOverdue')}</span> : t('interventions.followUpPlanned')}
          {!f.done && canWrite && <div><FollowUpForm followUp={f} onSaved={onSaved} /></div>}
        </li>
      ))}
    </ul>
  );
}
