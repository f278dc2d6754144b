/** The meeting's decisions: student → intervention → responsible → date (interventions created with this meeting). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/states.tsx';
import { useChangeValue } from './CaseHistory.tsx';
import type { Decision } from '../../../shared/interventions/meetings.ts';
import { useLocalText } from './parts.tsx';
import { formatDate } from '../../shared/format.ts';

/** What was decided: the intervention's title, or the kind of change with what it changed (labels and values, never keys). */
function useDecisionText() {
  const { t } = useTranslation();
  const local = useLocalText();
  const value = useChangeValue();
  return (d: Decision) => {
    if (d.kind === 'intervention-added' && d.intervention) return d.intervention.title;
    const kind = local(d.kindLabel);
    const changes = d.changes.map(
      (c) =>
        `${local(c.label)}: ${c.before.kind === 'empty' ? value(c.after) : t('interventions.fromTo', { before: value(c.before), after: value(c.after) })}`,
    );
    const what = d.intervention ? `${kind}: ${d.intervention.title}` : kind;
    return changes.length ? `${what} (${changes.join('; ')})` : what;
  };
}

export function MeetingDecisions({ decisions, hidden }: { decisions: Decision[]; hidden: number }) {
  const { t } = useTranslation();
  const text = useDecisionText();
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('interventionMeetings.decisions')}</h2>
      {decisions.length === 0 ? (
        <EmptyState text={t('interventionMeetings.noDecisions')} />
      ) : (
        <table>
          <caption>{t('interventionMeetings.decisionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('interventionMeetings.student')}</th>
              <th scope="col">{t('interventionMeetings.decision')}</th>
              <th scope="col">{t('interventionMeetings.responsible')}</th>
              <th scope="col">{t('interventionMeetings.decisionDate')}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d, i) => (
              <tr key={`${d.kind}-${d.caseId}-${d.intervention?.id ?? ''}-${i}`}>
                <td>
                  <Link to={`/insatser/arende/${d.caseId}`}>{d.student.name}</Link>
                </td>
                <td>{text(d)}</td>
                <td>{d.responsible?.name ?? '–'}</td>
                <td className="nowrap">{formatDate(d.date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hidden > 0 && <p className="notice">{t('interventionMeetings.hiddenDecisions', { count: hidden })}</p>}
    </section>
  );
}
