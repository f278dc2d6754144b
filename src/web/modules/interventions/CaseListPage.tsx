/** The cases in the actor's scope: filters (status, unit, mine, name) in the URL, paged, next follow-up with overdue named. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { Pager, useUrlFilters } from '../../shared/paging.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { studentsApi } from '../../../shared/students/contract.ts';
import { casesApi, type CaseListItem, type ListCasesQuery } from '../../../shared/interventions/cases.ts';
import { personName } from './parts.tsx';
import './interventions.css';

const pageSize = 25;

function NextFollowUp({ item }: { item: CaseListItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.nextFollowUp ? formatDate(item.nextFollowUp) : '–'}
      {item.overdueFollowUps > 0 && (
        <>
          {' '}
          <span className="overdue">({t('interventions.overdueCount', { count: item.overdueFollowUps })})</span>
        </>
      )}
    </>
  );
}

export default function CaseListPage() {
  const { t } = useTranslation();
  useTitle(t('interventions.listTitle'));
  const { params, set } = useUrlFilters();
  const filters = useLoad(() => call(studentsApi.filters), 'filters');
  const asked = params.get('status');
  // An unknown status in the address reads as the default rather than an error page.
  const status: ListCasesQuery['status'] = asked === 'closed' || asked === 'all' ? asked : 'open';
  const query = {
    status,
    schoolUnitId: params.get('skola') || undefined,
    mine: params.get('mina') === '1' ? ('true' as const) : undefined,
    q: params.get('sok') || undefined,
    page: params.get('sida') || undefined,
    pageSize,
  };
  const list = useLoad(() => call(casesApi.list, { query }), JSON.stringify(query));
  const page = Number(params.get('sida') ?? 1);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;
  const data = list.data;
  return (
    <>
      <h1>{t('interventions.listTitle')}</h1>
      <p>{t('interventions.listIntro')}</p>
      <form className="filters" role="search" aria-label={t('interventions.filters')} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="iv-status">{t('interventions.status')}</label>
          <select id="iv-status" value={status} onChange={(e) => set('status', e.target.value === 'open' ? '' : e.target.value)}>
            <option value="open">{t('interventions.filterOpen')}</option>
            <option value="closed">{t('interventions.filterClosed')}</option>
            <option value="all">{t('interventions.filterAll')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="iv-unit">{t('interventions.unit')}</label>
          <select id="iv-unit" value={params.get('skola') ?? ''} onChange={(e) => set('skola', e.target.value)}>
            <option value="">{t('interventions.allUnits')}</option>
            {filters.data?.schoolUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="iv-q">{t('interventions.search')}</label>
          <input id="iv-q" type="search" defaultValue={params.get('sok') ?? ''} onChange={(e) => set('sok', e.target.value.trim())} />
        </div>
        <div>
          <input
            id="iv-mine"
            type="checkbox"
            checked={params.get('mina') === '1'}
            onChange={(e) => set('mina', e.target.checked ? '1' : '')}
          />
          <label htmlFor="iv-mine" className="inline-label">
            {t('interventions.mine')}
          </label>
        </div>
      </form>
      {list.loading && !data && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {data && data.items.length === 0 && <EmptyState text={t('interventions.noCases')} />}
      {data && data.items.length > 0 && (
        <table>
          <caption>{t('interventions.listCaption', { count: data.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('interventions.student')}</th>
              <th scope="col">{t('interventions.unit')}</th>
              <th scope="col">{t('interventions.status')}</th>
              <th scope="col">{t('interventions.level')}</th>
              <th scope="col">{t('interventions.responsible')}</th>
              <th scope="col">{t('interventions.openedOn')}</th>
              <th scope="col">{t('interventions.nextFollowUp')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/insatser/arende/${c.id}`}>{c.student.name}</Link>
                </td>
                <td>{c.student.schoolUnit.name ?? '–'}</td>
                <td>{t(`interventions.caseStatus.${c.status}`)}</td>
                <td>{t(`interventions.levels.${c.level}`)}</td>
                <td>{personName(c.responsible)}</td>
                <td>{formatDate(c.openedOn)}</td>
                <td>
                  <NextFollowUp item={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} onPage={(n) => set('sida', String(n))} />
    </>
  );
}
