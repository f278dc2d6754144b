/**
 * /behandlingar: the record of processing (GDPR art. 30) as this installation runs it — the record of
 * processing-record.ts (purposes, legal bases, data subjects, recipients, the categories of data and how long they are
 * kept), with the running configuration filled in: who runs it, the database, the sub-processors that e-mail and single
 * sign-on bring, and every retention rule as each organiser has set it now. No table or rule names: people read it.
 */
import { html, type SafeHtml } from '../platform/html.ts';
import type { Language } from '../platform/language.ts';
import { retentionRuleInfo } from '../../shared/retention/rules.ts';
import type { InstallationFacts } from './installation.ts';
import { areas, tables, type AreaKey } from './processing-record.ts';

/** One rule as set now: the default, and the organisers whose own value differs from it. */
export interface RuleInForce {
  key: string;
  defaultKeep: number | null;
  own: { organiser: string; keep: number | null }[];
}

const t = {
  sv: {
    title: 'Register över behandlingar av personuppgifter',
    intro: 'Registret enligt dataskyddsförordningen (GDPR) artikel 30, för den här installationen av Fullfölj så som den körs nu.',
    controller: 'Personuppgiftsansvarig är varje huvudman för sina elever; en kommun för sitt KAA-register.',
    operator: 'Installationen drivs av',
    contact: 'Kontakt',
    unnamed: 'anges inte i installationens inställningar',
    database: 'Databas',
    postgres: 'PostgreSQL-server som installationen driver',
    pglite: 'inbyggd PostgreSQL (PGlite) i installationens datamapp',
    transfers: 'Överföring till tredje land: ingen.',
    processors: 'Underbiträden som inställningarna medför',
    smtp: 'E-postserver (e-post bär bara antal och en länk)',
    oidc: 'Identitetsleverantör för inloggning',
    none: 'Inga.',
    rules: 'Gallringsregler som gäller nu',
    ruleDefault: 'Standard',
    ruleOwn: 'Huvudmän med egen regel',
    keepForever: 'sparas tills vidare',
    years: (n: number) => `${n} år`,
    days: (n: number) => `${n} dagar`,
    purpose: 'Ändamål',
    basis: 'Rättslig grund',
    subjects: 'Registrerade',
    recipients: 'Mottagare',
    kept: 'lagras',
    language: '',
  },
  en: {
    title: 'Record of processing of personal data',
    intro: 'The record under the General Data Protection Regulation (GDPR) article 30, for this installation of Fullfölj as it runs now.',
    controller: 'Each organiser is the controller for its students; a municipality for its activity-responsibility register.',
    operator: 'The installation is run by',
    contact: 'Contact',
    unnamed: 'not given in the installation’s settings',
    database: 'Database',
    postgres: 'a PostgreSQL server run by the installation',
    pglite: 'embedded PostgreSQL (PGlite) in the installation’s data folder',
    transfers: 'Transfers to third countries: none.',
    processors: 'Sub-processors the settings bring',
    smtp: 'E-mail server (e-mail carries only counts and a link)',
    oidc: 'Identity provider for sign-in',
    none: 'None.',
    rules: 'Retention rules in force now',
    ruleDefault: 'Default',
    ruleOwn: 'Organisers with their own rule',
    keepForever: 'kept until further notice',
    years: (n: number) => `${n} years`,
    days: (n: number) => `${n} days`,
    purpose: 'Purpose',
    basis: 'Legal basis',
    subjects: 'Data subjects',
    recipients: 'Recipients',
    kept: 'kept',
    language: 'The activities below are described in Swedish, as the organisers keep the record.',
  },
};

/** The page's body. */
export function recordBody(lang: Language, facts: InstallationFacts, rules: readonly RuleInForce[]): SafeHtml {
  const s = t[lang];
  const keepText = (key: string, keep: number | null) => {
    const info = retentionRuleInfo.find((r) => r.key === key)!;
    return keep === null ? s.keepForever : `${info.unit === 'years' ? s.years(keep) : s.days(keep)} (${info.counted[lang]})`;
  };
  const processors = [
    facts.smtpHost ? `${s.smtp}: ${facts.smtpHost}` : null,
    facts.oidcHost ? `${s.oidc}: ${facts.oidcHost}` : null,
  ].filter((x): x is string => x !== null);
  const contact = [facts.email, facts.phone].filter(Boolean).join(', ');
  const activities = (Object.entries(areas) as [AreaKey, (typeof areas)[AreaKey]][]).map(([key, area]) => {
    const rows = Object.values(tables).filter((e) => e.area === key);
    return html`<section>
      <h3>${area.name}</h3>
      <dl>
        <dt>${s.purpose}</dt><dd>${area.purpose}</dd>
        <dt>${s.basis}</dt><dd>${area.basis}</dd>
        <dt>${s.subjects}</dt><dd>${area.subjects}</dd>
        <dt>${s.recipients}</dt><dd>${area.recipients}</dd>
      </dl>
      <ul>${rows.map((e) => html`<li>${e.data} — ${s.kept}: ${e.retention.replace(/`[^`]*`/g, '').replace(/\(\s*\)/g, '')}</li>`)}</ul>
    </section>`;
  });
  return html`<h1>${s.title}</h1>
    <p>${s.intro}</p>
    <p>${s.controller}</p>
    <dl>
      <dt>${s.operator}</dt><dd data-installation-name>${facts.name ?? s.unnamed}</dd>
      <dt>${s.contact}</dt><dd>${contact || s.unnamed}</dd>
      <dt>${s.database}</dt><dd data-engine>${facts.engine === 'postgres' ? s.postgres : s.pglite}</dd>
    </dl>
    <p>${s.transfers}</p>
    <h2>${s.processors}</h2>
    ${processors.length ? html`<ul data-processors>${processors.map((p) => html`<li>${p}</li>`)}</ul>` : html`<p data-processors>${s.none}</p>`}
    <h2>${s.rules}</h2>
    <dl data-rules>
      ${rules.map((r) => {
        const info = retentionRuleInfo.find((i) => i.key === r.key)!;
        return html`<dt>${info.label[lang]}</dt>
          <dd>${s.ruleDefault}: ${keepText(r.key, r.defaultKeep)}${r.own.length ? html`<br />${s.ruleOwn}: ${r.own.map((o, i) => html`${i ? '; ' : ''}${o.organiser}: ${keepText(r.key, o.keep)}`)}` : ''}</dd>`;
      })}
    </dl>
    <h2>${lang === 'sv' ? 'Behandlingar' : 'Processing activities'}</h2>
    ${s.language ? html`<p>${s.language}</p>` : ''}
    ${activities}`;
}
