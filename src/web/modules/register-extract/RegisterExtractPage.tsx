/** Register extract (GDPR art. 15): find a person by personnummer (POST), then download the extract as PDF or JSON, or read it. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';
import { downloadPost } from '../../shared/download.ts';
import { ErrorMessage, useTitle } from '../../shared/states.tsx';

interface Person { id: string; givenName: string; familyName: string }
interface Extract { sections: { table: string; rows: unknown[] }[]; accessLog: { at: string; username: string | null; action: string; purpose: string }[] }

export default function RegisterExtractPage() {
  const { t } = useTranslation();
  useTitle(t('registerExtract.nav'));
  const [person, setPerson] = useState<Person | null>(null);
  const [extract, setExtract] = useState<Extract | null>(null);
  const [problem, setProblem] = useState<unknown>();

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const civicNo = String(new FormData(event.currentTarget).get('civicNo') ?? '');
    setProblem(undefined);
    setPerson(null);
    setExtract(null);
    try {
      const { matches } = await api<{ matches: Person[] }>('/api/people/lookup', { method: 'POST', body: { civicNo } });
      if (matches[0]) setPerson(matches[0]);
      else setProblem(new Error(t('registerExtract.noPerson')));
    } catch (error) {
      setProblem(error);
    }
  }
  const run = (fn: () => Promise<void>) => () => void fn().catch(setProblem);

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
        <section aria-labelledby="extract-person">
          <h2 id="extract-person">{t('registerExtract.found', { name: `${person.givenName} ${person.familyName}` })}</h2>
          <p className="filters">
            <button type="button" onClick={run(() => downloadPost('/api/register-extract', { personId: person.id, format: 'pdf' }, 'registerutdrag.pdf'))}>
              {t('registerExtract.pdf')}
            </button>
            <button type="button" onClick={run(() => downloadPost('/api/register-extract', { personId: person.id, format: 'json' }, 'registerutdrag.json'))}>
              {t('registerExtract.json')}
            </button>
            <button type="button" onClick={run(async () => setExtract(await api<Extract>('/api/register-extract', { method: 'POST', body: { personId: person.id } })))}>
              {t('registerExtract.show')}
            </button>
          </p>
        </section>
      )}
      {extract && (
        <section aria-labelledby="extract-sections">
          <h2 id="extract-sections">{t('registerExtract.sections')}</h2>
          <ul>{extract.sections.map((s) => <li key={s.table}>{s.table}: {t('registerExtract.rows', { count: s.rows.length })}</li>)}</ul>
          <h2>{t('registerExtract.readers')}</h2>
          <ul>{extract.accessLog.map((r, i) => <li key={i}>{r.at} · {r.username ?? '–'} · {r.action} · {r.purpose}</li>)}</ul>
        </section>
      )}
    </>
  );
}
