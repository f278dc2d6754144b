/** The scoped student list: search, filters by school, group and year (kept in the URL), paging. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../shared/api.ts';
import { studentsApi } from '../../../shared/students/contract.ts';
import { Pager, useUrlFilters } from '../../shared/paging.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';

const pageSize = 25;

export default function StudentListPage() {
  const { t } = useTranslation();
  useTitle(t('students.title'));
  const { params, set } = useUrlFilters();
  const [q, setQ] = useState(params.get('q') ?? '');
  const filters = useLoad(() => call(studentsApi.filters), 'filters');
  const query = {
    q: params.get('q') || undefined,
    schoolUnitId: params.get('skola') || undefined,
    groupId: params.get('grupp') || undefined,
    schoolYear: params.get('arskurs') || undefined,
    page: params.get('sida') || undefined,
    pageSize,
  };
  const list = useLoad(() => call(studentsApi.list, { query }), JSON.stringify(query));

  const urlQ = params.get('q') ?? '';
  // Back/forward changes the URL: the search box follows it.
  useEffect(() => setQ(urlQ), [urlQ]);
  useEffect(() => {
    // Debounced search: the URL (and so the list) follows typing after a pause.
    const timer = setTimeout(() => {
      if (q.trim() !== urlQ) set('q', q.trim());
    }, 300);
    return () => clearTimeout(timer);
    // Only typing restarts the timer; `set` and `urlQ` are those of the render that typed.
  }, [q]);

  const page = Number(params.get('sida') ?? 1);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;
  const select = (id: string, key: string, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={params.get(key) ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('students.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const f = filters.data;
  return (
    <>
      <h1>{t('students.title')}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="student-search">{t('students.search')}</label>
          <input id="student-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        {f &&
          select(
            'filter-school',
            'skola',
            t('students.school'),
            f.schoolUnits.map((u) => ({ value: u.id, label: u.name })),
          )}
        {f &&
          select(
            'filter-group',
            'grupp',
            t('students.group'),
            f.groups.map((g) => ({ value: g.id, label: g.name })),
          )}
        {f &&
          select(
            'filter-year',
            'arskurs',
            t('students.year'),
            f.schoolYears.map((y) => ({ value: String(y), label: String(y) })),
          )}
      </form>
      <p aria-live="polite">{list.data ? t('students.count', { count: list.data.total }) : ''}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {list.data && list.data.items.length === 0 && <EmptyState text={t('students.none')} />}
      {list.data && list.data.items.length > 0 && (
        <table>
          <caption>{t('students.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('students.name')}</th>
              <th scope="col">{t('students.school')}</th>
              <th scope="col">{t('students.year')}</th>
              <th scope="col">{t('students.programme')}</th>
              <th scope="col">{t('students.group')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/elever/${s.id}`}>
                    {s.familyName}, {s.givenName}
                  </Link>
                </td>
                <td>{s.schoolUnit.name}</td>
                <td>{s.schoolYear ?? '–'}</td>
                <td>{s.programmeCode ?? '–'}</td>
                <td>{s.group?.name ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} onPage={(n) => set('sida', String(n))} />
    </>
  );
}
