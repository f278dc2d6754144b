/**
 * The access-log review (administrators and the data protection officer): filter and page kept in the URL, the rows
 * with names and labels, CSV export of the selection, and a print view (access-log.css: filter and navigation hidden).
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { accessLogApi, accessLogExportPath } from '../../../shared/access-log/contract.ts';
import { ApiError, call, queryString } from '../../shared/api.ts';
import { Pager } from '../../shared/paging.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { AccessLogFilter, type LogFilter } from './AccessLogFilter.tsx';
import { AccessLogTable } from './AccessLogTable.tsx';
import './access-log.css';

const pageSize = 50;
/** The filter's keys in the URL (Swedish, like the other pages'); the page is `sida`. */
const urlKeys = { username: 'anvandare', subjectId: 'elev', from: 'fran', to: 'till', outcome: 'utfall' } as const satisfies Record<
  keyof LogFilter,
  string
>;

export default function AccessLogPage() {
  const { t } = useTranslation();
  useTitle(t('accessLog.title'));
  const [params, setParams] = useSearchParams();
  const filter: LogFilter = Object.fromEntries(Object.entries(urlKeys).map(([key, urlKey]) => [key, params.get(urlKey) || undefined]));
  const page = Number(params.get('sida') ?? 1) || 1;
  const query = { ...filter, outcome: filter.outcome as 'allowed' | 'denied' | undefined, page: params.get('sida') || undefined, pageSize };
  const log = useLoad(() => call(accessLogApi.list, { query }), JSON.stringify(query));
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / pageSize)) : 1;

  /** A new filter starts at page 1. */
  const apply = (next: LogFilter) => {
    const url = new URLSearchParams();
    for (const [key, urlKey] of Object.entries(urlKeys)) {
      const value = next[key as keyof LogFilter];
      if (value) url.set(urlKey, value);
    }
    setParams(url);
  };
  const toPage = (n: number) => {
    const url = new URLSearchParams(params);
    url.set('sida', String(n));
    setParams(url);
  };
  const subject = log.data?.subject;
  const badRequest = log.error instanceof ApiError && log.error.status === 400;

  return (
    <div className="access-log-page">
      <h1>{t('accessLog.title')}</h1>
      <p className="no-print">{t('accessLog.intro')}</p>
      <AccessLogFilter key={params.toString()} values={filter} listError={badRequest ? log.error : undefined} onApply={apply} />
      {subject && (
        <p>
          {subject.name ? t('accessLog.aboutStudent', { name: subject.name }) : t('accessLog.aboutUnknown')}{' '}
          <button type="button" className="link-button no-print" onClick={() => apply({ ...filter, subjectId: undefined })}>
            {t('accessLog.allStudents')}
          </button>
        </p>
      )}
      <p aria-live="polite">
        {log.data ? t('accessLog.count', { count: log.data.total }) : ''}
        {log.data && pages > 1 && <span className="print-only"> – {t('common.pageOf', { page, pages })}</span>}
      </p>
      <p className="no-print actions">
        <a href={`${accessLogExportPath}${queryString({ ...filter })}`} download>
          {t('accessLog.export')}
        </a>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('accessLog.print')}
        </button>
      </p>
      {log.loading && !log.data && <Loading />}
      {log.error !== undefined && <ErrorMessage error={log.error} />}
      {log.data && log.data.items.length === 0 && <EmptyState text={t('accessLog.none')} />}
      {log.data && log.data.items.length > 0 && <AccessLogTable items={log.data.items} />}
      <div className="no-print">
        <Pager page={page} pages={pages} onPage={toPage} />
      </div>
    </div>
  );
}
