/**
 * The editors' review queue: pending suggestions (an edit with the fields it changes against the published record, a
 * new one with its content), the conversation, approve, reject with a required reason; and published records due for
 * review.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DueRecord } from '../../../shared/knowledge-bank/answers.ts';
import { knowledgeApi } from '../../../shared/knowledge-bank/contract.ts';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { PendingItem } from './PendingItem.tsx';
import './knowledge-bank.css';
import { RecordName } from './RecordName.tsx';

export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  useTitle(t('knowledgeBank.queueTitle'));
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState('');
  const queue = useLoad(() => call(knowledgeApi.reviewQueue), String(version));
  const reload = (message: string) => {
    setDone(message);
    setVersion((v) => v + 1);
  };
  const q = queue.data;
  const names = q && {
    methods: new Map(q.methods.map((m) => [m.id, (i18n.language === 'en' && m.nameEn) || m.nameSv])),
    municipalities: new Map(q.municipalities.map((m) => [m.code, m.name])),
  };
  return (
    <>
      <h1>{t('knowledgeBank.queueTitle')}</h1>
      <p>{t('knowledgeBank.queueIntro')}</p>
      <div aria-live="polite">{done && <p className="notice">{done}</p>}</div>
      {queue.loading && !q && <Loading />}
      {queue.error !== undefined && <ErrorMessage error={queue.error} />}
      {q && names && (
        <>
          <h2>{t('knowledgeBank.pending', { count: q.pending.length })}</h2>
          {q.pending.length === 0 ? (
            <EmptyState text={t('knowledgeBank.noPending')} />
          ) : (
            <ul className="kb-list">
              {q.pending.map((r) => (
                <PendingItem key={r.id} revision={r} names={names} onDone={reload} />
              ))}
            </ul>
          )}
          <h2>{t('knowledgeBank.due', { count: q.dueForReview.length })}</h2>
          {q.dueForReview.length === 0 ? (
            <EmptyState text={t('knowledgeBank.noDue')} />
          ) : (
            <ul className="kb-list">
              {q.dueForReview.map((d) => (
                <li key={d.id}>
                  <a href={`/kunskapsbank/${d.slug}`}>
                    <RecordName content={d} />
                  </a>
                  {' – '}
                  {d.lastReviewedOn
                    ? t('knowledgeBank.lastReviewed', { date: formatDate(d.lastReviewedOn) })
                    : t('knowledgeBank.neverReviewed')}
                  {', '}
                  {t('knowledgeBank.dueOn', { date: formatDate(d.dueOn) })}{' '}
                  <Link
                    to={`/forslag/nytt?record=${d.id}`}
                    aria-label={`${t('knowledgeBank.edit')}: ${(i18n.language === 'en' && d.nameEn) || d.nameSv}`}
                  >
                    {t('knowledgeBank.edit')}
                  </Link>{' '}
                  <MarkReviewed record={d} onDone={reload} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function MarkReviewed({ record, onDone }: { record: DueRecord; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const name = (i18n.language === 'en' && record.nameEn) || record.nameSv;
  const [error, setError] = useState<unknown>();
  return (
    <>
      <button
        type="button"
        aria-label={`${t('knowledgeBank.markReviewedShort')}: ${name}`}
        onClick={() => {
          call(knowledgeApi.markReviewed, { params: { id: record.id }, body: {} }).then(
            () => onDone(t('knowledgeBank.reviewedDone', { name })),
            setError,
          );
        }}
      >
        {t('knowledgeBank.markReviewedShort')}
      </button>
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
