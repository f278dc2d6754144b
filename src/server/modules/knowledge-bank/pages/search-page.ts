/** /kunskapsbank: the search form (its state in the URL), the result list with paging, exports and the map beside it. */
import { ageGroups, focusAreas, preventionLevels, recordKinds } from '../../../db/schema/knowledge-bank.ts';
import type { Tx } from '../../../db/client.ts';
import type { Facets } from '../search.ts';
import type { PageAssets } from '../../../platform/page-assets.ts';
import { mapPoints, mapSection, paging, recordItem } from './components.ts';
import { html, queryString } from '../../../platform/html.ts';
import { page } from './layout.ts';
import { apiParams, filterParams, findMapPoints, findRecords, municipalityNames, pageSize, type PageFilter } from './queries.ts';
import { label, t, type Lang } from './texts.ts';

function searchForm(lang: Lang, filter: PageFilter, names: Map<string, string>, facets: Facets) {
  const option = (value: string, text: string, selected: boolean) =>
    selected ? html`<option value="${value}" selected>${text}</option>` : html`<option value="${value}">${text}</option>`;
  const checkbox = (name: string, value: string, text: string, checked: boolean) =>
    html`<li><input type="checkbox" id="${`${name}-${value}`}" name="${name}" value="${value}"${checked ? html` checked` : ''}><label for="${`${name}-${value}`}">${text}</label></li>`;
  return html`<form class="kb-search" method="get" action="/kunskapsbank" role="search" aria-label="${t(lang, 'search')}">
    ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
    <p class="kb-field kb-field-q">
      <label for="kb-q">${t(lang, 'searchLabel')}</label>
      <input type="search" id="kb-q" name="q" value="${filter.q ?? ''}" maxlength="200">
      <button type="submit">${t(lang, 'search')}</button>
    </p>
    <details class="kb-filters"${filter.kind || filter.focus.length || filter.age.length || filter.level || filter.municipality ? html` open` : ''}>
      <summary>${t(lang, 'filters')}</summary>
      <p class="kb-field"><label for="kb-typ">${t(lang, 'kind')}</label>
        <select id="kb-typ" name="typ">${option('', t(lang, 'any'), !filter.kind)}${recordKinds.map((k) => option(k, label(lang, 'kind', k), filter.kind === k))}</select></p>
      <fieldset><legend>${t(lang, 'focusAreas')}</legend><ul class="kb-checks">
        ${focusAreas.map((f) => checkbox('fokus', f, `${label(lang, 'focus', f)} (${facets.focus[f]})`, filter.focus.includes(f)))}</ul></fieldset>
      <fieldset><legend>${t(lang, 'ageGroups')}</legend><ul class="kb-checks">
        ${ageGroups.map((a) => checkbox('alder', a, `${label(lang, 'age', a)} (${facets.age[a]})`, filter.age.includes(a)))}</ul></fieldset>
      <p class="kb-field"><label for="kb-niva">${t(lang, 'level')}</label>
        <select id="kb-niva" name="niva">${option('', t(lang, 'any'), !filter.level)}${preventionLevels.map((l) => option(l, label(lang, 'level', l), filter.level === l))}</select></p>
      <p class="kb-field"><label for="kb-kommun">${t(lang, 'municipality')}</label>
        <select id="kb-kommun" name="kommun">${option('', t(lang, 'any'), !filter.municipality)}${[...names].map(([code, name]) => option(code, name, filter.municipality === code))}</select></p>
      <p><button type="submit">${t(lang, 'show')}</button></p>
    </details>
  </form>`;
}

/** The search page's HTML. */
export async function searchPage(tx: Tx, lang: Lang, filter: PageFilter, url: string, assets: PageAssets): Promise<string> {
  const names = await municipalityNames(tx);
  const { items, total, facets } = await findRecords(tx, filter);
  // The map shows every match, not one page: the page's items when they are all, else one more query.
  const points = total <= items.length && filter.page === 1 ? items : await findMapPoints(tx, filter);
  const keep = filterParams(filter);
  const langParam: [string, string | undefined][] = [['lang', lang === 'en' ? 'en' : undefined]];
  const hrefFor = (p: number) => `/kunskapsbank${queryString([...keep, ['sida', p > 1 ? p : undefined], ...langParam])}`;
  const api = queryString(apiParams(filter));
  const count = html`<span data-kb-count>${total}</span> ${t(lang, 'filtersApplied')}`;
  const body = html`
    <h1>${t(lang, 'bank')}</h1>
    <p class="kb-intro">${t(lang, 'bankIntro')}</p>
    ${searchForm(lang, filter, names, facets)}
    <div class="kb-columns">
      <section class="kb-results" aria-labelledby="kb-results-heading">
        <h2 id="kb-results-heading">${t(lang, 'results')}: ${count}</h2>
        ${items.length ? html`<ol class="kb-list" start="${(filter.page - 1) * pageSize + 1}">${items.map((r) => recordItem(lang, r, names))}</ol>` : html`<p>${t(lang, 'noResults')}</p>`}
        ${paging(lang, filter.page, total, pageSize, hrefFor)}
        <h2 id="kb-export-heading">${t(lang, 'export')}</h2>
        <ul class="kb-exports" aria-labelledby="kb-export-heading">
          <li><a href="${`/api/public/examples.csv${api}`}" download>CSV</a></li>
          <li><a href="${`/api/public/examples.geojson${api}`}" download>GeoJSON</a></li>
          <li><a href="${`/api/public/examples.json${api}`}" download>JSON</a></li>
          <li><a href="/feed.atom">${t(lang, 'feed')}</a></li>
        </ul>
      </section>
      ${mapSection(lang, 'points', { points: mapPoints(lang, points) })}
    </div>`;
  const title = `${filter.q ? `${filter.q} – ` : ''}${t(lang, 'bank')} – Fullfölj`;
  return page(
    {
      lang,
      title,
      url,
      assets,
      head: html`<link rel="alternate" type="application/atom+xml" title="${t(lang, 'feed')}" href="/feed.atom">`,
    },
    body,
  );
}
