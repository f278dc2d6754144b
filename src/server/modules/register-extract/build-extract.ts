/**
 * Assembles a register extract (GDPR art. 15): one section per category of data (coverage.ts lists which tables feed
 * which), the secrecy review's state, and who has read the data. Items under secrecy are handed out only once the data
 * protection officer has released them, and only in the DPO's extract.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { registerExtractDocument } from '../../../shared/register-extract/contract.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { accessLogSection, knowledgeBankSection, secrecySection } from './activity.ts';
import { attendanceSection } from './attendance.ts';
import { caseSection } from './cases.ts';
import type { Section } from './document.ts';
import { earlyWarningSection } from './early-warning.ts';
import { swedishMoment } from './format.ts';
import { gradeSection } from './grades.ts';
import { fullName, identitySection, personOf } from './identity.ts';
import { noteSection } from './notes.ts';
import { enrolmentSection, workSection } from './schooling.ts';
import { youthRegisterSection } from './youth-register.ts';
import { handoverSection } from './handovers.ts';
import { accountsOfPerson, type ExtractScope } from './scope.ts';
import { secrecyCounts, secretItemsOf } from './secrecy.ts';

/** "1 uppgift", "3 uppgifter". */
const items = (n: number) => `${n} ${n === 1 ? 'uppgift' : 'uppgifter'}`;

export const extractTitle = 'Registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR)';

export interface RegisterExtract {
  title: string;
  generatedAt: string;
  generatedAtText: string;
  organiser: { id: string; name: string };
  person: { id: string; name: string };
  protectedIdentity: boolean;
  /** False while an item under secrecy is not decided (or, for a reader other than the DPO, while there is any). */
  complete: boolean;
  secrecy: { items: number; pending: number; released: number; withheld: number };
  /** Things the reader must know before handing the extract out, in Swedish. */
  notices: string[];
  sections: Section[];
}

/** The extract for `personId` in `tenantId` as `reader` may see it, or undefined when the tenant holds no such person. */
export async function buildRegisterExtract(
  db: DbOrTx,
  tenantId: string,
  personId: string,
  now: Date,
  reader: { reviewer: boolean },
): Promise<RegisterExtract | undefined> {
  const person = await personOf(db, tenantId, personId);
  if (!person) return undefined;
  const [organiser] = await queryRows<{ name: string }>(db, sql`SELECT name FROM organisers WHERE id = ${tenantId}::uuid`);
  const secretItems = await secretItemsOf(db, tenantId, personId);
  const scope: ExtractScope = {
    db,
    tenantId,
    personId,
    accountIds: await accountsOfPerson(db, tenantId, personId),
    secretItems,
    reviewer: reader.reviewer,
  };
  const sections = [
    await identitySection(scope, person),
    await enrolmentSection(scope),
    await attendanceSection(scope),
    await gradeSection(scope),
    await earlyWarningSection(scope),
    await caseSection(scope),
    await noteSection(scope),
    await workSection(scope),
    await youthRegisterSection(scope),
    await handoverSection(scope),
    await knowledgeBankSection(scope),
    secrecySection(scope),
    await accessLogSection(scope),
  ];
  const counts = secrecyCounts(secretItems);
  const protectedIdentity = person.security_marking !== 'Ingen';
  const notices: string[] = [];
  if (protectedIdentity)
    notices.push('Skyddade personuppgifter: utdraget får bara lämnas till den registrerade själv, på ett säkert sätt.');
  if (reader.reviewer && counts.pending) {
    notices.push(`Utdraget är inte komplett: ${items(counts.pending)} väntar på sekretessprövning och har inte lämnats ut.`);
  }
  if (!reader.reviewer && secretItems.length) {
    notices.push(
      `Utdraget är inte komplett: ${items(secretItems.length)} omfattas av sekretess och visas bara för dataskyddsombudet, ` +
        'som prövar dem och lämnar ut det fullständiga utdraget.',
    );
  }
  return {
    title: extractTitle,
    generatedAt: now.toISOString(),
    generatedAtText: swedishMoment(now),
    organiser: { id: tenantId, name: organiser?.name ?? '' },
    person: { id: personId, name: fullName(person) },
    protectedIdentity,
    complete: reader.reviewer ? counts.pending === 0 : secretItems.length === 0,
    secrecy: { items: secretItems.length, ...counts },
    notices,
    sections,
  };
}

/** The JSON handed out (src/shared/register-extract/contract.ts: `registerExtractDocument`): the extract without the PDF's print instructions. */
export function presentExtractJson(extract: RegisterExtract): z.input<typeof registerExtractDocument> {
  return {
    ...extract,
    sections: extract.sections.map((s) => ({ ...s, parts: s.parts.map(({ pdfSummary: _s, pdfEntries: _e, ...part }) => part) })),
  };
}
