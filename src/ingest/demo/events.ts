/**
 * The demo region's network events (docs/region-network.md): Skaraborg's knowledge node held three events in the
 * last months (one webinar with its recording), with attendance marked, and announces three (the next webinar within
 * two weeks). Sign-ups are synthetic people from the demo organisers, in every role of the chain of command.
 * Idempotent: nothing is added when the region already has events.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { eventSignups, networkEvents, organisers, regionMunicipalities, regions } from '../../server/db/schema/index.ts';
import { participantRoles } from '../../shared/events/vocabulary.ts';
import type { EventKind } from '../../shared/events/vocabulary.ts';
import type { FocusArea } from '../../shared/knowledge-bank/vocabulary.ts';

interface DemoEvent {
  kind: EventKind;
  title: string;
  description: string;
  focusArea: FocusArea | null;
  audience: string;
  /** Days from today, and the hour (Swedish time, winter: UTC+1). */
  day: number;
  hour: number;
  hours: number;
  place: string | null;
  link: string | null;
  capacity: number | null;
  signups: number;
  recording?: string;
}

const events: DemoEvent[] = [
  {
    kind: 'webinar',
    title: 'Webbinarium: närvaro och tidiga signaler',
    description: 'Hur två skolor i Skaraborg använder frånvarosignaler i elevhälsoteamet.',
    focusArea: 'motivation',
    audience: 'Rektorer, elevhälsa och mentorer',
    day: -75,
    hour: 14,
    hours: 1.5,
    place: null,
    link: 'https://webbinarium.example.invalid/narvaro',
    capacity: null,
    signups: 24,
    recording: 'https://video.example.invalid/narvaro-och-tidiga-signaler',
  },
  {
    kind: 'network-meeting',
    title: 'Nätverksträff för elevhälsan',
    description: 'Erfarenhetsutbyte om psykisk hälsa och trygghet.',
    focusArea: 'mental-health',
    audience: 'Elevhälsans personal',
    day: -40,
    hour: 9,
    hours: 3,
    place: 'Skövde, Kulturhuset',
    link: null,
    capacity: 40,
    signups: 18,
  },
  {
    kind: 'training',
    title: 'Utbildning för styrkedjan: tidig upptäckt och åtgärd',
    description: 'För förtroendevalda, förvaltningsledning och rektorer.',
    focusArea: null,
    audience: 'Förtroendevalda, förvaltningsledning och rektorer',
    day: -12,
    hour: 13,
    hours: 3,
    place: 'Lidköping, Stadshuset',
    link: null,
    capacity: 30,
    signups: 21,
  },
  {
    kind: 'webinar',
    title: 'Webbinarium: föräldrar som resurs',
    description: 'Att bygga samverkan med vårdnadshavare när närvaron sviktar.',
    focusArea: 'parents',
    audience: 'Rektorer, elevhälsa och mentorer',
    day: 12,
    hour: 14,
    hours: 1.5,
    place: null,
    link: 'https://webbinarium.example.invalid/foraldrar',
    capacity: 100,
    signups: 9,
  },
  {
    kind: 'conference',
    title: 'Skaraborgskonferensen om fullföljda studier',
    description: 'Regionens årliga konferens med goda exempel från nätverket.',
    focusArea: null,
    audience: 'Alla i styrkedjan',
    day: 60,
    hour: 9,
    hours: 7,
    place: 'Skara, Stadshotellet',
    link: null,
    capacity: 150,
    signups: 12,
  },
  {
    kind: 'training',
    title: 'Läsfrämjande arbete i gymnasiet',
    description: 'Metoder för läsning och språkutveckling.',
    focusArea: 'reading-language',
    audience: 'Lärare och specialpedagoger',
    day: 95,
    hour: 13,
    hours: 3,
    place: 'Falköping, Ållebergsgymnasiet',
    link: null,
    capacity: 35,
    signups: 0,
  },
];

const givenNames = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Per', 'Sara', 'Anders', 'Lena', 'Mikael'];
const familyNames = ['Testsson', 'Exempelsdotter', 'Provén', 'Demoberg', 'Fiktivsson', 'Påhittad'];

/** Of a held event's sign-ups, every fifth did not come (the demo's attendance, marked by the coordinator). */
const came = (k: number) => k % 5 !== 4;

/**
 * Seeds Skaraborg's events and sign-ups as of `today` (YYYY-MM-DD), attendance marked for the events held; returns how
 * many events were added. `regionSlug` seeds another region's (the tests' Västra Götaland).
 */
export async function seedDemoEvents(db: DbOrTx, today: string, regionSlug = 'skaraborg'): Promise<number> {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, regionSlug));
  if (!region) return 0;
  if ((await db.select({ id: networkEvents.id }).from(networkEvents).where(eq(networkEvents.regionId, region.id)).limit(1)).length)
    return 0;
  const codes = (
    await db
      .select({ code: regionMunicipalities.municipalityCode })
      .from(regionMunicipalities)
      .where(eq(regionMunicipalities.regionId, region.id))
  ).map((r) => r.code);
  const orgs = codes.length
    ? await db
        .select({ id: organisers.id, name: organisers.name, code: organisers.municipalityCode })
        .from(organisers)
        .where(inArray(organisers.municipalityCode, codes))
    : [];
  const base = Date.parse(`${today}T00:00:00Z`);
  let n = 0;
  for (const [i, e] of events.entries()) {
    const id = randomUUID();
    const startsAt = new Date(base + e.day * 86_400_000 + (e.hour - 1) * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + e.hours * 3_600_000);
    const created = new Date(Math.min(startsAt.getTime() - 30 * 86_400_000, base));
    await db.insert(networkEvents).values({
      regionId: region.id,
      id,
      kind: e.kind,
      title: e.title,
      description: e.description,
      focusArea: e.focusArea,
      audience: e.audience,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      place: e.place,
      link: e.link,
      recordingUrl: e.recording ?? null,
      capacity: e.capacity,
      signupDeadline: new Date(startsAt.getTime() - 86_400_000).toISOString(),
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    });
    for (let k = 0; k < e.signups; k++) {
      const org = orgs.length ? orgs[(k * 7 + i) % orgs.length]! : null;
      const name = `${givenNames[(k + i) % givenNames.length]} ${familyNames[(k * 3 + i) % familyNames.length]}`;
      await db.insert(eventSignups).values({
        regionId: region.id,
        id: randomUUID(),
        eventId: id,
        name,
        email: `deltagare${i}-${k}@example.invalid`,
        organisation: org?.name ?? 'Skaraborgs kommunalförbund',
        organiserId: org?.id ?? null,
        municipalityCode: org?.code ?? null,
        role: participantRoles[(k + i) % participantRoles.length]!,
        attended: e.day < 0 ? came(k) : null,
        createdAt: created.toISOString(),
      });
    }
    n++;
  }
  return n;
}
