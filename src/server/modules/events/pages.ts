/**
 * The public event pages (server-rendered, in the knowledge bank's frame and styles): /evenemang lists upcoming and
 * held events with recordings and the calendar feed, all regions' or one region's (`?region=`); /evenemang/:id shows one event with its sign-up form. No
 * personal data is shown: never a participant, only places left.
 */
import { html, type SafeHtml } from '../../platform/html.ts';
import type { PageAssets } from '../../platform/page-assets.ts';
import type { NetworkEvent } from '../../../shared/events/contract.ts';
import { eventKindLabels, participantRoleLabels, participantRoles } from '../../../shared/events/vocabulary.ts';
import { page, withLang } from '../knowledge-bank/pages/layout.ts';
import { label, type Lang } from '../knowledge-bank/pages/texts.ts';
import { dateTimeFormat } from '../../../shared/contract/intl.ts';

const w = {
  events: ['Evenemang i nätverket', 'Network events'],
  intro: [
    'Nätverksträffar, konferenser, webbinarier och utbildningar för fullföljda studier. Anmäl dig på evenemangets sida.',
    'Network meetings, conferences, webinars and trainings for completed studies. Sign up on the event’s page.',
  ],
  upcoming: ['Kommande', 'Upcoming'],
  held: ['Genomförda', 'Held'],
  none: ['Inga evenemang just nu.', 'No events at the moment.'],
  feed: ['Prenumerera på kalendern (iCal)', 'Subscribe to the calendar (iCal)'],
  when: ['Tid', 'When'],
  where: ['Plats', 'Where'],
  link: ['Länk', 'Link'],
  audience: ['Målgrupp', 'Audience'],
  focus: ['Inriktning', 'Focus area'],
  places: ['Platser kvar', 'Places left'],
  recording: ['Se inspelningen', 'Watch the recording'],
  calendar: ['Lägg till i kalendern (.ics)', 'Add to your calendar (.ics)'],
  signUp: ['Anmäl dig', 'Sign up'],
  name: ['Namn', 'Name'],
  organisation: ['Organisation', 'Organisation'],
  email: ['E-postadress', 'E-mail address'],
  role: ['Roll', 'Role'],
  send: ['Skicka anmälan', 'Send sign-up'],
  deadline: ['Sista anmälningsdag', 'Sign-up deadline'],
  closed: ['Anmälan har stängt.', 'Sign-up has closed.'],
  full: ['Evenemanget är fullbokat.', 'The event is fully booked.'],
  cancelled: ['Inställt', 'Cancelled'],
  privacy: [
    'Vi sparar bara namn, organisation, e-post och roll, och raderar dem 30 dagar efter evenemanget.',
    'We keep only your name, organisation, e-mail and role, and delete them 30 days after the event.',
  ],
  noScript: ['Anmälan kräver JavaScript.', 'Signing up needs JavaScript.'],
  failed: ['Anmälan kunde inte skickas. Försök igen.', 'The sign-up could not be sent. Please try again.'],
  all: ['Alla evenemang', 'All events'],
  byRegion: ['Evenemang per region', 'Events by region'],
  allRegions: ['Alla regioner', 'All regions'],
} as const;
const tx = (lang: Lang, k: keyof typeof w) => w[k][lang === 'sv' ? 0 : 1];

/** The event's time in Swedish time, in the visitor's language. */
export function eventTime(lang: Lang, e: Pick<NetworkEvent, 'startsAt' | 'endsAt'>): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  const opts = { timeZone: 'Europe/Stockholm' } as const;
  const day = dateTimeFormat(locale, { ...opts, dateStyle: 'long' }).format(new Date(e.startsAt));
  const time = (iso: string) => dateTimeFormat(locale, { ...opts, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return `${day} ${time(e.startsAt)}–${time(e.endsAt)}`;
}

const placesLeft = (e: NetworkEvent) => (e.capacity === null ? null : Math.max(0, e.capacity - e.signups));

function facts(lang: Lang, e: NetworkEvent): SafeHtml {
  const left = placesLeft(e);
  return html`<dl class="kb-facts-inline">
    <div><dt>${tx(lang, 'when')}</dt><dd>${eventTime(lang, e)}</dd></div>
    ${e.place ? html`<div><dt>${tx(lang, 'where')}</dt><dd>${e.place}</dd></div>` : ''}
    <div><dt>${tx(lang, 'audience')}</dt><dd>${e.audience}</dd></div>
    ${e.focusArea ? html`<div><dt>${tx(lang, 'focus')}</dt><dd>${label(lang, 'focus', e.focusArea)}</dd></div>` : ''}
    ${left !== null ? html`<div><dt>${tx(lang, 'places')}</dt><dd>${left}</dd></div>` : ''}
  </dl>`;
}

function item(lang: Lang, e: NetworkEvent, now: Date): SafeHtml {
  const held = Date.parse(e.endsAt) < now.getTime();
  return html`<li class="kb-result">
    <h3><a href="${withLang(`/evenemang/${e.id}`, lang)}">${e.title}</a>${e.cancelled ? html` (${tx(lang, 'cancelled')})` : ''}</h3>
    <p class="kb-kind">${eventKindLabels[e.kind][lang]}</p>
    ${facts(lang, e)}
    ${held && e.recordingUrl ? html`<p><a href="${e.recordingUrl}">${tx(lang, 'recording')}: ${e.title}</a></p>` : ''}
  </li>`;
}

/** The regions with events, for the filter; `current` is the chosen one's slug (null: all). */
export interface RegionFilter {
  regions: readonly { slug: string; name: { sv: string; en: string } }[];
  current: string | null;
}

/** Links choosing a region (a plain list of links: works without JavaScript). */
function regionLinks(lang: Lang, filter: RegionFilter): SafeHtml | string {
  if (filter.regions.length < 2 && filter.current === null) return '';
  const link = (slug: string | null, text: string) =>
    slug === filter.current
      ? html`<li><a aria-current="page" href="${withLang('/evenemang', lang, [['region', slug]])}">${text}</a></li>`
      : html`<li><a href="${withLang('/evenemang', lang, [['region', slug]])}">${text}</a></li>`;
  return html`<nav aria-label="${tx(lang, 'byRegion')}"><p>${tx(lang, 'byRegion')}:</p><ul>
    ${link(null, tx(lang, 'allRegions'))}${filter.regions.map((r) => link(r.slug, r.name[lang]))}</ul></nav>`;
}

/** The list page. */
export function eventsPage(
  lang: Lang,
  events: readonly NetworkEvent[],
  now: Date,
  url: string,
  assets: PageAssets,
  filter: RegionFilter = { regions: [], current: null },
): string {
  const upcoming = events.filter((e) => Date.parse(e.endsAt) >= now.getTime());
  const held = events.filter((e) => Date.parse(e.endsAt) < now.getTime()).reverse();
  const list = (items: readonly NetworkEvent[]) =>
    items.length ? html`<ol class="kb-list">${items.map((e) => item(lang, e, now))}</ol>` : html`<p>${tx(lang, 'none')}</p>`;
  const body = html`
    <h1>${tx(lang, 'events')}</h1>
    <p class="kb-intro">${tx(lang, 'intro')}</p>
    ${regionLinks(lang, filter)}
    <p><a href="${withLang('/evenemang.ics', 'sv', [['region', filter.current]])}">${tx(lang, 'feed')}</a></p>
    <section aria-labelledby="ev-upcoming"><h2 id="ev-upcoming">${tx(lang, 'upcoming')}</h2>${list(upcoming)}</section>
    <section aria-labelledby="ev-held"><h2 id="ev-held">${tx(lang, 'held')}</h2>${list(held)}</section>`;
  return page({ lang, title: `${tx(lang, 'events')} – Fullfölj`, url, assets }, body);
}

/** One event's page with its sign-up form while sign-up is open. */
export function eventPage(lang: Lang, e: NetworkEvent, now: Date, url: string, assets: PageAssets): string {
  const closes = Date.parse(e.signupDeadline ?? e.startsAt);
  const left = placesLeft(e);
  const open = !e.cancelled && now.getTime() <= closes && left !== 0;
  const held = Date.parse(e.endsAt) < now.getTime();
  const field = (name: string, text: string, type: string, autocomplete: string) =>
    html`<p class="kb-field"><label for="ev-${name}">${text}</label>
      <input id="ev-${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" required></p>`;
  const form = open
    ? html`<section aria-labelledby="ev-signup-heading">
        <h2 id="ev-signup-heading">${tx(lang, 'signUp')}</h2>
        ${e.signupDeadline ? html`<p>${tx(lang, 'deadline')}: ${dateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }).format(new Date(e.signupDeadline))}</p>` : ''}
        <form id="ev-signup" class="kb-search" data-endpoint="/api/public/events/${e.id}/signups" data-calendar="${tx(lang, 'calendar')}" data-failed="${tx(lang, 'failed')}" novalidate>
          ${field('name', tx(lang, 'name'), 'text', 'name')}
          ${field('organisation', tx(lang, 'organisation'), 'text', 'organization')}
          ${field('email', tx(lang, 'email'), 'email', 'email')}
          <p class="kb-field"><label for="ev-role">${tx(lang, 'role')}</label>
            <select id="ev-role" name="role">${participantRoles.map((r) => html`<option value="${r}">${participantRoleLabels[r][lang]}</option>`)}</select></p>
          <p>${tx(lang, 'privacy')}</p>
          <p><button type="submit">${tx(lang, 'send')}</button></p>
          <noscript><p>${tx(lang, 'noScript')}</p></noscript>
        </form>
        <div id="ev-result" role="status" aria-live="polite"></div>
      </section>`
    : held || e.cancelled
      ? ''
      : html`<p>${left === 0 ? tx(lang, 'full') : tx(lang, 'closed')}</p>`;
  const body = html`
    <nav aria-label="${lang === 'sv' ? 'Brödsmulor' : 'Breadcrumbs'}" class="kb-breadcrumb"><a href="${withLang('/evenemang', lang)}">${tx(lang, 'all')}</a></nav>
    <h1>${e.title}${e.cancelled ? html` (${tx(lang, 'cancelled')})` : ''}</h1>
    <p class="kb-kind">${eventKindLabels[e.kind][lang]}</p>
    ${facts(lang, e)}
    ${e.description ? html`<p>${e.description}</p>` : ''}
    ${e.link && !held ? html`<p><a href="${e.link}">${tx(lang, 'link')}: ${e.title}</a></p>` : ''}
    ${held && e.recordingUrl ? html`<p><a href="${e.recordingUrl}">${tx(lang, 'recording')}</a></p>` : ''}
    <p><a href="/evenemang/${e.id}/kalender.ics">${tx(lang, 'calendar')}</a></p>
    ${form}`;
  return page(
    { lang, title: `${e.title} – Fullfölj`, url, assets, head: html`<script type="module" src="/evenemang/anmalan.js"></script>` },
    body,
  );
}
