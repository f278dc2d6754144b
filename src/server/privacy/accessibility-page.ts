/**
 * /tillganglighet: the accessibility statement the law on accessibility of digital public services (lag 2018:1937,
 * DOS-lagen) asks for, with Digg's headings (docs/accessibility-statement.md gives the sources), filled in from the
 * running installation: who runs it, its address and how to report a problem. What is tested and the known gaps are
 * the project's own (test/e2e, axe-core); the organiser's own review is theirs to add to the document.
 */
import { html, type SafeHtml } from '../platform/html.ts';
import type { Language } from '../platform/language.ts';
import type { InstallationFacts } from './installation.ts';

const t = {
  sv: {
    title: 'Tillgänglighetsredogörelse',
    stands: (who: string) => `${who} står bakom den digitala servicen Fullfölj. Vi vill att så många som möjligt ska kunna använda den.`,
    unnamed: 'Den organisation som driver installationen',
    address: 'Adress',
    how: 'Hur tillgänglig är tjänsten?',
    partly:
      'Fullfölj är delvis förenlig med lagen om tillgänglighet till digital offentlig service (EN 301 549 V3.2.1 / WCAG 2.1 nivå AA), på grund av bristerna nedan.',
    report: 'Rapportera brister i tillgängligheten',
    reportText: 'Om du inte kan använda delar av tjänsten, eller hittar brister som inte står här, kontakta oss:',
    noContact: 'Kontaktuppgifter har inte angetts för den här installationen; vänd dig till din skola eller kommun.',
    supervision: 'Tillsyn',
    supervisionText:
      'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg:',
    digg: 'Digg: anmäl bristande tillgänglighet',
    tested: 'Hur vi har testat tjänsten',
    tests: [
      'Varje version testas automatiskt med axe-core mot WCAG 2.0 och 2.1 nivå A och AA på de sidor webbläsartesterna besöker; ett fynd stoppar versionen.',
      'Den publika kunskapsbanken testas med enbart tangentbord; varje sida har en länk för att hoppa till innehållet.',
      'Sidorna kontrolleras i 390 px bredd utan sidledes rullning; diagram har en tabell som alternativ.',
      'Svenska är förvalt språk och engelska kan väljas; sidans språk anges.',
    ],
    gaps: 'Innehåll som inte är tillgängligt',
    gapList: [
      'PDF-dokument (åtgärdsprogram, sammanfattningar, registerutdrag) är inte taggade; samma innehåll finns som webbsida.',
      'Kartan i kunskapsbanken kan inte användas fullt ut med skärmläsare; samma poster finns som lista och export.',
      'Ingen manuell granskning med skärmläsare eller förstoring har gjorts av projektet; automatiska tester hittar bara en del av bristerna.',
    ],
  },
  en: {
    title: 'Accessibility statement',
    stands: (who: string) =>
      `${who} is responsible for the digital service Fullfölj. We want as many people as possible to be able to use it.`,
    unnamed: 'The organisation running this installation',
    address: 'Address',
    how: 'How accessible is the service?',
    partly:
      'Fullfölj is partially compliant with the Swedish act on accessibility of digital public services (EN 301 549 V3.2.1 / WCAG 2.1 level AA), because of the shortcomings below.',
    report: 'Report accessibility problems',
    reportText: 'If you cannot use parts of the service, or find problems not listed here, contact us:',
    noContact: 'No contact details are given for this installation; ask your school or municipality.',
    supervision: 'Supervision',
    supervisionText:
      'The Agency for Digital Government (Digg) supervises the act. If you are not satisfied with how we handle your comments, you can report it to Digg:',
    digg: 'Digg: report lacking accessibility',
    tested: 'How we tested the service',
    tests: [
      'Every version is tested automatically with axe-core against WCAG 2.0 and 2.1 levels A and AA on the pages the browser tests visit; a finding stops the version.',
      'The public knowledge bank is tested with the keyboard only; every page has a link to skip to the content.',
      'Pages are checked at 390 px width without sideways scrolling; charts have a table as an alternative.',
      'Swedish is the default language and English can be chosen; the page language is declared.',
    ],
    gaps: 'Content that is not accessible',
    gapList: [
      'PDF documents (action programmes, summaries, register extracts) are not tagged; the same content is available as a web page.',
      'The knowledge bank’s map cannot be fully used with a screen reader; the same records are available as a list and as exports.',
      'The project has made no manual review with screen readers or magnification; automated tests find only some problems.',
    ],
  },
};

/** The page's body. */
export function accessibilityBody(lang: Language, facts: InstallationFacts): SafeHtml {
  const s = t[lang];
  const contact = [
    facts.email ? html`<li>${lang === 'sv' ? 'E-post' : 'E-mail'}: <a href="mailto:${facts.email}">${facts.email}</a></li>` : '',
    facts.phone ? html`<li>${lang === 'sv' ? 'Telefon' : 'Phone'}: ${facts.phone}</li>` : '',
  ];
  return html`<h1>${s.title}</h1>
    <p data-installation-name>${s.stands(facts.name ?? s.unnamed)}</p>
    ${facts.publicUrl ? html`<p>${s.address}: <a href="${facts.publicUrl}">${facts.publicUrl}</a></p>` : ''}
    <h2>${s.how}</h2>
    <p>${s.partly}</p>
    <h2>${s.report}</h2>
    ${facts.email || facts.phone ? html`<p>${s.reportText}</p><ul data-contact>${contact}</ul>` : html`<p data-contact>${s.noContact}</p>`}
    <h2>${s.supervision}</h2>
    <p>${s.supervisionText} <a href="https://www.digg.se/tdosanmalan">${s.digg}</a></p>
    <h2>${s.tested}</h2>
    <ul>${s.tests.map((x) => html`<li>${x}</li>`)}</ul>
    <h2>${s.gaps}</h2>
    <ul>${s.gapList.map((x) => html`<li>${x}</li>`)}</ul>`;
}
