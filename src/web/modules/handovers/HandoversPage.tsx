/** The handovers to send (drafts, "no handover needed", sent) and those received, for the actor's units. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { handoversApi } from '../../../shared/handovers/contract.ts';
import { statusLabels, triggerLabels } from '../../../shared/handovers/labels.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { ImportForm } from './ImportForm.tsx';
import { OutsideSchoolForm } from './OutsideSchoolForm.tsx';

export default function HandoversPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('handovers.title'));
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('outgoing');
  const list = useLoad(() => call(handoversApi[direction]), direction);
  const d = list.data;
  return (
    <>
      <h1>{t('handovers.title')}</h1>
      <p>{t('handovers.intro')}</p>
      <div role="group" aria-label={t('handovers.show')}>
        <label htmlFor="handover-direction">{t('handovers.show')}</label>{' '}
        <select id="handover-direction" value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
          <option value="outgoing">{t('handovers.outgoing')}</option>
          <option value="incoming">{t('handovers.incoming')}</option>
        </select>
      </div>
      {list.loading && !d && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {d && d.items.length === 0 && <EmptyState text={t('handovers.empty')} />}
      {d && d.items.length > 0 && (
        <ul className="handover-list">
          {d.items.map((h) => (
            <li key={h.id}>
              <h2>
                <Link to={`/overlamningar/${h.id}`} aria-label={t('handovers.open', { name: h.studentName })}>
                  {h.studentName}
                </Link>
              </h2>
              <p>
                {t('handovers.from')}: {h.fromUnitName} · {t('handovers.to')}: {h.toUnitName} ({h.toOrganiserName})
              </p>
              <p>
                {t('handovers.status')}: {statusLabels[h.status][language]}
                {h.overdue && <strong> · {t('handovers.overdue')}</strong>}
                {h.status === 'draft' && h.sendBy && ` · ${t('handovers.deadline')} ${formatDate(h.sendBy)}`}
                {h.status === 'sent' && h.confirmBy && ` · ${t('handovers.deadline')} ${formatDate(h.confirmBy)}`}
                {h.meetingHeld && ` · ${t('handovers.meetingHeld')}`}
                {h.followUpDone && ` · ${t('handovers.followUpDone')}`}
              </p>
              {h.triggers.length > 0 && (
                <p>
                  {t('handovers.why')}: {h.triggers.map((c) => triggerLabels[c][language]).join(', ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {direction === 'incoming' && <ImportForm kind="handover" />}
      {direction === 'outgoing' && <OutsideSchoolForm />}
      {direction === 'outgoing' && <ImportForm kind="receipt" />}
    </>
  );
}
