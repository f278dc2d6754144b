/**
 * A second region for the events' tests: the access fixtures' coordinator (`region`) is Västra Götaland's; this adds a
 * synthetic Skövde kommun (municipality 1496, in Skaraborg) and its coordinator `skaraborg`, signing in with the demo
 * password, so a test can show that one region's coordinator reaches nothing of the other's; and events added
 * straight into the tables (held ones too).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eventSignups, networkEvents, organisers, regions } from '../../db/schema/index.ts';
import type { ParticipantRole } from '../../../shared/events/vocabulary.ts';
import { demoPassword } from '../auth/demo-accounts.ts';
import { grantRole, upsertAccount } from '../accounts/manage.ts';

export const skaraborgCoordinator = 'skaraborg';
const skovde = { id: 'c0000000-0000-4000-8000-000000001496', organisationNumber: '2120001652' };

/** Adds Skövde kommun and Skaraborg's coordinator account (idempotent for the organiser). */
export async function addSkaraborgCoordinator(db: DbOrTx): Promise<void> {
  await db
    .insert(organisers)
    .values({ ...skovde, name: 'Skövde kommun', kind: 'municipal', municipalityCode: '1496' })
    .onConflictDoNothing();
  await upsertAccount(db, { username: skaraborgCoordinator, displayName: 'Samordnare Skaraborg', password: demoPassword });
  await grantRole(db, {
    username: skaraborgCoordinator,
    role: 'region-coordinator',
    organiser: skovde.organisationNumber,
    regionSlug: 'skaraborg',
  });
}

export interface HeldEvent {
  title: string;
  startsAt: string;
  /** Name, organisation and role of each sign-up (e-mail addresses are made up from the position). */
  signups: [string, string, ParticipantRole][];
  attended?: boolean | null;
}

/** Adds an event to a region straight into the tables (the commands refuse a start in the past); returns its id. */
export async function addEventDirectly(db: DbOrTx, regionSlug: string, e: HeldEvent): Promise<string> {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, regionSlug));
  if (!region) throw new Error(`no region ${regionSlug}`);
  const id = randomUUID();
  const endsAt = new Date(Date.parse(e.startsAt) + 2 * 3_600_000).toISOString();
  await db.insert(networkEvents).values({
    regionId: region.id,
    id,
    kind: 'network-meeting',
    title: e.title,
    audience: 'Rektorer och elevhälsa',
    startsAt: e.startsAt,
    endsAt,
    place: 'Stadshuset',
  });
  for (const [k, [name, organisation, role]] of e.signups.entries())
    await db.insert(eventSignups).values({
      regionId: region.id,
      id: randomUUID(),
      eventId: id,
      name,
      email: `deltagare${k}@example.invalid`,
      organisation,
      role,
      attended: e.attended ?? null,
    });
  return id;
}
