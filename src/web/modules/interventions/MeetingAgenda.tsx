/** The generated agenda in three sections, each student linked to their early-detection page or case. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/states.tsx';
import type { Meeting } from '../../../shared/interventions/meetings.ts';
import { formatDate } from '../../shared/format.ts';

export function MeetingAgenda({ agenda }: { agenda: Meeting['agenda'] }) {
  const { t } = useTranslation();
  const flagText = (f: string) => t(`earlyWarning.ind.${f}`, { defaultValue: f });
  return (
    <section aria-labelledby="agenda-heading" className="meeting-agenda">
      <h2 id="agenda-heading">{t('interventionMeetings.agenda')}</h2>

      <h3 id="agenda-flags">{t('interventionMeetings.newFlags')}</h3>
      <p className="help">{t('interventionMeetings.newFlagsHelp')}</p>
      {agenda.newFlags.length === 0 ? (
        <EmptyState text={t('interventionMeetings.noNewFlags')} />
      ) : (
        <table aria-labelledby="agenda-flags">
          <thead>
            <tr>
              <th scope="col">{t('interventionMeetings.student')}</th>
              <th scope="col">{t('interventionMeetings.tier')}</th>
              <th scope="col">{t('interventionMeetings.reasons')}</th>
              <th scope="col">{t('interventionMeetings.since')}</th>
              <th scope="col">{t('interventionMeetings.case')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.newFlags.map((f) => (
              <tr key={f.student.id}>
                <td>
                  <Link to={`/tidig-upptackt/elev/${f.student.id}`}>{f.student.name}</Link>
                </td>
                <td>{f.tier === null ? '–' : t(`earlyWarning.tier${f.tier}`)}</td>
                <td>{f.flags.length === 0 ? '–' : f.flags.map(flagText).join(', ')}</td>
                <td className="nowrap">{f.onset ? formatDate(f.onset) : '–'}</td>
                <td>
                  {f.caseId ? (
                    <Link to={`/insatser/arende/${f.caseId}`}>{t('interventionMeetings.caseOpened')}</Link>
                  ) : (
                    t('interventionMeetings.noCase')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 id="agenda-overdue">{t('interventionMeetings.overdue')}</h3>
      {agenda.overdueFollowUps.length === 0 ? (
        <EmptyState text={t('interventionMeetings.noOverdue')} />
      ) : (
        <table aria-labelledby="agenda-overdue">
          <thead>
            <tr>
              <th scope="col">{t('interventionMeetings.student')}</th>
              <th scope="col">{t('interventionMeetings.intervention')}</th>
              <th scope="col">{t('interventionMeetings.dueOn')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.overdueFollowUps.map((f) => (
              <tr key={f.followUpId}>
                <td>
                  <Link to={`/insatser/arende/${f.caseId}`}>{f.student.name}</Link>
                </td>
                <td>{f.title}</td>
                <td className="nowrap">{formatDate(f.dueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 id="agenda-evaluate">{t('interventionMeetings.toEvaluate')}</h3>
      {agenda.toEvaluate.length === 0 ? (
        <EmptyState text={t('interventionMeetings.noEvaluate')} />
      ) : (
        <table aria-labelledby="agenda-evaluate">
          <thead>
            <tr>
              <th scope="col">{t('interventionMeetings.student')}</th>
              <th scope="col">{t('interventionMeetings.intervention')}</th>
              <th scope="col">{t('interventionMeetings.why')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.toEvaluate.map((e) => (
              <tr key={`${e.caseId}-${e.interventionId ?? ''}`}>
                <td>
                  <Link to={`/insatser/arende/${e.caseId}`}>{e.student.name}</Link>
                </td>
                <td>{e.title ?? t('interventionMeetings.wholeCase')}</td>
                <td>
                  {e.reason === 'ended'
                    ? t('interventionMeetings.ended', { date: e.endDate ? formatDate(e.endDate) : '–' })
                    : t('interventionMeetings.inFollowUp')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {agenda.hidden > 0 && <p className="notice">{t('interventionMeetings.hidden', { count: agenda.hidden })}</p>}
    </section>
  );
}
