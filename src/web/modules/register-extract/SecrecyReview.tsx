/**
 * The secrecy review (data protection officer only): the person's items under secrecy with their content, the decision
 * in force, and a form to release or withhold each. The extract is downloaded below once they are decided.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { ErrorMessage, Loading, useLoad } from '../../shared/states.tsx';
import { registerExtractApi, registerExtractLabels, type SecretItem } from '../../../shared/register-extract/contract.ts';
import { DecisionForm } from './DecisionForm.tsx';

export function SecrecyReview({ personId, onDecided }: { personId: string; onDecided: () => void }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState(false);
  const review = useLoad(() => call(registerExtractApi.review, { params: { personId } }), `${personId}:${version}`);
  const decided = () => {
    setSaved(true);
    setVersion((v) => v + 1);
    onDecided();
  };
  return (
    <section aria-labelledby="secrecy-review">
      <h2 id="secrecy-review">{t('registerExtract.review.heading')}</h2>
      <p>{t('registerExtract.review.intro')}</p>
      {saved && (
        <p role="status" className="notice">
          {t('registerExtract.review.saved')}
        </p>
      )}
      {review.loading && !review.data && <Loading />}
      {review.error !== undefined && <ErrorMessage error={review.error} />}
      {review.data &&
        (review.data.items.length === 0 ? (
          <p>{t('registerExtract.review.none')}</p>
        ) : (
          <>
            <p>{t('registerExtract.review.counts', review.data.counts)}</p>
            {review.data.items.map((item) => (
              <ReviewItem key={`${item.kind}:${item.itemId}`} personId={personId} item={item} onSaved={decided} />
            ))}
          </>
        ))}
    </section>
  );
}

function ReviewItem({ personId, item, onSaved }: { personId: string; item: SecretItem; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const state = {
    pending: t('registerExtract.review.statePending'),
    released: t('registerExtract.review.stateReleased'),
    withheld: t('registerExtract.review.stateWithheld'),
  }[item.state];
  const headingId = `secret-${item.itemId}`;
  return (
    <article aria-labelledby={headingId} className="secret-item">
      <h3 id={headingId}>{item.title}</h3>
      <dl className="extract-facts">
        {item.content.map((f, i) => (
          <div key={i}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('registerExtract.review.state')}</dt>
          <dd>
            {state}
            {item.decision && (
              <>
                {' '}
                — {item.decision.reasonCategory ? `${t(`registerExtract.review.categories.${item.decision.reasonCategory}`)}. ` : ''}
                {t('registerExtract.review.decidedBy', { at: item.decision.decidedAt, name: item.decision.decidedBy })}
              </>
            )}
          </dd>
        </div>
        {item.decision && (
          <div>
            <dt>{registerExtractLabels.reason[i18n.language.startsWith('en') ? 'en' : 'sv']}</dt>
            <dd>{item.decision.reason}</dd>
          </div>
        )}
      </dl>
      {item.decision && <h4>{t('registerExtract.review.change')}</h4>}
      <DecisionForm personId={personId} item={item} onSaved={onSaved} />
    </article>
  );
}
