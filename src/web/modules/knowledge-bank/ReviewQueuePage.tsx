/**
 * The editors' review queue: pending suggestions (an edit with its diff against the published record, a new one with
 * its content), the conversation, approve, reject with a required reason; and published records due for review.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { send } from '../interventions/request.ts';
import { Comments } from './Comments.tsx';
import { inputId } from './fields.tsx';
import { contentFields, valueText } from './present.ts';
import type { DueRecord, QueueRevision } from './types.ts';
import { when } from './when.ts';
import './knowledge-bank.css';

interface Queue { pending: QueueRevision[]; dueForReview: DueRecord[] }

export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  useTitle(t('knowledgeBank.queueTitle'));
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState('');
  const queue = useLoad(() => api<Queue>('/api/knowledge/review-queue'), String(version));
  const reload = (message: string) => { setDone(message); setVersion((v) => v + 1); };
  const q = queue.data;
  return (
    <>
      <h1>{t('knowledgeBank.queueTitle')}</h1>
      <p>{t('knowledgeBank.queueIntro')}</p>
      <div aria-live="polite">{done && <p className="notice">{done}</p>}</div>
      {queue.loading && !q && <Loading />}
      {queue.error !== undefined && <ErrorMessage error={queue.error} />}
      {q && (
        <>
          <h2>{t('knowledgeBank.pending', { count: q.pending.length })}</h2>
          {q.pending.length === 0 ? <EmptyState text={t('knowledgeBank.noPending')} /> : (
            <ul className="kb-list">
              {q.pending.map((r) => <PendingItem key={r.id} revision={r} onDone={reload} />)}
            </ul>
          )}
          <h2>{t('knowledgeBank.due', { count: q.dueForReview.length })}</h2>
          {q.dueForReview.length === 0 ? <EmptyState text={t('knowledgeBank.noDue')} /> : (
            <ul className="kb-list">
              {q.dueForReview.map((d) => (
                <li key={d.id}>
                  <a href={`/kunskapsbank/${d.slug}`}>{d.nameSv}</a>{' – '}
                  {d.lastReviewedOn ? t('knowledgeBank.lastReviewed', { date: when(d.lastReviewedOn, i18n.language) })
                    : t('knowledgeBank.neverReviewed')}
                  {', '}{t('knowledgeBank.dueOn', { date: when(d.dueOn, i18n.language) })}{' '}
                  <Link to={`/forslag/nytt?record=${d.id}`} aria-label={`${t('knowledgeBank.edit')}: ${d.nameSv}`}>{t('knowledgeBank.edit')}</Link>{' '}
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
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  return (
    <>
      <button type="button" onClick={() => {
        send(`/api/knowledge/records/${record.id}/review`, 'POST').then(() => onDone(t('knowledgeBank.reviewedDone', { name: record.nameSv })), setError);
      }}>{t('knowledgeBank.markReviewed', { name: record.nameSv })}</button>
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}

function PendingItem({ revision: r, onDone }: { revision: QueueRevision; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [approveError, setApproveError] = useState<unknown>();
  const reasonId = inputId(`reason-${r.id}`);
  const act = async (action: 'approve' | 'reject') => {
    const fail = action === 'approve' ? setApproveError : setError;
    setError(undefined); setApproveError(undefined);
    try {
      await send(`/api/knowledge/revisions/${r.id}/${action}`, 'POST', action === 'reject' ? { reason } : undefined);
      onDone(action === 'approve' ? t('knowledgeBank.approved', { name: r.content.nameSv }) : t('knowledgeBank.rejected'));
    } catch (e) { fail(e); }
  };
  const shown = r.diff ?? contentFields.map((field) => ({ field, before: undefined, after: (r.content as unknown as Record<string, unknown>)[field] }))
    .filter((row) => valueText(t, row.field, row.after) !== t('knowledgeBank.empty'));
  return (
    <li>
      <article aria-labelledby={`kb-rev-${r.id}`}>
        <h3 id={`kb-rev-${r.id}`}>{r.content.nameSv} ({r.type === 'new' ? t('knowledgeBank.typeNew') : t('knowledgeBank.typeEdit')})</h3>
        <p>{t('knowledgeBank.by', { name: r.submittedBy?.name ?? '–', date: when(r.submittedAt, i18n.language) })}</p>
        {r.stale && <p className="notice">{t('knowledgeBank.stale')}</p>}
        {r.diff && r.diff.length === 0 ? <p>{t('knowledgeBank.noDiff')}</p> : (
          <table className="kb-diff">
            <caption>{r.diff ? t('knowledgeBank.diffCaption') : t('knowledgeBank.contentCaption')}</caption>
            <thead>
              <tr><th scope="col">{t('knowledgeBank.field')}</th>{r.diff && <th scope="col">{t('knowledgeBank.before')}</th>}<th scope="col">{t('knowledgeBank.after')}</th></tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.field}>
                  <th scope="row">{t(`knowledgeBank.fields.${row.field}`)}</th>
                  {r.diff && <td><del>{valueText(t, row.field, row.before)}</del></td>}
                  <td>{r.diff ? <ins>{valueText(t, row.field, row.after)}</ins> : valueText(t, row.field, row.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Comments revisionId={r.id} comments={r.comments} level={4} onAdded={() => onDone(t('knowledgeBank.commentSent'))} />
        <div className="kb-actions">
          <button type="button" onClick={() => void act('approve')} aria-label={`${t('knowledgeBank.approve')}: ${r.content.nameSv}`}>{t('knowledgeBank.approve')}</button>
          {approveError !== undefined && <ErrorMessage error={approveError} />}
          <form noValidate onSubmit={(e) => { e.preventDefault(); void act('reject'); }}>
            <div className="field">
              <label htmlFor={reasonId}>{t('knowledgeBank.rejectReason')} {t('knowledgeBank.required')}</label>
              <textarea id={reasonId} rows={2} aria-required="true" value={reason} onChange={(e) => setReason(e.target.value)}
                aria-describedby={`${reasonId}-help${error !== undefined ? ` ${reasonId}-error` : ''}`} aria-invalid={error !== undefined ? true : undefined} />
              <p id={`${reasonId}-help`} className="help">{t('knowledgeBank.rejectHelp')}</p>
              {error !== undefined && <p id={`${reasonId}-error`} className="field-error" role="alert">{error instanceof Error ? error.message : String(error)}</p>}
            </div>
            <button type="submit" aria-label={`${t('knowledgeBank.reject')}: ${r.content.nameSv}`}>{t('knowledgeBank.reject')}</button>
          </form>
        </div>
      </article>
    </li>
  );
}
