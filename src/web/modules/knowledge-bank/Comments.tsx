/** A revision's review conversation, oldest first, and a form to add to it (the submitter and the editors). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../shared/knowledge-bank/answers.ts';
import { knowledgeApi } from '../../../shared/knowledge-bank/contract.ts';
import { call } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { inputId } from './fields.tsx';

export function Comments({
  revisionId,
  comments,
  onAdded,
  level = 3,
}: {
  revisionId: string;
  comments: Comment[];
  onAdded: () => void;
  level?: 3 | 4;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const field = `comment-${revisionId}`;
  const Heading = level === 3 ? 'h3' : 'h4';
  const add = async () => {
    setError(undefined);
    setSent(false);
    try {
      await call(knowledgeApi.comment, { params: { id: revisionId }, body: { body } });
      setBody('');
      setSent(true);
      onAdded();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby={`${inputId(field)}-heading`}>
      <Heading id={`${inputId(field)}-heading`}>{t('knowledgeBank.comments')}</Heading>
      {comments.length === 0 ? (
        <p className="muted">{t('knowledgeBank.noComments')}</p>
      ) : (
        <ul className="kb-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author?.name ?? '–'}</strong>, {formatDateTime(c.createdAt)}: {c.body}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div className="field">
          <label htmlFor={inputId(field)}>{t('knowledgeBank.comment')}</label>
          <textarea
            id={inputId(field)}
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby={error !== undefined ? `${inputId(field)}-error` : undefined}
            aria-invalid={error !== undefined ? true : undefined}
          />
          {error !== undefined && (
            <p id={`${inputId(field)}-error`} className="field-error" role="alert">
              {error instanceof Error ? error.message : String(error)}
            </p>
          )}
        </div>
        <button type="submit">{t('knowledgeBank.addComment')}</button>
        <div aria-live="polite">{sent && <p>{t('knowledgeBank.commentSent')}</p>}</div>
      </form>
    </section>
  );
}
