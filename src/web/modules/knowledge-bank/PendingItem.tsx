/**
 * One pending suggestion in the editors' queue: the suggested content (a new record) or the fields an edit changes
 * against the published record, each value in words; the conversation; approve, or reject with a required reason.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRevision } from '../../../shared/knowledge-bank/answers.ts';
import { contentFields } from '../../../shared/knowledge-bank/answers.ts';
import { knowledgeApi } from '../../../shared/knowledge-bank/contract.ts';
import { call } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorMessage } from '../../shared/states.tsx';
import { Comments } from './Comments.tsx';
import { ContentValue, isEmpty, type Names } from './ContentValue.tsx';
import { inputId } from './fields.tsx';
import { useContentLabel } from './labels.ts';
import { RecordName } from './RecordName.tsx';

export function PendingItem({ revision: r, names, onDone }: { revision: QueueRevision; names: Names; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const label = useContentLabel();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [approveError, setApproveError] = useState<unknown>();
  const reasonId = inputId(`reason-${r.id}`);
  const act = async (action: 'approve' | 'reject') => {
    setError(undefined);
    setApproveError(undefined);
    try {
      if (action === 'approve') await call(knowledgeApi.approve, { params: { id: r.id }, body: {} });
      else await call(knowledgeApi.reject, { params: { id: r.id }, body: { reason } });
      onDone(action === 'approve' ? t('knowledgeBank.approved', { name: r.content.nameSv }) : t('knowledgeBank.rejected'));
    } catch (e) {
      (action === 'approve' ? setApproveError : setError)(e);
    }
  };
  const fields = r.diff ? r.diff.fields : contentFields.filter((field) => !isEmpty(r.content[field]));
  return (
    <li>
      <article aria-labelledby={`kb-rev-${r.id}`}>
        <h3 id={`kb-rev-${r.id}`}>
          <RecordName content={r.content} /> ({r.type === 'new' ? t('knowledgeBank.typeNew') : t('knowledgeBank.typeEdit')})
        </h3>
        <p>{t('knowledgeBank.by', { name: r.submittedBy?.name ?? '–', date: formatDateTime(r.submittedAt) })}</p>
        {r.stale && <p className="notice">{t('knowledgeBank.stale')}</p>}
        {r.diff && r.diff.fields.length === 0 ? (
          <p>{t('knowledgeBank.noDiff')}</p>
        ) : (
          <table className="kb-diff">
            <caption>{r.diff ? t('knowledgeBank.diffCaption') : t('knowledgeBank.contentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledgeBank.field')}</th>
                {r.diff && <th scope="col">{t('knowledgeBank.before')}</th>}
                <th scope="col">{t('knowledgeBank.after')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">{label(field)}</th>
                  {r.diff && (
                    <td className="kb-before">
                      <ContentValue field={field} content={r.diff.published} html={r.diff.publishedDescriptionHtml} names={names} />
                    </td>
                  )}
                  <td className={r.diff ? 'kb-after' : undefined}>
                    <ContentValue field={field} content={r.content} html={r.descriptionHtml} names={names} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Comments revisionId={r.id} comments={r.comments} level={4} onAdded={() => onDone(t('knowledgeBank.commentSent'))} />
        <div className="kb-actions">
          <button type="button" onClick={() => void act('approve')} aria-label={`${t('knowledgeBank.approve')}: ${r.content.nameSv}`}>
            {t('knowledgeBank.approve')}
          </button>
          {approveError !== undefined && <ErrorMessage error={approveError} />}
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void act('reject');
            }}
          >
            <div className="field">
              <label htmlFor={reasonId}>
                {t('knowledgeBank.rejectReason')} {t('knowledgeBank.required')}
              </label>
              <textarea
                id={reasonId}
                rows={2}
                aria-required="true"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-describedby={`${reasonId}-help${error !== undefined ? ` ${reasonId}-error` : ''}`}
                aria-invalid={error !== undefined ? true : undefined}
              />
              <p id={`${reasonId}-help`} className="help">
                {t('knowledgeBank.rejectHelp')}
              </p>
              {error !== undefined && (
                <p id={`${reasonId}-error`} className="field-error" role="alert">
                  {error instanceof Error ? error.message : String(error)}
                </p>
              )}
            </div>
            <button type="submit" aria-label={`${t('knowledgeBank.reject')}: ${r.content.nameSv}`}>
              {t('knowledgeBank.reject')}
            </button>
          </form>
        </div>
      </article>
    </li>
  );
}
