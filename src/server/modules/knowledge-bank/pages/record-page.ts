/** /kunskapsbank/:slug — a published record: every field that is set, the description's Markdown rendered safely, its places on a small map. */
import type { Tx } from '../../../db/client.ts';
import { renderMarkdown } from '../markdown.ts';
import type { PageAssets } from '../../../platform/page-assets.ts';
import { mapPoints, mapSection, nameOf, summaryOf } from './components.ts';
import { html, trustedHtml, type SafeHtml } from '../../../platform/html.ts';
import { page, withLang } from './layout.ts';
import { findRecord, municipalityNames } from './queries.ts';
import { label, t, type Lang } from './texts.ts';
import { numberFormat } from '../../../../shared/contract/intl.ts';

const fact = (term: string, value: SafeHtml | string | null | undefined | false) =>
  value ? html`<div><dt>${term}</dt><dd>${value}</dd></div>` : '';

const external = (url: string, text: string) =>
  /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noopener nofollow">${text}</a>` : html`${text}`;

/** The record page's HTML, or null when no published record has this slug. */
export async function recordPage(tx: Tx, lang: Lang, slug: string, url: string, assets: PageAssets): Promise<string | null> {
  const found = await findRecord(tx, slug);
  if (!found) return null;
  const { linked, ...r } = found;
  const names = await municipalityNames(tx);
  const list = (values: readonly string[], group?: Parameters<typeof label>[1]) =>
    values.map((v) => (group ? label(lang, group, v) : v)).join(', ');
  const sek = (n: number) => `${numberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n)} ${t(lang, 'sek')}`;
  const period = r.periodStart || r.periodEnd ? `${r.periodStart ?? ''}–${r.periodEnd ?? ''}` : null;
  const c = r.contact;
  const contact = c
    ? html`<ul class="kb-plain">
        ${c.name ? html`<li>${c.name}</li>` : ''}${c.organisation ? html`<li>${c.organisation}</li>` : ''}
        ${c.email ? html`<li><a href="${`mailto:${c.email}`}">${c.email}</a></li>` : ''}
        ${c.phone ? html`<li><a href="${`tel:${c.phone.replace(/[^+\d]/g, '')}`}">${c.phone}</a></li>` : ''}
        ${c.url ? html`<li>${external(c.url, c.url)}</li>` : ''}
      </ul>`
    : null;
  const ev = r.evidence;
  const evidence = ev ? html`${ev.rating}${ev.tier ? ` (${ev.tier})` : ''} — ${ev.url ? external(ev.url, ev.source) : ev.source}` : null;
  const body = html`
    <nav aria-label="${t(lang, 'breadcrumb')}" class="kb-breadcrumb"><a href="${withLang('/kunskapsbank', lang)}">${t(lang, 'backToBank')}</a></nav>
    <article class="kb-record">
      <h1>${nameOf(lang, r)}</h1>
      <p class="kb-kind">${label(lang, 'kind', r.kind)}</p>
      <p class="kb-lead">${summaryOf(lang, r)}</p>
      ${
        r.descriptionSv
          ? html`<section aria-labelledby="kb-desc"><h2 id="kb-desc">${t(lang, 'description')}</h2>
        <div class="kb-markdown"${lang === 'en' ? html` lang="sv"` : ''}>${trustedHtml(renderMarkdown(r.descriptionSv))}</div></section>`
          : ''
      }
      <section aria-labelledby="kb-facts"><h2 id="kb-facts">${t(lang, 'facts')}</h2>
        <dl class="kb-facts">
          ${fact(t(lang, 'organisation'), r.organisation)}
          ${fact(
            t(lang, 'municipalities'),
            r.municipalityCodes.length
              ? html`${r.municipalityCodes.map((code, i) => html`${i ? ', ' : ''}<a href="${withLang(`/kunskapsbank/kommun/${code}`, lang)}">${names.get(code) ?? code}</a>`)}`
              : null,
          )}
          ${fact(t(lang, 'places'), r.places.length ? r.places.map((p) => p.name).join(', ') : null)}
          ${fact(t(lang, 'focusAreas'), list(r.focusAreas, 'focus'))}
          ${fact(t(lang, 'subChallenges'), list(r.subChallenges))}
          ${fact(t(lang, 'ageGroups'), list(r.ageGroups, 'age'))}
          ${fact(t(lang, 'targetGroup'), r.targetGroup)}
          ${fact(t(lang, 'level'), r.preventionLevel ? label(lang, 'level', r.preventionLevel) : null)}
          ${fact(t(lang, 'workLevels'), list(r.levels, 'workLevel'))}
          ${fact(t(lang, 'plugIn'), list(r.plugInFactors))}
          ${fact(t(lang, 'period'), period)}
          ${fact(t(lang, 'activityStatus'), r.activityStatus ? label(lang, 'activity', r.activityStatus) : null)}
          ${fact(t(lang, 'cost'), r.costPerParticipant !== null ? sek(r.costPerParticipant) : null)}
          ${fact(t(lang, 'outcomes'), r.outcomesMeasured)}
          ${fact(t(lang, 'evidence'), evidence)}
          ${fact(t(lang, 'contact'), contact)}
          ${fact(t(lang, 'lastReviewed'), r.lastReviewedOn)}
        </dl>
      </section>
      ${
        r.sources.length
          ? html`<section aria-labelledby="kb-sources"><h2 id="kb-sources">${t(lang, 'sources')}</h2>
        <ul>${r.sources.map((s) => html`<li>${external(s.url, s.title)}</li>`)}</ul></section>`
          : ''
      }
      ${
        linked.length
          ? html`<section aria-labelledby="kb-linked"><h2 id="kb-linked">${t(lang, r.kind === 'example' ? 'methods' : 'usedIn')}</h2>
        <ul class="kb-list">${linked.map(
          (
            l,
          ) => html`<li class="kb-result"><h3><a href="${withLang(`/kunskapsbank/${encodeURIComponent(l.slug)}`, lang)}">${nameOf(lang, l)}</a></h3>
          <p class="kb-kind">${label(lang, 'kind', l.kind)}</p><p>${l.summarySv}</p></li>`,
        )}</ul></section>`
          : ''
      }
    </article>
    ${r.places.length ? mapSection(lang, 'points', { points: mapPoints(lang, [r]) }, { caption: `${t(lang, 'places')}: ${r.places.map((p) => p.name).join(', ')}`, small: true }) : ''}`;
  return page({ lang, title: `${nameOf(lang, r)} – ${t(lang, 'bank')}`, url, assets }, body);
}

/** The 404 page. */
export function notFoundPage(lang: Lang, url: string, assets: PageAssets): string {
  return page(
    { lang, title: `${t(lang, 'notFound')} – ${t(lang, 'bank')}`, url, assets },
    html`<h1>${t(lang, 'notFound')}</h1><p>${t(lang, 'notFoundText')}</p><p><a href="${withLang('/kunskapsbank', lang)}">${t(lang, 'backToBank')}</a></p>`,
  );
}
