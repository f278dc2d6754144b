/** "Mina förslag": the actor's suggestions with their status, the editor's reason for a rejection, and the comments. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { knowledgeApi } from '../../../shared/knowledge-bank/contract.ts';
import { call } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { Comments } from './Comments.tsx';
import './knowledge-bank.css';
import { RecordName } from './RecordName.tsx';

export default function MySubmissionsPage() {
  const { t } = useTranslation();
  useTitle(t('knowledgeBank.mineTitle'));
  const location = useLocation();
  const [version, setVersion] = useState(0);
  const mine = useLoad(() => call(knowledgeApi.mine), String(version));
  const sent = (location.state as { sent?: boolean } | null)?.sent;
  return (
    <>
      <h1>{t('knowledgeBank.mineTitle')}</h1>
      <p>
        {t('knowledgeBank.mineIntro')} <Link to="/forslag/nytt">{t('knowledgeBank.navSubmit')}</Link>
      </p>
      <div aria-live="polite">{sent && <p className="notice">{t('knowledgeBank.sent')}</p>}</div>
      {mine.loading && !mine.data && <Loading />}
      {mine.error !== undefined && <ErrorMessage error={mine.error} />}
      {mine.data?.items.length === 0 && <EmptyState text={t('knowledgeBank.noMine')} />}
      {mine.data && mine.data.items.length > 0 && (
        <ul className="kb-list">
          {mine.data.items.map((r) => (
            <li key={r.id}>
              <article aria-labelledby={`kb-mine-${r.id}`}>
                <h2 id={`kb-mine-${r.id}`}>
                  <RecordName content={r.content} />
                </h2>
                <p>
                  <span className={`kb-status kb-status-${r.status}`}>{t(`knowledgeBank.status.${r.status}`)}</span>
                  {' · '}
                  {r.type === 'new' ? t('knowledgeBank.typeNew') : t('knowledgeBank.typeEdit')}
                  {' · '}
                  {t('knowledgeBank.submittedAt', { date: formatDateTime(r.submittedAt) })}
                  {r.reviewedAt && (
                    <>
                      {' · '}
                      {t('knowledgeBank.reviewedAt', { date: formatDateTime(r.reviewedAt), name: r.reviewedBy?.name ?? '–' })}
                    </>
                  )}
                </p>
                {r.status === 'rejected' && (
                  <div className="notice">
                    <p>
                      <strong>{t('knowledgeBank.reason')}:</strong> {r.decisionReason}
                    </p>
                    <p>
                      <Link to={`/forslag/nytt?revision=${r.id}`} aria-label={`${t('knowledgeBank.resubmit')}: ${r.content.nameSv}`}>
                        {t('knowledgeBank.resubmit')}
                      </Link>
                    </p>
                  </div>
                )}
                {r.status === 'approved' && r.record?.slug && (
                  <p>
                    <a href={`/kunskapsbank/${r.record.slug}`} aria-label={`${t('knowledgeBank.viewPublished')}: ${r.content.nameSv}`}>
                      {t('knowledgeBank.viewPublished')}
                    </a>
                  </p>
                )}
                <Comments revisionId={r.id} comments={r.comments} onAdded={() => setVersion((v) => v + 1)} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
