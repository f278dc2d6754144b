/**
 * The region page: for the coordinator the region's KAA coverage per municipality (a bar chart with the table beside
 * it) and the monthly report — generate the month's draft, write the steering group's commentary, publish; for both
 * the coordinator and the steering group the published versions, as the public page and as PDF; the coordinator
 * chooses whether they are public or for members only. Aggregates only.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { regionApi, type ReportView } from '../../../shared/region/contract.ts';
import { VisibilityForm } from './VisibilityForm.tsx';
import { call } from '../../shared/api.ts';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { Field, FormProblem } from '../../shared/forms.tsx';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { FigureTableView } from './FigureTableView.tsx';

const lastMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

function Coverage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  const coverage = useLoad(() => call(regionApi.coverage), 'region-coverage');
  const latest = coverage.data?.halves.at(-1);
  const option = useMemo<ChartOption | null>(() => {
    if (!latest) return null;
    const rows = latest.table.rows.filter((r) => !r.total);
    return {
      animation: false,
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.label[language]) },
      series: [{ type: 'bar', data: rows.map((r) => r.cells[0]?.value ?? null), itemStyle: { color: '#005a8c' } }],
    };
  }, [latest, language]);
  return (
    <section aria-labelledby="region-coverage">
      <h2 id="region-coverage">{t('region.coverageTitle')}</h2>
      {coverage.loading && !coverage.data && <Loading />}
      {coverage.error !== undefined && <ErrorMessage error={coverage.error} />}
      {latest && (
        <>
          <h3>{latest.name[language]}</h3>
          {option && <EChart option={option} label={t('region.coverageChart')} className="chart" />}
          <FigureTableView table={latest.table} />
        </>
      )}
    </section>
  );
}

function Challenges() {
  const { t } = useTranslation();
  const table = useLoad(() => call(regionApi.challenges), 'region-challenges');
  return (
    <section aria-labelledby="region-challenges">
      <h2 id="region-challenges">{t('region.challengesTitle')}</h2>
      <p>
        {t('region.challengesIntro')} <a href="/kunskapsbank/utmaningar">{t('region.challengesLink')}</a>
      </p>
      {table.loading && !table.data && <Loading />}
      {table.error !== undefined && <ErrorMessage error={table.error} />}
      {table.data && <FigureTableView table={table.data} />}
    </section>
  );
}

function ReportWork({ onPublished }: { onPublished: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  const [month, setMonth] = useState(lastMonth());
  const [report, setReport] = useState<ReportView | null>(null);
  const [commentarySv, setSv] = useState('');
  const [commentaryEn, setEn] = useState('');
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const generate = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await call(regionApi.generate, { body: { month } });
      setReport(r);
      setSv(r.commentarySv);
      setEn(r.commentaryEn);
    });
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setReport(await call(regionApi.commentary, { params: { month: report!.month }, body: { commentarySv, commentaryEn } }));
      setMessage(t('region.saved'));
    });
  };
  const publish = () =>
    void run(async () => {
      await call(regionApi.commentary, { params: { month: report!.month }, body: { commentarySv, commentaryEn } });
      const published = await call(regionApi.publish, { params: { month: report!.month } });
      setMessage(t('region.publishedAs', { version: published.version }));
      onPublished();
    });
  return (
    <section aria-labelledby="region-report">
      <h2 id="region-report">{t('region.reportTitle')}</h2>
      <form onSubmit={generate} className="inline-form">
        <Field id="region-month" label={t('region.month')} field="month" error={error}>
          {(p) => <input {...p} type="month" value={month} onChange={(e) => setMonth(e.target.value)} required />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('region.generate')}
        </button>
      </form>
      {report && (
        <>
          <h3>{t('region.draftOf', { month: report.content.monthName[language] })}</h3>
          <form onSubmit={save}>
            <Field id="region-commentary-sv" label={t('region.commentarySv')} field="commentarySv" error={error}>
              {(p) => <textarea {...p} lang="sv" rows={5} maxLength={8000} value={commentarySv} onChange={(e) => setSv(e.target.value)} />}
            </Field>
            <Field id="region-commentary-en" label={t('region.commentaryEn')} field="commentaryEn" error={error}>
              {(p) => <textarea {...p} lang="en" rows={5} maxLength={8000} value={commentaryEn} onChange={(e) => setEn(e.target.value)} />}
            </Field>
            <button type="submit" disabled={busy}>
              {t('region.save')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={publish}>
              {t('region.publish')}
            </button>
          </form>
          {report.content.sections.map((s) => (
            <section key={s.key} aria-label={s.title[language]}>
              <h4>{s.title[language]}</h4>
              {s.note && <p>{s.note[language]}</p>}
              {s.tables.map((table) => (
                <FigureTableView key={table.caption.sv} table={table} />
              ))}
            </section>
          ))}
        </>
      )}
      <FormProblem error={error} />
      <p role="status">{message}</p>
    </section>
  );
}

export default function RegionPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('region.title'));
  const overview = useLoad(() => call(regionApi.overview), 'region');
  const [listKey, setListKey] = useState(0);
  const list = useLoad(() => call(regionApi.reports), `region-reports-${listKey}`);
  const [changed, setChanged] = useState<typeof overview.data>();
  const o = changed ?? overview.data;
  const langParam = language === 'en' ? '&lang=en' : '';
  return (
    <>
      <h1>{o ? `${o.kind[language]}: ${o.name[language]}` : t('region.title')}</h1>
      <p>{t('region.intro')}</p>
      {overview.loading && !o && <Loading />}
      {overview.error !== undefined && <ErrorMessage error={overview.error} />}
      {o?.canWrite && <Coverage />}
      {o?.canWrite && <ReportWork onPublished={() => setListKey((k) => k + 1)} />}
      {o && <Challenges />}
      {o && (
        <section aria-labelledby="region-versions">
          <h2 id="region-versions">{t('region.versions')}</h2>
          <p>{o.reportsPublic ? t('region.publicNote') : t('region.membersNote')}</p>
          {o.canWrite && <VisibilityForm overview={o} onChanged={setChanged} />}
          {list.data && list.data.published.length === 0 && <p>{t('region.noVersions')}</p>}
          <ul>
            {list.data?.published.map((r) => (
              <li key={`${r.month}-${r.version}`}>
                {o.reportsPublic && (
                  <a href={`/rapporter/${encodeURIComponent(o.slug)}/${r.month}?version=${r.version}${langParam}`}>
                    {t('region.open', { month: r.monthName[language], version: r.version })}
                  </a>
                )}
                {o.reportsPublic && ' · '}
                <a href={`/api/region/reports/${r.month}/pdf?version=${r.version}${langParam}`}>
                  {t('region.pdf', { month: r.monthName[language], version: r.version })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
