/**
 * Renders the record of processing (processing-record.ts) as docs/record-of-processing.md.
 * `node --import tsx src/server/privacy/render.ts > docs/record-of-processing.md` regenerates it; the test compares.
 */
import { fileURLToPath } from 'node:url';
import { areas, tables, type AreaKey } from './processing-record.ts';

/** The Markdown document. */
export function renderProcessingRecord(): string {
  const out: string[] = [
    '# Register över behandling (GDPR art. 30)',
    '',
    '<!-- Genererad från src/server/privacy/processing-record.ts: ändra där och kör `node --import tsx src/server/privacy/render.ts > docs/record-of-processing.md`. -->',
    '',
    '*Record of processing activities (GDPR art. 30.1 and 30.2), generated from the code: every table of the schema is',
    'listed, and a test fails when one is missing. English summary at the end.*',
    '',
    'Personuppgiftsansvarig är varje huvudman (kommun eller enskild huvudman) för sina elever; en kommun är ansvarig för',
    'KAA-registret. Den som driver installationen åt flera huvudmän är deras personuppgiftsbiträde (se',
    '[processor-agreement-annex.md](processor-agreement-annex.md)). Fyll i namn och kontaktuppgifter för den',
    'personuppgiftsansvarige och dataskyddsombudet (art. 30.1 a) i er kopia.',
    '',
    '| gäller alla behandlingar | |',
    '|---|---|',
    '| Överföring till tredje land (art. 30.1 e) | Ingen. Programmet skickar inga uppgifter utanför installationen; e-post (om SMTP är inställt) bär bara antal och en länk. |',
    '| Underbiträden | Inga i programmet. Drift, SMTP-leverantör och OIDC-leverantör anges av den som driver installationen. |',
    '| Säkerhetsåtgärder (art. 30.1 g, art. 32) | Behörighet per roll och uppdrag; varje läsning loggas i en åtkomstlogg som databasen inte låter ändras; huvudmännen åtskilda i varje tabell (`tenant_id`); personnummer aldrig i adresser eller loggar; skyddad identitet döljer adress och kontakt; små tal (< 5) dolda i aggregat; lösenord med argon2id; säkerhetskopior läsbara bara av ägaren; se [security.md](security.md). |',
    '',
  ];
  for (const [key, area] of Object.entries(areas) as [AreaKey, (typeof areas)[AreaKey]][]) {
    out.push(`## ${area.name}`, '', `- **Ändamål:** ${area.purpose}`, `- **Rättslig grund:** ${area.basis}`);
    out.push(`- **Registrerade:** ${area.subjects}`, `- **Mottagare:** ${area.recipients}`, '');
    out.push('| tabell | kategorier av uppgifter | lagringstid |', '|---|---|---|');
    for (const [name, t] of Object.entries(tables)
      .filter(([, t]) => t.area === key)
      .sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`| \`${name}\` | ${t.data} | ${t.retention} |`);
    }
    out.push('');
  }
  out.push(
    '## In English',
    '',
    'One processing activity per module (school records from SS 12000, early detection, student-health cases and',
    'interventions, the municipal activity responsibility, follow-up aggregates, access control and the access log, the',
    'public knowledge bank, reference data), each with its purpose, legal basis (art. 6 and, for health notes, art. 9),',
    'data subjects and recipients, and every table with its categories of data and its retention as the code keeps it.',
    'No transfers to third countries; no sub-processors in the software itself.',
    '',
  );
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(renderProcessingRecord());
