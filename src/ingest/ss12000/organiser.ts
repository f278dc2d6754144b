/**
 * The tenant of a run: the source's one Organisation of type Huvudman. It must carry an
 * organisation number and a municipality code; it is upserted into the `organisers`
 * reference table and its id is the tenant_id of every row the run writes.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../server/db/client.ts';
import { organisers } from '../../server/db/schema/index.ts';
import type { OrganisationDoc } from './documents.ts';
import { checkDocument } from './domain-checks.ts';
import { Ss12000SourceError } from './failure.ts';
import { validateAgainstSpec } from './schema-validation.ts';
import { checkText } from './text-checks.ts';
import type { Ss12000Source } from './source.ts';
import { normaliseOrganisationNumber } from './writers-structure.ts';

export interface Organiser {
  id: string;
  name: string;
  organisationNumber: string;
  kind: 'municipal' | 'independent';
  municipalityCode: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The codes of the municipalities reference table. */
export async function loadMunicipalityCodes(db: DbOrTx): Promise<Set<string>> {
  const rows = await queryRows<{ code: string }>(db, sql`SELECT code FROM municipalities`);
  return new Set(rows.map((r) => r.code));
}

/** Municipalities' organisation numbers start with 212000 (juridisk form 21: kommuner). */
export const organiserKind = (organisationNumber: string): Organiser['kind'] =>
  organisationNumber.startsWith('212000') ? 'municipal' : 'independent';

/** Reads the source's organisations and returns its one organiser; throws a Swedish message otherwise. */
export async function findOrganiser(source: Ss12000Source, municipalityCodes: ReadonlySet<string>): Promise<Organiser> {
  const found = new Map<string, OrganisationDoc>();
  for await (const page of source.pages('organisations')) {
    for (const doc of page.documents as OrganisationDoc[]) {
      if (doc && doc.organisationType === 'Huvudman' && typeof doc.id === 'string') found.set(doc.id.toLowerCase(), doc);
    }
  }
  const where = source.describe();
  if (found.size === 0)
    throw new Ss12000SourceError(`Källan ${where} har ingen organisation av typen Huvudman (no organiser in the source)`);
  if (found.size > 1)
    throw new Ss12000SourceError(
      `Källan ${where} har ${found.size} organisationer av typen Huvudman; en import gäller en huvudman (one organiser per import)`,
    );
  const [doc] = [...found.values()] as [OrganisationDoc];
  let issues = [...checkText(doc), ...validateAgainstSpec('organisations', doc)];
  if (issues.length === 0) issues = checkDocument('organisations', doc, { municipalityCodes });
  if (issues.length > 0) {
    const list = issues.map((i) => `${i.field}: ${i.reason}`).join('; ');
    const id = UUID.test(doc.id) ? ` (Organisation ${doc.id})` : '';
    throw new Ss12000SourceError(`Huvudmannen i ${where}${id} är ogiltig: ${list}`);
  }
  const organisationNumber = normaliseOrganisationNumber(doc.organisationNumber) ?? '';
  return {
    id: doc.id.toLowerCase(),
    name: doc.displayName,
    organisationNumber,
    kind: organiserKind(organisationNumber),
    municipalityCode: doc.municipalityCode ?? '',
  };
}

/** Inserts or updates the organiser in the reference table. */
export async function upsertOrganiser(db: DbOrTx, organiser: Organiser): Promise<void> {
  const values = {
    id: organiser.id,
    name: organiser.name,
    organisationNumber: organiser.organisationNumber,
    kind: organiser.kind,
    municipalityCode: organiser.municipalityCode,
  };
  await db
    .insert(organisers)
    .values(values)
    .onConflictDoUpdate({
      target: organisers.id,
      set: {
        name: values.name,
        organisationNumber: values.organisationNumber,
        kind: values.kind,
        municipalityCode: values.municipalityCode,
      },
    });
}
