/**
 * The public challenges page (/kunskapsbank/utmaningar), in the knowledge bank's frame: the published challenges by
 * focus area, each with "who has met this before?" — the bank's examples naming the same sub-challenge first, then
 * the focus area's others — and the same challenges counted per municipality in a table. No personal data.
 */
import type { Tx } from '../../db/client.ts';
import { html } from '../../platform/html.ts';
import type { PageAssets } from '../../platform/page-assets.ts';
import { focusAreas, schoolFormLabels, type FocusArea } from '../../../shared/challenges/vocabulary.ts';
import { page, withLang } from '../knowledge-bank/pages/layout.ts';
import { label, t, type Lang } from '../knowledge-bank/pages/texts.ts';
import { examplesFor } from './examples.ts';
import { challengeOverview, publishedChallenges } from './store.ts';

const w = {
  title: ['Utmaningar i regionen', 'Challenges in the region'],
  intro: [
    'Utmaningar som skolor och huvudmän har registrerat, granskade av redaktionen. Under varje utmaning: goda exempel från kunskapsbanken som har mött den.',
    'Challenges that schools and organisers have recorded, reviewed by the editors. Under each: good examples from the knowledge bank that have met it.',
  ],
  met: ['Vem har mött detta förut?', 'Who has met this before?'],
  sameSub: ['samma delutmaning', 'same sub-challenge'],
  sameFocus: ['samma inriktning', 'same focus area'],
  noExamples: ['Inga exempel ännu – tipsa oss om ett.', 'No examples yet – tell us about one.'],
  none: ['Inga publicerade utmaningar.', 'No published challenges.'],
  perMunicipality: ['Utmaningar per kommun och inriktning', 'Challenges per municipality and focus area'],
  ageGroup: ['Åldersgrupp', 'Age group'],
  schoolForm: ['Skolform', 'School form'],
} as const;
const tx = (lang: Lang, k: keyof typeof w) => w[k][lang === 'sv' ? 0 : 1];

/** The page's HTML; `focus` narrows it to one focus area. */
export async function challengesPage(db: Tx, lang: Lang, focus: FocusArea | undefined, url: string, assets: PageAssets): Promise<string> {
  const items = await publishedChallenges(db, focus);
  const overview = await challengeOverview(db);
  const withExamples = [];
  for (const c of items) withExamples.push({ c, examples: await examplesFor(db, c.focusArea, c.subChallenge) });
  const option = (value: string, text: string) =>
    value === (focus ?? '') ? html`<option value="${value}" selected>${text}</option>` : html`<option value="${value}">${text}</option>`;
  const list = withExamples.length
    ? html`<ol class="kb-list">${withExamples.map(
        ({ c, examples }) => html`<li class="kb-result">
          <h3>${c.subChallenge}</h3>
          <p class="kb-kind">${label(lang, 'focus', c.focusArea)} · ${c.municipality}</p>
          <p>${c.description}</p>
          <dl class="kb-facts-inline">
            <div><dt>${tx(lang, 'ageGroup')}</dt><dd>${label(lang, 'age', c.ageGroup)}</dd></div>
            <div><dt>${tx(lang, 'schoolForm')}</dt><dd>${schoolFormLabels[c.schoolForm][lang]}</dd></div>
          </dl>
          <h4>${tx(lang, 'met')}</h4>
          ${
            examples.length
              ? html`<ul>${examples.map(
                  (
                    e,
                  ) => html`<li><a href="${withLang(`/kunskapsbank/${encodeURIComponent(e.slug)}`, lang)}">${lang === 'en' ? e.nameEn : e.nameSv}</a>
                  (${tx(lang, e.sameSubChallenge ? 'sameSub' : 'sameFocus')})</li>`,
                )}</ul>`
              : html`<p>${tx(lang, 'noExamples')}</p>`
          }
        </li>`,
      )}</ol>`
    : html`<p>${tx(lang, 'none')}</p>`;
  const body = html`
    <h1>${tx(lang, 'title')}</h1>
    <p class="kb-intro">${tx(lang, 'intro')}</p>
    <form method="get" action="/kunskapsbank/utmaningar" class="kb-search">
      ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
      <p class="kb-field"><label for="ch-fokus">${t(lang, 'focusAreas')}</label>
        <select id="ch-fokus" name="fokus">${option('', t(lang, 'allFocus'))}${focusAreas.map((f) => option(f, label(lang, 'focus', f)))}</select>
        <button type="submit">${t(lang, 'show')}</button></p>
    </form>
    ${list}
    <section aria-labelledby="ch-table">
      <h2 id="ch-table">${tx(lang, 'perMunicipality')}</h2>
      <table class="kb-table">
        <thead><tr><th scope="col">${t(lang, 'municipality')}</th><th scope="col">${t(lang, 'total')}</th>
          ${focusAreas.map((f) => html`<th scope="col">${label(lang, 'focus', f)}</th>`)}</tr></thead>
        <tbody>${overview.map(
          (o) =>
            html`<tr><th scope="row">${o.municipality}</th><td>${o.total}</td>${focusAreas.map((f) => html`<td>${o.focus[f]}</td>`)}</tr>`,
        )}</tbody>
      </table>
    </section>`;
  return page({ lang, title: `${tx(lang, 'title')} – ${t(lang, 'bank')}`, url, assets }, body);
}
