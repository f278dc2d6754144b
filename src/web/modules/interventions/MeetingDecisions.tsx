/** The meeting's decisions: student → intervention → responsible → date (interventions created with this meeting). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/states.tsx';
import type { Decision } from './meeting-types.ts';

/** What was decided: the intervention's title, or the kind of change with the fields it changed. */
function useDecisionText() {
  const { t } = useTranslation();
  return (d: Decision) => {
    if (d.kind === 'intervention-added' && d.intervention) return d.intervention.title;
    const kind = t(`interventionMeetings.kind_${d.kind}`, { defaultValue: d.kind });
    const fields = Object.keys(d.changes ?? {}).map((f) => t(`interventionMeetings.field_${f}`, { defaultValue: f }));
    const what = d.intervention ? `${kind}: ${d.intervention.title}` : kind;
    return fields.length ? `${what} (${fields.join(', ')})` : what;
  };
}

export function MeetingDecisions({ decisions, hidden }: { decisions: Decision[]; hidden: number }) {
  const { t } = useTranslation();
  const text = useDecisionText();
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('interventionMeetings.decisions')}</h2>
      {decisions.length === 0 ? <EmptyState text={t('interventionMeetings.noDecisions')} /> : (
        <table>
          <caption>{t('interventionMeetings.decisionsCaption')}</caption>
          <thead><tr>
            <th scope="col">{t('interventionMeetings.student')}</th><th scope="col">{t('interventionMeetings.decision')}</th>
            <th scope="col">{t('interventionMeetings.responsible')}</th><th scope="col">{t('interventionMeetings.decisionDate')}</th>
          </tr></thead>
          <tbody>{decisions.map((d, i) => (
            <tr key={`${d.kind}-${d.caseId}-${d.intervention?.id ?? ''}-${i}`}>
              <td><Link to={`/insatser/arende/${d.caseId}`}>{d.student.name}</Link></td>
              <td>{text(d)}</td>
              <td>{d.responsible?.name ?? '–'}</td>
              <td className="nowrap">{d.date}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {hidden > 0 && <p className="notice">{t('interventionMeetings.hiddenDecisions', { count: hidden })}</p>}
    </section>
  );
}
