/**
 * Contact letters to the newly registered: who gets a printed letter, who does not and why (a protected identity goes
 * through the Tax Agency's forwarding), the language of the letter and the officer's phone and e-mail in it, and the
 * letters as one PDF.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lettersApi, lettersPdfPath } from '../../../shared/kaa/letters.ts';
import { call } from '../../shared/api.ts';
import { downloadPost } from '../../shared/download.ts';
import { formatDate } from '../../shared/format.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import './kaa.css';

export default function LettersPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('kaa.letters.title'));
  const [from, setFrom] = useState<string | undefined>();
  const [draftFrom, setDraftFrom] = useState('');
  const plan = useLoad(() => call(lettersApi.plan, { query: from ? { registeredFrom: from } : {} }), from ?? '');
  const [letterLanguage, setLetterLanguage] = useState('sv');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>();
  const d = plan.data;

  function show(event: FormEvent) {
    event.preventDefault();
    setFrom(draftFrom || undefined);
  }

  async function download(event: FormEvent) {
    event.preventDefault();
    if (!d) return;
    setError(undefined);
    try {
      await downloadPost(lettersPdfPath, { registeredFrom: d.registeredFrom, language: letterLanguage, phone, email }, 'kontaktbrev.pdf');
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <h1>{t('kaa.letters.title')}</h1>
      <p>{t('kaa.letters.intro')}</p>
      <form onSubmit={show} className="kaa-inline-form">
        <label htmlFor="kaa-from">{t('kaa.letters.registeredFrom')}</label>
        <input id="kaa-from" type="date" value={draftFrom || d?.registeredFrom || ''} onChange={(e) => setDraftFrom(e.target.value)} />
        <button type="submit">{t('kaa.letters.show')}</button>
      </form>
      {plan.loading && !d && <Loading />}
      {plan.error !== undefined && <ErrorMessage error={plan.error} />}
      {d && (
        <>
          <section aria-labelledby="kaa-recipients">
            <h2 id="kaa-recipients">{t('kaa.letters.recipients', { count: d.recipients.length })}</h2>
            {d.recipients.length === 0 ? (
              <EmptyState text={t('kaa.letters.noRecipients')} />
            ) : (
              <table>
                <caption>{t('kaa.letters.recipientsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kaa.letters.name')}</th>
                    <th scope="col">{t('kaa.letters.registeredOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.recipients.map((r) => (
                    <tr key={r.personId}>
                      <th scope="row">{r.name}</th>
                      <td>{formatDate(r.registeredOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {d.skipped.length > 0 && (
            <section aria-labelledby="kaa-skipped">
              <h2 id="kaa-skipped">{t('kaa.letters.skipped', { count: d.skipped.length })}</h2>
              <p>{t('kaa.letters.skippedHelp')}</p>
              <table>
                <caption>{t('kaa.letters.skippedCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kaa.letters.name')}</th>
                    <th scope="col">{t('kaa.letters.registeredOn')}</th>
                    <th scope="col">{t('kaa.letters.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.skipped.map((s) => (
                    <tr key={s.personId}>
                      <th scope="row">{s.name}</th>
                      <td>{formatDate(s.registeredOn)}</td>
                      <td>{s.reason[language]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {d.recipients.length > 0 && (
            <form onSubmit={download} className="kaa-form">
              <label htmlFor="kaa-letter-language">{t('kaa.letters.language')}</label>
              <select id="kaa-letter-language" value={letterLanguage} onChange={(e) => setLetterLanguage(e.target.value)}>
                {d.templates.map((tpl) => (
                  <option key={tpl.language} value={tpl.language}>
                    {tpl.name[language]}
                  </option>
                ))}
              </select>
              <label htmlFor="kaa-letter-phone">{t('kaa.letters.phone')}</label>
              <input
                id="kaa-letter-phone"
                type="tel"
                autoComplete="off"
                maxLength={40}
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
              />
              <label htmlFor="kaa-letter-email">{t('kaa.letters.email')}</label>
              <input
                id="kaa-letter-email"
                type="email"
                autoComplete="off"
                maxLength={120}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
              <button type="submit">{t('kaa.letters.download')}</button>
            </form>
          )}
          {error !== undefined && <ErrorMessage error={error} />}
        </>
      )}
    </>
  );
}
