/** The regional editor's queue of challenges (publish, or reject with a reason) and the node's overview per municipality. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { challengesApi, type Challenge } from '../../../shared/challenges/contract.ts';
import { focusAreas } from '../../../shared/challenges/vocabulary.ts';

function Decision({ c, onDone }: { c: Challenge; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const decide = async (body: { decision: 'publish' } | { decision: 'reject'; reason: string }) => {
    setError(undefined);
    try {
      await call(challengesApi.decide, { params: { id: c.id }, body });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li>
      <h3>{c.subChallenge}</h3>
      <p>
        {t(`knowledgeBank.focus.${c.focusArea}`)} · {c.municipality} · {t('challenges.from')} {c.organiser}
      </p>
      <p>{c.description}</p>
      <FormProblem error={error} />
      <button
        type="button"
        onClick={() => void decide({ decision: 'publish' })}
        aria-label={`${t('challenges.publish')}: ${c.subChallenge}`}
      >
        {t('challenges.publish')}
      </button>
      <Field id={`reason-${c.id}`} label={t('challenges.reason')} field="reason" error={error}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button
        type="button"
        onClick={() => void decide({ decision: 'reject', reason })}
        aria-label={`${t('challenges.reject')}: ${c.subChallenge}`}
      >
        {t('challenges.reject')}
      </button>
    </li>
  );
}

export default function ReviewChallengesPage() {
  const { t } = useTranslation();
  useTitle(t('challenges.reviewNav'));
  const [loads, setLoads] = useState(0);
  const queue = useLoad(() => call(challengesApi.review), String(loads));
  return (
    <>
      <h1>{t('challenges.reviewNav')}</h1>
      {queue.loading && !queue.data && <Loading />}
      {queue.error !== undefined && <ErrorMessage error={queue.error} />}
      {queue.data && (
        <>
          <h2>{t('challenges.pending')}</h2>
          {queue.data.pending.length === 0 && <p>{t('challenges.nothingPending')}</p>}
          <ul className="challenge-list">
            {queue.data.pending.map((c) => (
              <Decision key={c.id} c={c} onDone={() => setLoads((n) => n + 1)} />
            ))}
          </ul>
          <h2 id="ch-overview">{t('challenges.overview')}</h2>
          <div className="table-scroll">
            <table aria-labelledby="ch-overview">
              <thead>
                <tr>
                  <th scope="col">{t('challenges.municipality')}</th>
                  <th scope="col">{t('challenges.total')}</th>
                  {focusAreas.map((f) => (
                    <th key={f} scope="col">
                      {t(`knowledgeBank.focus.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {queue.data.overview.map((o) => (
                  <tr key={o.municipality}>
                    <th scope="row">{o.municipality}</th>
                    <td>{o.total}</td>
                    {focusAreas.map((f) => (
                      <td key={f}>{o.focus[f]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
