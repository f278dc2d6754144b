/** Pieces shared by the public pages: a record in a list, the map's container and data, paging. */
import type { Place } from '../../../db/schema/knowledge-bank.ts';
import { html, trustedHtml, type SafeHtml } from '../../../platform/html.ts';
import { withLang } from './layout.ts';
import type { RecordSummary } from './queries.ts';
import { label, t, type Lang } from './texts.ts';

/** The name in the visitor's language (English falls back to Swedish). */
export const nameOf = (lang: Lang, r: { nameSv: string; nameEn: string }) => (lang === 'en' && r.nameEn ? r.nameEn : r.nameSv);
export const summaryOf = (lang: Lang, r: { summarySv: string; summaryEn: string }) =>
  lang === 'en' && r.summaryEn ? r.summaryEn : r.summarySv;

/** Municipality names for codes (unknown codes as themselves), joined. */
export function municipalityList(codes: readonly string[], names: Map<string, string>): string {
  return codes.map((c) => names.get(c) ?? c).join(', ');
}

/** One record in a result list: its name links to its page; focus areas, municipalities and evidence below. */
export function recordItem(
  lang: Lang,
  r: RecordSummary,
  names: Map<string, string>,
  options: { headingLevel?: 2 | 3; newTab?: boolean } = {},
): SafeHtml {
  const href = withLang(`/kunskapsbank/${encodeURIComponent(r.slug)}`, lang);
  const link = options.newTab
    ? html`<a href="${href}" target="_blank" rel="noopener">${nameOf(lang, r)}</a>`
    : html`<a href="${href}">${nameOf(lang, r)}</a>`;
  const heading = options.headingLevel === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`;
  return html`<li class="kb-result">
    ${heading}
    <p class="kb-kind">${label(lang, 'kind', r.kind)}</p>
    <p>${summaryOf(lang, r)}</p>
    <dl class="kb-facts-inline">
      ${r.focusAreas.length ? html`<div><dt>${t(lang, 'focusAreas')}</dt><dd>${r.focusAreas.map((f) => label(lang, 'focus', f)).join(', ')}</dd></div>` : ''}
      ${r.municipalityCodes.length ? html`<div><dt>${t(lang, 'municipalities')}</dt><dd>${municipalityList(r.municipalityCodes, names)}</dd></div>` : ''}
      ${r.evidence ? html`<div><dt>${t(lang, 'evidence')}</dt><dd>${r.evidence.rating}${r.evidence.tier ? ` (${r.evidence.tier})` : ''}</dd></div>` : ''}
    </dl>
  </li>`;
}

export interface MapPoint {
  name: string;
  href: string;
  lat: number;
  lon: number;
}

/** Map points of records: one per place. */
export function mapPoints(lang: Lang, records: { slug: string; nameSv: string; nameEn: string; places: Place[] }[]): MapPoint[] {
  return records.flatMap((r) =>
    r.places.map((p) => ({
      name: `${nameOf(lang, r)} – ${p.name}`,
      href: withLang(`/kunskapsbank/${encodeURIComponent(r.slug)}`, lang),
      lat: p.lat,
      lon: p.lon,
    })),
  );
}

/** JSON for a `<script type="application/json">` block (never executed; `<` escaped so it cannot close the element). */
export function jsonData(id: string, data: unknown): SafeHtml {
  const text = JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return html`<script type="application/json" id="${id}">${trustedHtml(text)}</script>`;
}

/**
 * The map's place: hidden until the script draws it (without JavaScript nothing shows). Its text alternative says that
 * the list holds the same content.
 */
export function mapSection(
  lang: Lang,
  kind: 'points' | 'choropleth',
  data: unknown,
  options: { caption?: string; small?: boolean } = {},
): SafeHtml {
  return html`<section class="${options.small ? 'kb-map-section kb-map-small' : 'kb-map-section'}" aria-labelledby="kb-map-heading" data-kb-map-section hidden>
    <h2 id="kb-map-heading">${t(lang, 'map')}</h2>
    <p class="kb-map-alt">${options.caption ?? t(lang, 'mapAlt')}</p>
    <div class="kb-map" data-kb-map="${kind}" data-lang="${lang}" ${tileAttribute()}></div>
    ${jsonData('kb-map-data', data)}
  </section>`;
}

function tileAttribute(): SafeHtml {
  const url = process.env.FULLFOLJ_MAP_TILE_URL;
  return url ? html`data-tile-url="${url}"` : html``;
}

/** Paging links: previous, numbered pages (current marked), next. */
export function paging(lang: Lang, current: number, total: number, size: number, hrefFor: (page: number) => string): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return html``;
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return html`<nav class="kb-paging" aria-label="${t(lang, 'pages')}"><ul>
    ${current > 1 ? html`<li><a href="${hrefFor(current - 1)}" rel="prev">${t(lang, 'previous')}</a></li>` : ''}
    ${shown.map((p) =>
      p === current
        ? html`<li><a href="${hrefFor(p)}" aria-current="page">${t(lang, 'page')} ${p}</a></li>`
        : html`<li><a href="${hrefFor(p)}">${t(lang, 'page')} ${p}</a></li>`,
    )}
    ${current < pages ? html`<li><a href="${hrefFor(current + 1)}" rel="next">${t(lang, 'next')}</a></li>` : ''}
  </ul></nav>`;
}
