/**
 * Identity: the person's own record (names, personnummer, birth date, sex, protection marking, home municipality),
 * address and contact details (under secrecy for a protected identity), guardians and other responsibles both ways,
 * and the person's own accounts in Fullfölj.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { PersonContact } from '../../db/schema/index.ts';
import { fact, section, type Entry, type Section } from './document.ts';
import { label, swedishDateTime, swedishDate, text } from './format.ts';
import { civicNoKinds, personStatuses, securityMarkings, sexes } from './labels.ts';
import { contactFacts } from './secrecy.ts';
import { secrecyNotice, secretEntries, type ExtractScope } from './scope.ts';

export interface PersonRow extends Record<string, unknown> {
  id: string;
  given_name: string;
  middle_name: string | null;
  family_name: string;
  civic_no: string | null;
  civic_no_kind: string | null;
  birth_date: string | null;
  sex: string | null;
  security_marking: string;
  person_status: string;
  municipality: string | null;
  contact: PersonContact;
}

/**
 * The person's own row in the tenant, or undefined. A young person the municipality knows only from its KAA register
 * or population file (never a student here) is found by that row's id, with what the population file says.
 */
export async function personOf(db: DbOrTx, tenantId: string, personId: string): Promise<PersonRow | undefined> {
  const [row] = await queryRows<PersonRow>(
    db,
    sql`
    SELECT p.id::text, p.given_name, p.middle_name, p.family_name, p.civic_no, p.civic_no_kind, p.birth_date::text, p.sex,
           p.security_marking, p.person_status, m.name AS municipality, p.contact
      FROM persons p LEFT JOIN municipalities m ON m.code = p.home_municipality_code
     WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ${personId}::uuid`,
  );
  return row ?? youthRegisterPerson(db, tenantId, personId);
}

/** A young person of the KAA register or population file (the file's `skyddad` does not say which protection: a marking). */
async function youthRegisterPerson(db: DbOrTx, tenantId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await queryRows<PersonRow>(
    db,
    sql`
    SELECT k.id::text, k.given_name, NULL AS middle_name, k.family_name, k.civic_no, k.civic_no_kind, k.birth_date::text,
           NULL AS sex, CASE WHEN k.protected THEN 'Sekretessmarkering' ELSE 'Ingen' END AS security_marking,
           CASE k.status WHEN 'emigrated' THEN 'Utvandrad' WHEN 'deceased' THEN 'Avliden' ELSE 'Aktiv' END AS person_status,
           m.name AS municipality, '{}'::jsonb AS contact
      FROM (SELECT y.id, y.given_name, y.family_name, y.civic_no, y.civic_no_kind, y.birth_date, y.protected,
                   pop.status, pop.municipality_code
              FROM kaa_youth y LEFT JOIN kaa_population pop ON pop.tenant_id = y.tenant_id AND pop.civic_no = y.civic_no
             WHERE y.tenant_id = ${tenantId}::uuid AND y.id = ${id}::uuid
            UNION ALL
            SELECT pop.id, pop.given_name, pop.family_name, pop.civic_no, pop.civic_no_kind, pop.birth_date, pop.protected,
                   pop.status, pop.municipality_code
              FROM kaa_population pop WHERE pop.tenant_id = ${tenantId}::uuid AND pop.id = ${id}::uuid) k
      LEFT JOIN municipalities m ON m.code = k.municipality_code
     LIMIT 1`,
  );
  return row;
}

/** "Alva Testsson" (with a middle name when there is one). */
export const fullName = (p: { given_name: string; middle_name?: string | null; family_name: string }): string =>
  [p.given_name, p.middle_name, p.family_name].filter(Boolean).join(' ');

/** Twelve digits as ÅÅÅÅMMDD-NNNN. */
const civicNo = (value: string | null) => (value && /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : text(value));

/** The identity section. */
export async function identitySection(scope: ExtractScope, person: PersonRow): Promise<Section> {
  const { db, tenantId, personId } = scope;
  const protectedIdentity = person.security_marking !== 'Ingen';
  const basics: Entry = {
    facts: [
      fact('Förnamn', person.given_name),
      fact('Mellannamn', person.middle_name),
      fact('Efternamn', person.family_name),
      fact(person.civic_no_kind ? label(civicNoKinds, person.civic_no_kind) : 'Personnummer', civicNo(person.civic_no)),
      fact('Födelsedatum', person.birth_date ? swedishDate(person.birth_date) : null),
      fact('Kön', label(sexes, person.sex)),
      fact('Skyddade personuppgifter', label(securityMarkings, person.security_marking)),
      fact('Status i folkbokföringen', label(personStatuses, person.person_status)),
      // A protected identity's municipality is part of the contact details under secrecy.
      ...(protectedIdentity ? [] : [fact('Folkbokföringskommun', person.municipality)]),
    ],
    ids: { personId },
  };
  const contact: Entry[] = protectedIdentity
    ? secretEntries(scope, 'protected-contact')
    : (() => {
        const facts = contactFacts(person.contact, null);
        return facts.length ? [{ facts }] : [];
      })();
  const responsibles = await queryRows<{
    id: string;
    given_name: string;
    middle_name: string | null;
    family_name: string;
    relation_type: string;
    direction: string;
  }>(
    db,
    sql`
    SELECT p.id::text, p.given_name, p.middle_name, p.family_name, r.relation_type, 'mine' AS direction
      FROM person_responsibles r JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.responsible_id
     WHERE r.tenant_id = ${tenantId}::uuid AND r.person_id = ${personId}::uuid
    UNION ALL
    SELECT p.id::text, p.given_name, p.middle_name, p.family_name, r.relation_type, 'theirs'
      FROM person_responsibles r JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.person_id
     WHERE r.tenant_id = ${tenantId}::uuid AND r.responsible_id = ${personId}::uuid
     ORDER BY 6, 4, 2`,
  );
  const relation = (r: (typeof responsibles)[number]): Entry => ({
    title: fullName(r),
    facts: [fact('Relation', r.relation_type)],
    ids: { personId: r.id },
  });
  const accounts = await queryRows<{ id: string; username: string; display_name: string; created: string; disabled: boolean }>(
    db,
    sql`
    SELECT a.id::text, a.username, a.display_name, to_char(a.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS created, a.disabled
      FROM accounts a WHERE a.id = ANY(${`{${scope.accountIds.join(',')}}`}::uuid[]) ORDER BY a.created_at`,
  );
  const notice = protectedIdentity ? secrecyNotice(scope, 'protected-contact', 'Adress och kontaktuppgifter') : null;
  return section('identity', [
    { heading: 'Grunduppgifter', entries: [basics] },
    {
      heading: 'Adress och kontaktuppgifter',
      entries: contact,
      empty: protectedIdentity && !scope.reviewer ? 'Omfattas av sekretess (se nästa del).' : 'Inga uppgifter.',
    },
    ...(notice ? [notice] : []),
    {
      heading: 'Vårdnadshavare och andra ansvariga för dig',
      entries: responsibles.filter((r) => r.direction === 'mine').map(relation),
      empty: 'Inga uppgifter.',
    },
    {
      heading: 'Personer som du är vårdnadshavare eller ansvarig för',
      entries: responsibles.filter((r) => r.direction === 'theirs').map(relation),
      empty: 'Inga uppgifter.',
    },
    {
      heading: 'Användarkonton i Fullfölj',
      entries: accounts.map((a) => ({
        title: a.display_name,
        facts: [fact('Användarnamn', a.username), fact('Skapat', swedishDateTime(a.created)), fact('Avstängt', a.disabled ? 'Ja' : 'Nej')],
        ids: { accountId: a.id },
      })),
      empty: 'Inga uppgifter.',
    },
  ]);
}
