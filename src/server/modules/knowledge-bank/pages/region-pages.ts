/**
 * The region pages: /kunskapsbank/karta (municipalities shaded by published local examples per focus area, with the
 * same numbers in a table), /kunskapsbank/kommun/:code (a municipality's examples) and /kunskapsbank/inbaddning (a
 * compact list for municipalities' own sites, framed there).
 */
import { focusAreas } from '../../../db/schema/knowledge-bank.ts';
import type { Tx } from '../../../db/client.ts';
import type { PageAssets } from '../../../platform/page-assets.ts';
import { mapPoints, mapSection, paging, recordItem } from './components.ts';
import { html, queryString } from '../../../platform/html.ts';
import { page, withLang } from './layout.ts';
import {
  examplesPerMunicipality,
  findMapPoints,
  findRecords,
  municipalityNames,
  pageSize,
  type FocusArea,
  type PageFilter,
} from './queries.ts';
import { label, t, type Lang } from './texts.ts';

const emptyFilter: PageFilter = { focus: [], age: [], page: 1 };

/** The region overview's HTML; `focus` picks the shading (undefined: all focus areas). */
export async function regionPage(tx: Tx, lang: Lang, focus: FocusArea | undefined, url: string, assets: PageAssets): Promise<string> {
  const names = await municipalityNames(tx);
  const counts = await examplesPerMunicipality(tx);
  const rows = [...counts].sort((a, b) => (names.get(a.code) ?? a.code).localeCompare(names.get(b.code) ?? b.code, 'sv'));
  const shown = (c: (typeof rows)[number]) => (focus ? c.focus[focus] : c.total);
  const option = (value: string, text: string) =>
    value === (focus ?? '') ? html`<option value="${value}" selected>${text}</option>` : html`<option value="${value}">${text}</option>`;
  const data = {
    focus: focus ?? null,
    counts: Object.fromEntries(rows.map((c) => [c.code, shown(c)])),
    legend: lang === 'sv' ? 'Antal lokala exempel' : 'Number of local examples',
    municipalityHref: withLang('/kunskapsbank/kommun/CODE', lang),
  };
  const body = html`
    <h1>${t(lang, 'regionMap')}</h1>
    <p class="kb-intro">${t(lang, 'regionIntro')}</p>
    <p><a href="${withLang('/kunskapsbank/utmaningar', lang, [['fokus', focus]])}">${lang === 'sv' ? 'Utmaningar i regionen – vem har mött dem förut?' : 'Challenges in the region – who has met them before?'}</a></p>
    <form method="get" action="/kunskapsbank/karta" class="kb-search">
      ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
      <p class="kb-field"><label for="kb-fokus">${t(lang, 'focusAreas')}</label>
        <select id="kb-fokus" name="fokus">${option('', t(lang, 'allFocus'))}${focusAreas.map((f) => option(f, label(lang, 'focus', f)))}</select>
        <button type="submit">${t(lang, 'show')}</button></p>
    </form>
    <div class="kb-columns">
      <section aria-labelledby="kb-table-heading">
        <h2 id="kb-table-heading">${t(lang, 'examples')}: ${focus ? label(lang, 'focus', focus) : t(lang, 'allFocus')}</h2>
        <table class="kb-table">
          <caption>${t(lang, 'regionIntro')}</caption>
          <thead><tr><th scope="col">${t(lang, 'municipality')}</th><th scope="col">${t(lang, 'total')}</th>
            ${focusAreas.map((f) => html`<th scope="col">${label(lang, 'focus', f)}</th>`)}</tr></thead>
          <tbody>${rows.map(
            (c) => html`<tr${focus && !c.focus[focus] ? html` class="kb-zero"` : ''}>
            <th scope="row"><a href="${withLang(`/kunskapsbank/kommun/${c.code}`, lang)}">${names.get(c.code) ?? c.code}</a></th>
            <td>${c.total}</td>${focusAreas.map((f) => html`<td>${c.focus[f]}</td>`)}</tr>`,
          )}</tbody>
        </table>
      </section>
      ${mapSection(lang, 'choropleth', data, { caption: lang === 'sv' ? 'Kartan visar siffrorna i tabellen som färg: mörkare kommun, fler exempel.' : 'The map shows the numbers in the table as colour: darker municipality, more examples.' })}
    </div>`;
  return page({ lang, title: `${t(lang, 'regionMap')} – ${t(lang, 'bank')}`, url, assets }, body);
}

/** A municipality's page, or null for an unknown code. */
export async function municipalityPage(
  tx: Tx,
  lang: Lang,
  code: string,
  pageNumber: number,
  url: string,
  assets: PageAssets,
): Promise<string | null> {
  const names = await municipalityNames(tx);
  const name = names.get(code);
  if (!name) return null;
  const filter: PageFilter = { ...emptyFilter, municipality: code, page: pageNumber };
  const { items, total } = await findRecords(tx, filter);
  const points = await findMapPoints(tx, filter);
  const hrefFor = (p: number) =>
    `/kunskapsbank/kommun/${code}${queryString([
      ['sida', p > 1 ? p : undefined],
      ['lang', lang === 'en' ? 'en' : undefined],
    ])}`;
  const body = html`
    <nav aria-label="${t(lang, 'breadcrumb')}" class="kb-breadcrumb"><a href="${withLang('/kunskapsbank/karta', lang)}">${t(lang, 'regionMap')}</a></nav>
    <h1>${name}</h1>
    <div class="kb-columns">
      <section aria-labelledby="kb-results-heading">
        <h2 id="kb-results-heading">${t(lang, 'examplesIn')} ${name}: ${total}</h2>
        ${items.length ? html`<ol class="kb-list">${items.map((r) => recordItem(lang, r, names))}</ol>` : html`<p>${t(lang, 'noResults')}</p>`}
        ${paging(lang, pageNumber, total, pageSize, hrefFor)}
        <p><a href="${withLang('/kunskapsbank', lang, [['kommun', code]])}">${t(lang, 'search')}: ${name}</a></p>
      </section>
      ${mapSection(lang, 'points', { points: mapPoints(lang, points), municipality: code })}
    </div>`;
  return page({ lang, title: `${name} – ${t(lang, 'bank')}`, url, assets }, body);
}

/** The embeddable compact list: a municipality's and/or a focus area's examples (up to ten, by name), links opening the bank. */
export async function embedPage(tx: Tx, lang: Lang, filter: PageFilter, url: string, assets: PageAssets): Promise<string> {
  const names = await municipalityNames(tx);
  const { items, total } = await findRecords(tx, { ...filter, page: 1 }, 10);
  const place = filter.municipality ? names.get(filter.municipality) : undefined;
  const heading = `${t(lang, 'bank')}${place ? `: ${place}` : ''}${filter.focus.length ? ` – ${filter.focus.map((f) => label(lang, 'focus', f)).join(', ')}` : ''}`;
  const more = withLang('/kunskapsbank', lang, [
    ['kommun', filter.municipality],
    ...filter.focus.map((f): [string, string] => ['fokus', f]),
  ]);
  const body = html`
    <h1>${heading}</h1>
    ${items.length ? html`<ul class="kb-list">${items.map((r) => recordItem(lang, r, names, { headingLevel: 2, newTab: true }))}</ul>` : html`<p>${t(lang, 'noResults')}</p>`}
    <p><a href="${more}" target="_blank" rel="noopener">${t(lang, 'embedMore')} (${total})</a></p>`;
  return page({ lang, title: heading, url, assets: { styles: assets.styles }, compact: true }, body);
}
