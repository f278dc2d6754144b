/**
 * An organisation records the challenges it sees (no personal data: the server refuses a personnummer or an e-mail
 * address, naming the field) and follows them: status, and the knowledge bank's examples that met the same one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { Field, FormProblem, useFieldLabel } from '../../shared/forms.tsx';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { challengeLabels, challengesApi } from '../../../shared/challenges/contract.ts';
import { ageGroups, focusAreas, schoolForms, type FocusArea } from '../../../shared/challenges/vocabulary.ts';

const empty = {
  focusArea: 'mental-health' as FocusArea,
  subChallenge: '',
  ageGroup: 'upper-secondary',
  schoolForm: 'gymnasieskola',
  description: '',
};

export default function ChallengesPage() {
  const { t } = useTranslation();
  const label = useFieldLabel(challengeLabels);
  useTitle(t('challenges.nav'));
  const [loads, setLoads] = useState(0);
  const mine = useLoad(() => call(challengesApi.mine), String(loads));
  const [draft, setDraft] = useState(empty);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const send = async () => {
    setError(undefined);
    setSent(false);
    try {
      await call(challengesApi.submit, {
        body: draft as typeof draft & { ageGroup: (typeof ageGroups)[number]; schoolForm: (typeof schoolForms)[number] },
      });
      setSent(true);
      setDraft(empty);
      setLoads((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };
  const suggestions = mine.data?.suggestions[draft.focusArea] ?? [];
  return (
    <>
      <h1>{t('challenges.nav')}</h1>
      <p>{t('challenges.intro')}</p>
      <p>
        <a href="/kunskapsbank/utmaningar">{t('challenges.publicMap')}</a>
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <h2>{t('challenges.record')}</h2>
        <FormProblem error={error} />
        <Field id="ch-focus" label={label('focusArea')} field="focusArea" error={error}>
          {(p) => (
            <select {...p} value={draft.focusArea} onChange={(e) => setDraft({ ...draft, focusArea: e.target.value as FocusArea })}>
              {focusAreas.map((f) => (
                <option key={f} value={f}>
                  {t(`knowledgeBank.focus.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ch-sub" label={label('subChallenge')} field="subChallenge" error={error}>
          {(p) => (
            <input
              {...p}
              list="ch-sub-list"
              value={draft.subChallenge}
              onChange={(e) => setDraft({ ...draft, subChallenge: e.target.value })}
            />
          )}
        </Field>
        <datalist id="ch-sub-list">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Field id="ch-age" label={label('ageGroup')} field="ageGroup" error={error}>
          {(p) => (
            <select {...p} value={draft.ageGroup} onChange={(e) => setDraft({ ...draft, ageGroup: e.target.value })}>
              {ageGroups.map((a) => (
                <option key={a} value={a}>
                  {t(`knowledgeBank.ages.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ch-form" label={label('schoolForm')} field="schoolForm" error={error}>
          {(p) => (
            <select {...p} value={draft.schoolForm} onChange={(e) => setDraft({ ...draft, schoolForm: e.target.value })}>
              {schoolForms.map((s) => (
                <option key={s} value={s}>
                  {t(`challenges.schoolForms.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ch-description" label={label('description')} field="description" error={error}>
          {(p) => (
            <textarea {...p} rows={4} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          )}
        </Field>
        <button type="submit">{t('challenges.send')}</button>
        {sent && <p role="status">{t('challenges.sent')}</p>}
      </form>
      <h2>{t('challenges.mine')}</h2>
      {mine.loading && !mine.data && <Loading />}
      {mine.error !== undefined && <ErrorMessage error={mine.error} />}
      {mine.data && mine.data.items.length === 0 && <p>{t('challenges.none')}</p>}
      <ul className="challenge-list">
        {mine.data?.items.map((c) => (
          <li key={c.id}>
            <h3>{c.subChallenge}</h3>
            <p>
              {t(`knowledgeBank.focus.${c.focusArea}`)} · {c.municipality} · {t(`challenges.statuses.${c.status}`)}
            </p>
            <p>{c.description}</p>
            {c.rejectionReason && (
              <p>
                {t('challenges.rejected')}: {c.rejectionReason}
              </p>
            )}
            <h4>{t('challenges.met')}</h4>
            {c.examples.length ? (
              <ul>
                {c.examples.map((e) => (
                  <li key={e.href}>
                    <a href={e.href}>{e.name}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('challenges.noExamples')}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
