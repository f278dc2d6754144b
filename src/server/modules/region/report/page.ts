/**
 * The published monthly report as a public page (server-rendered, no JavaScript, Swedish or English by `?lang=`), and
 * the region's list of published reports. Aggregates only; a suppressed count reads "–" with the explanation below.
 */
import type { FigureTable, ReportList, ReportView } from '../../../../shared/region/contract.ts';
import { html } from '../../../platform/html.ts';
import type { PageAssets } from '../../../platform/page-assets.ts';
import { page, withLang } from '../../knowledge-bank/pages/layout.ts';
import type { Lang } from '../../knowledge-bank/pages/texts.ts';
import type { Region } from '../store.ts';

const words = {
  reports: { sv: 'Månadsrapporter', en: 'Monthly reports' },
  report: { sv: 'Månadsrapport', en: 'Monthly report' },
  commentary: { sv: 'Styrgruppens kommentar', en: "The steering group's commentary" },
  none: { sv: 'Ingen kommentar.', en: 'No commentary.' },
  version: { sv: 'Version', en: 'Version' },
  published: { sv: 'publicerad', en: 'published' },
  pdf: { sv: 'Ladda ned som PDF', en: 'Download as PDF' },
  noReports: { sv: 'Inga rapporter är publicerade ännu.', en: 'No reports have been published yet.' },
  suppressed: {
    sv: '– betyder färre än 5, eller dolt för att ett litet tal inte ska kunna räknas fram ur de andra.',
    en: '– means fewer than 5, or hidden so that a small count cannot be worked out from the others.',
  },
  all: { sv: 'Alla rapporter', en: 'All reports' },
};

const base = (region: Region) => `/rapporter/${encodeURIComponent(region.slug)}`;

function figureTable(table: FigureTable, lang: Lang) {
  return html`<div class="kb-table-scroll" role="region" tabindex="0" aria-label="${table.caption[lang]}">
    <table class="kb-table">
      <caption>${table.caption[lang]}</caption>
      <thead><tr><td></td>${table.columns.map((c) => html`<th scope="col">${c[lang]}</th>`)}</tr></thead>
      <tbody>
        ${table.rows.map(
          (row) =>
            html`<tr${row.total ? html` class="kb-total"` : ''}><th scope="row">${row.label[lang]}</th>${row.cells.map(
              (c) => html`<td>${c.text ? c.text[lang] : c.value === null ? '–' : c.value}</td>`,
            )}</tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** One published version of a month's report. */
export function reportPage(lang: Lang, region: Region, report: ReportView, url: string, assets: PageAssets): string {
  const { content } = report;
  const title = `${words.report[lang]} ${content.monthName[lang]} – ${content.region[lang]}`;
  const commentary = lang === 'sv' ? report.commentarySv : report.commentaryEn || report.commentarySv;
  const pdf = withLang(`${base(region)}/${report.month}/pdf`, lang, [['version', report.version ?? undefined]]);
  return page(
    { lang, title, url, assets },
    html`<h1>${title}</h1>
      <p>${words.version[lang]} ${report.version ?? ''}, ${words.published[lang]} ${(report.publishedAt ?? '').slice(0, 10)} ·
        <a href="${pdf}">${words.pdf[lang]}</a> · <a href="${withLang(base(region), lang)}">${words.all[lang]}</a></p>
      <h2>${words.commentary[lang]}</h2>
      ${(commentary.trim() ? commentary : words.none[lang]).split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}
      ${content.sections.map(
        (s) => html`<section aria-labelledby="avsnitt-${s.key}">
          <h2 id="avsnitt-${s.key}">${s.title[lang]}</h2>
          ${s.note ? html`<p>${s.note[lang]}</p>` : ''}
          ${s.tables.map((t) => figureTable(t, lang))}
        </section>`,
      )}
      <p>${words.suppressed[lang]}</p>`,
  );
}

/** The region's published reports, newest first. */
export function reportsPage(lang: Lang, region: Region, list: ReportList, url: string, assets: PageAssets): string {
  const name = lang === 'sv' ? region.nameSv : region.nameEn;
  return page(
    { lang, title: `${words.reports[lang]} – ${name}`, url, assets },
    html`<h1>${words.reports[lang]} – ${name}</h1>
      ${
        list.published.length === 0
          ? html`<p>${words.noReports[lang]}</p>`
          : html`<ul>
            ${list.published.map(
              (r) =>
                html`<li><a href="${withLang(`${base(region)}/${r.month}`, lang, [['version', r.version]])}">${r.monthName[lang]}</a>
                  (${words.version[lang].toLowerCase()} ${r.version}, ${r.publishedAt.slice(0, 10)})</li>`,
            )}
          </ul>`
      }`,
  );
}
