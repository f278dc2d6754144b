/** An intervention's follow-ups: due date, done (when, by whom, what was found) or overdue — said in words. */
import { useTranslation } from 'react-i18next';
import { FollowUpForm } from './FollowUpForm.tsx';
import { personName } from './parts.tsx';
import type { FollowUpView } from '../../../shared/interventions/cases.ts';
import { formatDate } from '../../shared/format.ts';

export function FollowUpList({ followUps, canWrite, onSaved }: { followUps: FollowUpView[]; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  if (followUps.length === 0) return <p>{t('interventions.noFollowUps')}</p>;
  return (
    <ul className="follow-ups">
      {followUps.map((f) => (
        <li key={f.id}>
          <strong>{formatDate(f.dueOn)}</strong>
          {' – '}
          {f.done ? (
            <>
              {t('interventions.followUpDone', { date: f.doneOn ? formatDate(f.doneOn) : '', name: personName(f.doneBy) })}
              {f.note && <>: {f.note}</>}
            </>
          ) : f.overdue ? (
            <span className="overdue">{t('interventions.followUpOverdue')}</span>
          ) : (
            t('interventions.followUpPlanned')
          )}
          {!f.done && canWrite && (
            <div>
              <FollowUpForm followUp={f} onSaved={onSaved} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
