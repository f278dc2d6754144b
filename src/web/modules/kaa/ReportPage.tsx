/**
 * The half-year report to SCB: choose a half-year, preview the summary (counted from the file) and every failing check
 * (the young person by name, the part of the file and the field by label), and export. With failures the export is
 * offered only after the officer ticks that they went through all of them; the request carries the preview's digest,
 * so a changed register means previewing again.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { halfYearOf, previousHalfYear, reportApi, reportExportPath, type ReportPreview } from '../../../shared/kaa/report.ts';
import { call } from '../../shared/api.ts';
import { downloadPost } from '../../shared/download.ts';
import { formatDate, formatNumber, localToday } from '../../shared/format.ts';
import { ErrorMessage, Loading, useTitle } from '../../shared/states.tsx';
import './kaa.css';

/** The half-years offered: the current one and the three before it, newest first. */
function recentHalves(today: string): string[] {
  const out = [halfYearOf(today)];
  while (out.length < 4) out.push(previousHalfYear(out.at(-1)!));
  return out;
}

export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  useTitle(t('kaa.report.title'));
  const halves = recentHalves(localToday());
  const [half, setHalf] = useState(halves[0]!);
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [seenAll, setSeenAll] = useState(false);
  const [exported, setExported] = useState(false);
  const halfName = (h: string) =>
    language === 'sv'
      ? `${h.endsWith('H1') ? 'Första' : 'Andra'} halvåret ${h.slice(0, 4)}`
      : `${h.endsWith('H1') ? 'First' : 'Second'} half of ${h.slice(0, 4)}`;

  async function load(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setExported(false);
    setSeenAll(false);
    try {
      setPreview(await call(reportApi.preview, { query: { half } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function exportFile() {
    if (!preview) return;
    setError(undefined);
    try {
      await downloadPost(reportExportPath, { half: preview.half, digest: preview.digest }, `aktivitetsansvar-${preview.half}.txt`);
      setExported(true);
    } catch (e) {
      setError(e);
    }
  }

  const p = preview;
  const n = (v: number) => formatNumber(v, 0);
  const counts = (caption: string, list: ReportPreview['summary']['registrationReasons']) =>
    list.length > 0 && (
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kaa.report.reason')}</th>
            <th scope="col">{t('kaa.report.count')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.label.sv}>
              <th scope="row">{r.label[language]}</th>
              <td>{n(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <>
      <h1>{t('kaa.report.title')}</h1>
      <p>{t('kaa.report.intro')}</p>
      <form onSubmit={load} className="kaa-inline-form">
        <label htmlFor="kaa-half">{t('kaa.report.half')}</label>
        <select id="kaa-half" value={half} onChange={(e) => setHalf(e.target.value)}>
          {halves.map((h) => (
            <option key={h} value={h}>
              {halfName(h)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy}>
          {t('kaa.report.preview')}
        </button>
      </form>
      {busy && <Loading />}
      {error !== undefined && <ErrorMessage error={error} />}
      {p && (
        <>
          <p>
            {t('kaa.report.period', { from: formatDate(p.period.from), to: formatDate(p.period.to), municipality: p.municipality.name })}
          </p>
          {p.codeListUnverified && <p className="notice">{t('kaa.report.unverified', { version: p.codeListVersion })}</p>}
          <section aria-labelledby="kaa-summary">
            <h2 id="kaa-summary">{t('kaa.report.summary')}</h2>
            <table>
              <caption>{t('kaa.report.summaryCaption')}</caption>
              <tbody>
                {(['youths', 'rows', 'contacted', 'measuresStarted', 'measuresEnded', 'deregistered'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`kaa.report.${k}`)}</th>
                    <td>{n(p.summary[k])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {counts(t('kaa.report.registrationReasons'), p.summary.registrationReasons)}
            {counts(t('kaa.report.measureKinds'), p.summary.measureKinds)}
            {counts(t('kaa.report.endReasons'), p.summary.endReasons)}
          </section>
          <section aria-labelledby="kaa-failures">
            <h2 id="kaa-failures">{t('kaa.report.failuresTitle', { count: p.failures.length })}</h2>
            {p.failures.length === 0 ? (
              <p className="notice notice-success">{t('kaa.report.noFailures')}</p>
            ) : (
              <>
                <p>{t('kaa.report.failuresIntro')}</p>
                <div className="table-scroll">
                  <table>
                    <caption>{t('kaa.report.failuresCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('kaa.report.name')}</th>
                        <th scope="col">{t('kaa.report.block')}</th>
                        <th scope="col">{t('kaa.report.field')}</th>
                        <th scope="col">{t('kaa.report.problem')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.failures.map((f, i) => (
                        <tr key={i}>
                          <th scope="row">{f.name}</th>
                          <td>{f.block[language]}</td>
                          <td>{f.field[language]}</td>
                          <td>{f.problem[language]}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p>
                  <label>
                    <input type="checkbox" checked={seenAll} onChange={(e) => setSeenAll(e.target.checked)} />{' '}
                    {t('kaa.report.seenAll', { count: p.failures.length })}
                  </label>
                </p>
              </>
            )}
            <p>
              <button type="button" onClick={() => void exportFile()} disabled={p.failures.length > 0 && !seenAll}>
                {t('kaa.report.export')}
              </button>
            </p>
            {exported && (
              <p role="status" className="notice notice-success">
                {t('kaa.report.exported')}
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
