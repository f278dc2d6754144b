/** The access-log review: filter by user, student (personnummer looked up by POST), period and outcome; CSV export. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../shared/api.ts';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';

interface LogItem {
  id: number; at: string; account: { username: string | null } | null; roles: string[]; action: string; subjectIds: string[];
  purpose: string; outcome: 'allowed' | 'denied';
}

export default function AccessLogPage() {
  const { t } = useTranslation();
  useTitle(t('accessLog.title'));
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const query = queryString({ ...filter, pageSize: 100 });
  const log = useLoad(() => api<{ items: LogItem[]; total: number }>(`/api/access-log${query}`), query);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setProblem(undefined);
    const next: Record<string, string> = {};
    for (const k of ['username', 'from', 'to', 'outcome']) if (form[k]) next[k] = form[k];
    if (form.civicNo) {
      try {
        const { matches } = await api<{ matches: { id: string }[] }>('/api/people/lookup', { method: 'POST', body: { civicNo: form.civicNo } });
        if (!matches[0]) return setProblem(new Error(t('accessLog.noPerson')));
        next.subjectId = matches[0].id;
      } catch (error) {
        return setProblem(error);
      }
    }
    setFilter(next);
  }

  return (
    <>
      <h1>{t('accessLog.title')}</h1>
      <p>{t('accessLog.intro')}</p>
      <form className="filters" onSubmit={(e) => void submit(e)}>
        <div><label htmlFor="log-user">{t('accessLog.who')}</label><input id="log-user" name="username" autoComplete="off" /></div>
        <div>
          <label htmlFor="log-civic">{t('accessLog.student')}</label>
          <input id="log-civic" name="civicNo" autoComplete="off" aria-describedby="log-civic-hint" />
          <p id="log-civic-hint" className="muted">{t('accessLog.studentHint')}</p>
        </div>
        <div><label htmlFor="log-from">{t('accessLog.from')}</label><input id="log-from" name="from" type="date" /></div>
        <div><label htmlFor="log-to">{t('accessLog.to')}</label><input id="log-to" name="to" type="date" /></div>
        <div>
          <label htmlFor="log-outcome">{t('accessLog.outcome')}</label>
          <select id="log-outcome" name="outcome" defaultValue="">
            <option value="">{t('accessLog.all')}</option><option value="allowed">{t('accessLog.allowed')}</option>
            <option value="denied">{t('accessLog.denied')}</option>
          </select>
        </div>
        <div><button type="submit">{t('accessLog.search')}</button></div>
      </form>
      {problem !== undefined && <ErrorMessage error={problem} />}
      <p aria-live="polite">
        {log.data ? t('accessLog.count', { count: log.data.total }) : ''}{' '}
        <a href={`/api/access-log/export.csv${queryString(filter)}`} download>{t('accessLog.export')}</a>
      </p>
      {log.loading && !log.data && <Loading />}
      {log.error !== undefined && <ErrorMessage error={log.error} />}
      {log.data && log.data.items.length === 0 && <EmptyState text={t('accessLog.none')} />}
      {log.data && log.data.items.length > 0 && (
        <table>
          <caption>{t('accessLog.caption')}</caption>
          <thead><tr>
            <th scope="col">{t('accessLog.at')}</th><th scope="col">{t('accessLog.who')}</th><th scope="col">{t('accessLog.roles')}</th>
            <th scope="col">{t('accessLog.action')}</th><th scope="col">{t('accessLog.subjects')}</th>
            <th scope="col">{t('accessLog.purpose')}</th><th scope="col">{t('accessLog.outcome')}</th>
          </tr></thead>
          <tbody>
            {log.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.at.replace('T', ' ')}</td><td>{r.account?.username ?? '–'}</td><td>{r.roles.join(', ')}</td><td>{r.action}</td>
                <td>{r.subjectIds.length}</td><td>{r.purpose}</td><td>{t(`accessLog.${r.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
