/**
 * Register extract (GDPR art. 15): find a person by personnummer (POST), let the data protection officer review the
 * items under secrecy (release or withhold each, with a reason), then download the extract as PDF or JSON, or read it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { accessLogApi } from '../../../shared/access-log/contract.ts';
import { downloadPost } from '../../shared/download.ts';
import { useCan } from '../../shared/session.tsx';
import { ErrorMessage, useTitle } from '../../shared/states.tsx';
import type { ResponseOf } from '../../../shared/contract/endpoint.ts';
import {
  registerExtractEndpoint,
  type RegisterExtractBody,
  type RegisterExtractDocument,
} from '../../../shared/register-extract/contract.ts';
import { ExtractView } from './ExtractView.tsx';
import { SecrecyReview } from './SecrecyReview.tsx';
import './register-extract.css';

type Person = ResponseOf<typeof accessLogApi.lookup>['matches'][number];

export default function RegisterExtractPage() {
  const { t } = useTranslation();
  useTitle(t('registerExtract.nav'));
  const reviewer = useCan('register-extract.review');
  const [person, setPerson] = useState<Person | null>(null);
  const [extract, setExtract] = useState<RegisterExtractDocument | null>(null);
  const [problem, setProblem] = useState<unknown>();

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const civicNo = String(new FormData(event.currentTarget).get('civicNo') ?? '');
    setProblem(undefined);
    setPerson(null);
    setExtract(null);
    try {
      const { matches } = await call(accessLogApi.lookup, { body: { civicNo } });
      if (matches[0]) setPerson(matches[0]);
      else setProblem(new Error(t('registerExtract.noPerson')));
    } catch (error) {
      setProblem(error);
    }
  }
  const run = (fn: () => Promise<void>) => () => {
    setProblem(undefined);
    void fn().catch(setProblem);
  };
  const download = (personId: string, format: 'pdf' | 'json') =>
    run(() => downloadPost(registerExtractEndpoint.path, { personId, format } satisfies RegisterExtractBody, `registerutdrag.${format}`));

  return (
    <>
      <h1>{t('registerExtract.title')}</h1>
      <p>{t('registerExtract.intro')}</p>
      <form onSubmit={(e) => void find(e)}>
        <label htmlFor="extract-civic">{t('registerExtract.civicNo')}</label>
        <input id="extract-civic" name="civicNo" autoComplete="off" required />
        <button type="submit">{t('registerExtract.find')}</button>
      </form>
      {problem !== undefined && <ErrorMessage error={problem} />}
      {person && (
        <>
          <h2>{t('registerExtract.found', { name: `${person.givenName} ${person.familyName}` })}</h2>
          {reviewer && <SecrecyReview personId={person.id} onDecided={() => setExtract(null)} />}
          <section aria-labelledby="extract-download">
            <h2 id="extract-download">{t('registerExtract.download')}</h2>
            <p>{t('registerExtract.downloadIntro')}</p>
            <p className="filters">
              <button type="button" onClick={download(person.id, 'pdf')}>
                {t('registerExtract.pdf')}
              </button>
              <button type="button" onClick={download(person.id, 'json')}>
                {t('registerExtract.json')}
              </button>
              {extract ? (
                <button type="button" onClick={() => setExtract(null)}>
                  {t('registerExtract.hide')}
                </button>
              ) : (
                <button
                  type="button"
                  onClick={run(async () =>
                    setExtract(await call(registerExtractEndpoint, { body: { personId: person.id, format: 'json' } })),
                  )}
                >
                  {t('registerExtract.show')}
                </button>
              )}
            </p>
          </section>
          {extract && <ExtractView extract={extract} />}
        </>
      )}
    </>
  );
}
