/** The student-health worklist: students in the upper support tiers, ranked, with reasons, onset and trend. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString, call } from '../../shared/api.ts';
import { Pager, useUrlFilters } from '../../shared/paging.tsx';
import { useCan } from '../../shared/session.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { CaseLink } from '../interventions/CaseLink.tsx';
import { studentsApi } from '../../../shared/students/contract.ts';
import { ProbabilityText, Reasons, Sparkline, TierBadge } from './parts.tsx';
import type { Worklist } from './types.ts';

const pageSize = 25;

export default function WorklistPage() {
  const { t } = useTranslation();
  useTitle(t('earlyWarning.title'));
  const { params, set } = useUrlFilters();
  const filters = useLoad(() => call(studentsApi.filters), 'filters');
  const query = queryString({
    schoolUnitId: params.get('skola') ?? undefined, minTier: params.get('niva') ?? undefined, page: params.get('sida') ?? undefined, pageSize,
  });
  const list = useLoad(() => api<Worklist>(`/api/early-warning/worklist${query}`), query);
  const page = Number(params.get('sida') ?? 1);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;
  const data = list.data;
  const showCases = useCan('interventions.read');
  return (
    <>
      <h1>{t('earlyWarning.title')}</h1>
      <p>{t('earlyWarning.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="ew-unit">{t('earlyWarning.unit')}</label>
          <select id="ew-unit" value={params.get('skola') ?? ''} onChange={(e) => set('skola', e.target.value)}>
            <option value="">{t('earlyWarning.allUnits')}</option>
            {filters.data?.schoolUnits.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="ew-tier">{t('earlyWarning.minTier')}</label>
          <select id="ew-tier" value={params.get('niva') ?? '2'} onChange={(e) => set('niva', e.target.value)}>
            {[1, 2, 3].map((n) => <option key={n} value={String(n)}>{n} – {t(`earlyWarning.tier${n}`)}</option>)}
          </select>
        </div>
      </form>
      {data && <p aria-live="polite">{data.asOf ? t('earlyWarning.updated', { date: data.asOf }) : t('earlyWarning.notRefreshed')}</p>}
      {data?.capacity && <p>{t('earlyWarning.capacity', { count: data.capacity })}</p>}
      {list.loading && !data && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {data && data.items.length === 0 && <EmptyState text={t('earlyWarning.none')} />}
      {data && data.items.length > 0 && (
        <table className="worklist">
          <caption>{t('earlyWarning.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('earlyWarning.rank')}</th><th scope="col">{t('earlyWarning.name')}</th><th scope="col">{t('earlyWarning.unit')}</th>
              <th scope="col">{t('earlyWarning.yearProgramme')}</th><th scope="col">{t('earlyWarning.tier')}</th><th scope="col">{t('earlyWarning.reasons')}</th>
              <th scope="col">{t('earlyWarning.probability')}</th><th scope="col">{t('earlyWarning.onset')}</th><th scope="col">{t('earlyWarning.trend')}</th>
              {showCases && <th scope="col">{t('interventions.caseColumn')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.items.map((s) => (
              <tr key={s.id} className={s.withinCapacity ? 'within-capacity' : undefined}>
                <td>{s.unitRank}{s.withinCapacity && <span className="visually-hidden"> ({t('earlyWarning.withinCapacity')})</span>}</td>
                <td><Link to={`/tidig-upptackt/elev/${s.id}`}>{s.familyName}, {s.givenName}</Link></td>
                <td>{s.schoolUnit.name}</td>
                <td>{s.schoolYear ?? '–'}{s.programmeCode ? `, ${s.programmeCode}` : ''}</td>
                <td><TierBadge tier={s.tier} /></td>
                <td><Reasons reasons={s.reasons} flags={s.flags} /></td>
                <td><ProbabilityText p={s.probability} /></td>
                <td>{s.onset ?? '–'}</td>
                <td><Sparkline points={s.trend} /></td>
                {showCases && (
                  <td><CaseLink openCaseId={s.openCaseId ?? undefined} studentId={s.id} studentName={`${s.givenName} ${s.familyName}`} schoolUnitId={s.schoolUnit.id} /></td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} onPage={(n) => set('sida', String(n))} />
    </>
  );
}
