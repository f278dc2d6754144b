/**
 * The student-health worklist: students in the upper support tiers in the order shown (place 1 … n), with reasons,
 * onset and trend; the rows within their school unit's capacity are marked in words. Downloadable as CSV and
 * printable (early-warning.css has the print layout).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { earlyWarningApi, worklistExportPath } from '../../../shared/early-warning/contract.ts';
import { studentsApi } from '../../../shared/students/contract.ts';
import { call, queryString } from '../../shared/api.ts';
import { formatDate, localToday } from '../../shared/format.ts';
import { Pager, useUrlFilters } from '../../shared/paging.tsx';
import { useCan } from '../../shared/session.tsx';
import { EmptyState, ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { CaseLink } from '../interventions/CaseLink.tsx';
import { ProbabilityText, Reasons, Sparkline, TierBadge } from './parts.tsx';
import './early-warning.css';

const pageSize = 25;

/** A programme's long compound name may break before "programmet" ("Naturvetenskaps-programmet"), so the column stays narrow. */
const breakable = (name: string | null) => name?.replace(/(\p{L}{6,})(programmet)$/u, '$1\u00ad$2') ?? null;

export default function WorklistPage() {
  const { t } = useTranslation();
  useTitle(t('earlyWarning.title'));
  const { params, set } = useUrlFilters();
  const filters = useLoad(() => call(studentsApi.filters), 'filters');
  const tier = params.get('niva');
  const filter = { schoolUnitId: params.get('skola') || undefined, minTier: tier === '1' || tier === '3' ? tier : '2' };
  const query = { ...filter, page: params.get('sida') ?? '1', pageSize };
  const list = useLoad(() => call(earlyWarningApi.worklist, { query }), JSON.stringify(query));
  const page = Number(params.get('sida') ?? 1);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;
  const data = list.data;
  const showCases = useCan('interventions.read');
  const unitName = filters.data?.schoolUnits.find((u) => u.id === filter.schoolUnitId)?.name ?? t('earlyWarning.allUnits');
  return (
    <div className="ew-worklist">
      <h1>{t('earlyWarning.title')}</h1>
      <p className="print-only">
        {formatDate(localToday())} · {unitName} · {t('earlyWarning.minTier')}: {t(`earlyWarning.tier${filter.minTier}`)}
      </p>
      <p>{t('earlyWarning.intro')}</p>
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="ew-unit">{t('earlyWarning.unit')}</label>
          <select id="ew-unit" value={params.get('skola') ?? ''} onChange={(e) => set('skola', e.target.value)}>
            <option value="">{t('earlyWarning.allUnits')}</option>
            {filters.data?.schoolUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ew-tier">{t('earlyWarning.minTier')}</label>
          <select id="ew-tier" value={filter.minTier} onChange={(e) => set('niva', e.target.value)}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={String(n)}>
                {n} – {t(`earlyWarning.tier${n}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {data && (
        <p aria-live="polite">{data.asOf ? t('earlyWarning.updated', { date: formatDate(data.asOf) }) : t('earlyWarning.notRefreshed')}</p>
      )}
      {list.loading && !data && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {data && data.items.length === 0 && <EmptyState text={t('earlyWarning.none')} />}
      {data && data.items.length > 0 && (
        <>
          <p id="ew-rank-help">{t('earlyWarning.rankHelp')}</p>
          <p id="ew-capacity-help">
            {data.capacity ? t('earlyWarning.capacityOne', { count: data.capacity }) : t('earlyWarning.capacityAll')}
          </p>
          <div className="worklist-actions no-print">
            <a href={`${worklistExportPath}${queryString(filter)}`} download>
              {t('earlyWarning.exportCsv')}
            </a>
            <button type="button" onClick={() => window.print()}>
              {t('earlyWarning.print')}
            </button>
            <span className="muted">{t('earlyWarning.printNote')}</span>
          </div>
          <div className="ew-table-wrap">
            <table className="worklist" aria-describedby="ew-rank-help ew-capacity-help">
              <caption>{t('earlyWarning.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('earlyWarning.rank')}</th>
                  <th scope="col">{t('earlyWarning.studentUnit')}</th>
                  <th scope="col">{t('earlyWarning.tier')}</th>
                  <th scope="col">{t('earlyWarning.reasons')}</th>
                  <th scope="col">{t('earlyWarning.probability')}</th>
                  <th scope="col">{t('earlyWarning.onset')}</th>
                  <th scope="col">{t('earlyWarning.trend')}</th>
                  {showCases && (
                    <th scope="col" className="no-print">
                      {t('interventions.caseColumn')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id} className={s.withinCapacity ? 'within-capacity' : undefined}>
                    <td>
                      {s.rank}
                      {s.withinCapacity && <span className="capacity-mark">{t('earlyWarning.withinCapacity')}</span>}
                    </td>
                    <td>
                      <Link to={`/tidig-upptackt/elev/${s.id}`}>
                        {s.familyName}, {s.givenName}
                      </Link>
                      <span className="ew-sub">
                        {[
                          s.schoolUnit.name,
                          s.schoolYear === null ? null : t('earlyWarning.yearShort', { year: s.schoolYear }),
                          breakable(s.programmeName ?? s.programmeCode),
                        ]
                          .filter(Boolean)
                          .join(', ')}
                      </span>
                    </td>
                    <td>
                      <TierBadge tier={s.tier} />
                    </td>
                    <td>
                      <Reasons reasons={s.reasons} flags={s.flags} />
                    </td>
                    <td>
                      <ProbabilityText p={s.probability} />
                    </td>
                    <td>{s.onset ? formatDate(s.onset) : '–'}</td>
                    <td>
                      <Sparkline points={s.trend} />
                    </td>
                    {showCases && (
                      <td className="no-print">
                        <CaseLink
                          openCaseId={s.openCaseId ?? undefined}
                          studentId={s.id}
                          studentName={`${s.givenName} ${s.familyName}`}
                          schoolUnitId={s.schoolUnit.id}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pager page={page} pages={pages} onPage={(n) => set('sida', String(n))} />
    </div>
  );
}
