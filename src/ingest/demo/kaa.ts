/**
 * The demo region's municipal activity responsibility (KAA, #13): for each municipal organiser a population file
 * (folkbokföring extract) built from the demo's own young people whose home municipality it is, plus generated young
 * people in no school (registered in Sweden after compulsory-school age, or moved here from another municipality
 * without having started upper secondary), imported through the real population import three times over the past
 * year (a year ago, half a year ago, today) — each import recomputes the target group as the nightly run would — with the notices between organisers that
 * the real notice generation produces from the demo's enrolments at each of those dates (some acknowledged), and a
 * year of work through the real commands of work.ts: contact attempts and contacts, occupations, plans, measures with
 * follow-up and evaluation dates, some ended with their outcome. Skövde's register (the demo `kaa` officer's) is kept
 * so that its half-year report passes every logical check; Lidköping's has a few realistic slips (a contact without the
 * occupation recorded, a measure left open after the responsibility ended).
 *
 * Deterministic (the demo's seeded random) and idempotent: a database that already has a population file is left
 * alone. One transaction: an interrupted run leaves nothing behind. See docs/demo-region.md.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../server/db/client.ts';
import { queryRows } from '../../server/db/client.ts';
import { kaaMeasures, kaaYouth } from '../../server/db/schema/index.ts';
import type { ActorContext } from '../../server/platform/context.ts';
import { runNotices, systemContext } from '../../server/modules/kaa/notices.ts';
import { importPopulation, populationColumns } from '../../server/modules/kaa/population-import.ts';
import { compulsoryEnds } from '../../server/modules/kaa/criteria.ts';
import { addContact, addOccupation, closeMeasure, openMeasure, savePlan } from '../../server/modules/kaa/work.ts';
import { confirmAbsence, dismissFalsePositives, startsElsewhere } from './kaa-events.ts';
import type { KaaOccupationKind } from '../../shared/kaa/codes.ts';
import { ageOn } from './calendar.ts';
import { familyNames, givenNames, skaraborg, streets } from './catalogue.ts';
import { loadTestNumbers } from './identities.ts';
import { createRandom, stableId, type Random } from './random.ts';

/** The municipality whose half-year is ready to report (the demo `kaa` officer's), and one with a few slips. */
export const demoKaaReadyMunicipality = '1496';
export const demoKaaSloppyMunicipality = '1494';

export interface DemoKaaSummary {
  skipped?: string;
  municipalities: number;
  /** Young people aged 16–19 on `today` in the population files, and those of them in the target group. */
  aged16to19: number;
  inGroup: number;
  share: number;
  /** The registration reasons of the target group on `today`. */
  reasons: Record<string, number>;
  generated: number;
  noticesSent: number;
  noticesReceived: number;
  receipts: number;
  contacts: number;
  reached: number;
  plans: number;
  measures: number;
  measuresClosed: number;
  /** Significant-absence notices: still proposed, and confirmed by the principal (sent). */
  absenceProposed: number;
  absenceSent: number;
  /** Start notices imported from the notice file of a school outside the region. */
  fileNotices: number;
  dismissed: number;
  durationMs: number;
}

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** A day in [from, to] (both inclusive). */
const dayIn = (random: Random, from: string, to: string) => addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));

interface PoolPerson {
  civicNo: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipalityCode: string;
  /** Folkbokförd in the municipality since (null: since birth, as far as the file says). */
  registeredHere: string | null;
  /** Registered in Sweden (invandrad) on. */
  registeredInSweden: string | null;
  protected: boolean;
  address: { streetAddress: string; postalCode: string; locality: string } | null;
}

const csvCell = (v: string | null) => (v ?? '').replaceAll(';', ' ');

/** One population file: everyone of the pool registered in the municipality on `asOf` and aged 15–20 then. */
function populationFile(pool: readonly PoolPerson[], asOf: string): string {
  const lines = [populationColumns.map((c) => c.key).join(';')];
  for (const p of pool) {
    const age = ageOn(p.birthDate, asOf);
    if (age < 15 || age > 20) continue;
    if ((p.registeredHere && p.registeredHere > asOf) || (p.registeredInSweden && p.registeredInSweden > asOf)) continue;
    lines.push(
      [
        p.civicNo,
        p.givenName,
        p.familyName,
        p.municipalityCode,
        p.registeredHere ?? '',
        p.registeredInSweden ?? '',
        'folkbokford',
        '',
        p.protected ? 'ja' : 'nej',
        p.protected ? '' : (p.address?.streetAddress ?? ''),
        p.protected ? '' : (p.address?.postalCode ?? ''),
        p.protected ? '' : (p.address?.locality ?? ''),
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The demo's own young people (every tenant's records, one per civic number) aged 15–20 on `today`, by home municipality. */
async function demoYoungPeople(db: DbOrTx, codes: readonly string[], today: string): Promise<PoolPerson[]> {
  const oldest = `${Number(today.slice(0, 4)) - 21}${today.slice(4)}`;
  const youngest = `${Number(today.slice(0, 4)) - 15}${today.slice(4)}`;
  const list = sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );
  const rows = await queryRows<{
    civic_no: string;
    given_name: string;
    family_name: string;
    birth_date: string;
    home_municipality_code: string;
    security_marking: string;
    contact: { addresses?: { type?: string; streetAddress: string; postalCode: string; locality: string }[] };
  }>(
    db,
    sql`SELECT DISTINCT ON (p.civic_no) p.civic_no, p.given_name, p.family_name, p.birth_date::text, p.home_municipality_code,
               p.security_marking, p.contact
          FROM persons p JOIN organisers o ON o.id = p.tenant_id
         WHERE p.civic_no_kind = 'personnummer' AND p.person_status = 'Aktiv' AND p.home_municipality_code IN (${list})
           AND p.birth_date > ${oldest}::date AND p.birth_date <= ${youngest}::date
         ORDER BY p.civic_no, (o.kind = 'municipal' AND o.municipality_code = p.home_municipality_code) DESC, p.tenant_id`,
  );
  return rows.map((r) => {
    const a = r.contact.addresses?.find((x) => x.type === 'Folkbokföring') ?? r.contact.addresses?.[0];
    return {
      civicNo: r.civic_no,
      givenName: r.given_name,
      familyName: r.family_name,
      birthDate: r.birth_date,
      municipalityCode: r.home_municipality_code,
      registeredHere: null,
      registeredInSweden: null,
      protected: r.security_marking !== 'Ingen',
      address: a ? { streetAddress: a.streetAddress, postalCode: a.postalCode, locality: a.locality } : null,
    };
  });
}

/**
 * Young people the schools never knew: registered in Sweden after compulsory-school age (about three in five), or
 * moved here from another municipality after leaving school elsewhere (the register cannot tell them from those who
 * never started). Skatteverket's test numbers that no demo person has.
 */
function generatedYoungPeople(
  random: Random,
  today: string,
  aged: Map<string, number>,
  used: ReadonlySet<string>,
  share: number,
): PoolPerson[] {
  const year = Number(today.slice(0, 4));
  const numbers = loadTestNumbers();
  const free = [year - 19, year - 18, year - 17, year - 16].flatMap((y) =>
    (numbers.get(y) ?? []).filter((n) => {
      const age = ageOn(`${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}`, today);
      return !used.has(n) && age >= 16 && age <= 19;
    }),
  );
  const out: PoolPerson[] = [];
  // Spread over the municipalities by their number of young people (at least three in the region, however small).
  const all = [...aged.values()].reduce((a, b) => a + b, 0);
  const count = Math.max(3, Math.round(all * share));
  for (let i = 0; i < count && free.length > 0 && all > 0; i++) {
    let at = random.int(0, all - 1);
    const m = skaraborg.find((x) => (at -= aged.get(x.code) ?? 0) < 0);
    if (!m) continue;
    const civicNo = free.splice(random.int(0, free.length - 1), 1)[0]!;
    const birthDate = `${civicNo.slice(0, 4)}-${civicNo.slice(4, 6)}-${civicNo.slice(6, 8)}`;
    const sex = Number(civicNo[10]) % 2 === 1 ? 'Man' : 'Kvinna';
    const arrivedFrom = addDays(compulsoryEnds(birthDate), 1);
    const newcomer = random.chance(0.6);
    const came = dayIn(random, maxDate(arrivedFrom, addDays(today, -700)), addDays(today, -20));
    out.push({
      civicNo,
      givenName: random.pick(givenNames[sex]),
      familyName: random.pick(familyNames),
      birthDate,
      municipalityCode: m.code,
      registeredHere: came,
      registeredInSweden: newcomer ? came : null,
      protected: false,
      address: {
        streetAddress: `${random.pick(streets)} ${random.int(1, 60)}`,
        postalCode: String(random.int(52000, 54999)),
        locality: m.name,
      },
    });
  }
  return out;
}

const occupationsNow: readonly KaaOccupationKind[] = ['none', 'none', 'none', 'work', 'work', 'leave', 'other', 'labour-market-programme'];
const measures = [
  { kind: 'guidance', description: 'Vägledningssamtal med studie- och yrkesvägledare om vägar tillbaka till studier.' },
  { kind: 'motivational', description: 'Motiverande samtal varannan vecka med kommunens aktivitetsansvariga.' },
  { kind: 'internship', description: 'Praktik fyra dagar i veckan på en arbetsplats i kommunen.' },
  { kind: 'adult-education', description: 'Studier på komvux, grundläggande och gymnasial nivå.' },
  { kind: 'folk-high-school', description: 'Allmän kurs på folkhögskola.' },
  { kind: 'labour-market', description: 'Insats tillsammans med Arbetsförmedlingen.' },
] as const;
const goals = [
  [
    'Börja på ett nationellt program till hösten.',
    'Vägledning under våren, studiebesök på två skolor och ansökan före sista ansökningsdag.',
  ],
  [
    'Få ett arbete och läsa in kurser på komvux.',
    'Praktik för att pröva yrken, sedan ansökan till komvux med stöd av studie- och yrkesvägledare.',
  ],
  [
    'Komma igång med en regelbunden vardag.',
    'Träffar varannan vecka, en sysselsättning några dagar i veckan och uppföljning efter en månad.',
  ],
] as const;

/** Seeds the demo region's KAA register as of `today`; a no-op when a population file is already imported. */
export async function seedDemoKaa(
  database: Database,
  options: { today: string; seed?: number; onProgress?: (m: string) => void },
): Promise<DemoKaaSummary> {
  const started = Date.now();
  const { today } = options;
  const seed = options.seed ?? 1;
  const [already] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM kaa_population_imports`);
  if ((already?.n ?? 0) > 0)
    return { ...(await demoKaaFigures(database.db, today)), skipped: 'KAA-registret finns redan', generated: 0, durationMs: 0 };
  const generated = await database.db.transaction(async (tx) => {
    const random = createRandom(seed * 7919 + 1329);
    const municipal = await queryRows<{ id: string; name: string; code: string }>(
      tx,
      sql`SELECT DISTINCT ON (municipality_code) id, name, municipality_code AS code FROM organisers
           WHERE kind = 'municipal' AND active ORDER BY municipality_code, created_at, id`,
    );
    if (municipal.length === 0) return 0;
    const own = await demoYoungPeople(
      tx,
      municipal.map((m) => m.code),
      today,
    );
    const aged = new Map<string, number>();
    for (const p of own) {
      const a = ageOn(p.birthDate, today);
      if (a >= 16 && a <= 19) aged.set(p.municipalityCode, (aged.get(p.municipalityCode) ?? 0) + 1);
    }
    const used = new Set(
      (await queryRows<{ civic_no: string }>(tx, sql`SELECT DISTINCT civic_no FROM persons WHERE civic_no IS NOT NULL`)).map(
        (r) => r.civic_no,
      ),
    );
    const extra = generatedYoungPeople(random, today, aged, used, 0.01).filter((p) => municipal.some((m) => m.code === p.municipalityCode));
    const pool = [...own, ...extra];

    // A half-yearly extract over the past year: before each, the notices every organiser owes on that day.
    const steps = [-364, -182, 0].map((d) => addDays(today, d));
    const organiserIds = (await queryRows<{ id: string }>(tx, sql`SELECT id FROM organisers ORDER BY name, id`)).map((r) => r.id);
    for (const step of steps) {
      const ctx = systemContext(new Date(`${step}T03:00:00Z`), 'demo-kaa');
      for (const id of organiserIds) await runNotices(tx, ctx, id, step);
      for (const m of municipal) {
        const file = populationFile(
          pool.filter((p) => p.municipalityCode === m.code),
          step,
        );
        const outcome = await importPopulation(tx, m.id, file, { asOf: step, importedBy: null });
        if (outcome.rowsRejected > 0)
          throw new Error(`Demoregionens folkbokföringsuttag för ${m.name} hade fel: ${outcome.problems[0]?.problem}`);
      }
      options.onProgress?.(`KAA: uttag och målgrupp per ${step}`);
    }
    await confirmAbsence(tx, seed, today);
    await startsElsewhere(tx, seed, municipal, today);
    await acknowledgeNotices(tx, random, today);
    await dismissFalsePositives(tx, seed, municipal, today);
    // A random per municipality, so that one municipality's register does not change another's year of work.
    for (const m of municipal) await recordWork(tx, createRandom(seed * 7919 + Number(m.code)), seed, m, today);
    return extra.length;
  });
  const figures = await demoKaaFigures(database.db, today);
  options.onProgress?.(
    `KAA: ${figures.inGroup} av ${figures.aged16to19} unga 16–19 år i målgruppen (${(figures.share * 100).toFixed(1)} %), ${figures.noticesReceived} meddelanden, ${figures.contacts} kontakter, ${figures.measures} insatser`,
  );
  return { ...figures, generated, durationMs: Date.now() - started };
}

/** Most notices received more than a week ago are acknowledged a few days after they arrived, as the route does it. */
async function acknowledgeNotices(tx: DbOrTx, random: Random, today: string) {
  const received = await queryRows<{
    id: string;
    tenant_id: string;
    delivery_id: string;
    counterpart_organiser_id: string | null;
    received_at: string;
  }>(
    tx,
    sql`SELECT id, tenant_id, delivery_id, counterpart_organiser_id, received_at::text FROM kaa_notices
         WHERE direction = 'received' AND channel = 'internal' AND received_at IS NOT NULL ORDER BY tenant_id, id`,
  );
  const officers = await officerIds(tx);
  for (const n of received) {
    const day = n.received_at.slice(0, 10);
    if (addDays(day, 7) > today || !random.chance(0.75)) continue;
    const receiptAt = `${addDays(day, random.int(1, 5))}T08:30:00.000Z`;
    await tx.execute(sql`UPDATE kaa_notices SET status = 'acknowledged', receipt_at = ${receiptAt}, receipt_by = ${officers.get(n.tenant_id) ?? null}
                          WHERE tenant_id = ${n.tenant_id}::uuid AND id = ${n.id}::uuid`);
    if (n.counterpart_organiser_id)
      await tx.execute(sql`UPDATE kaa_notices SET receipt_at = ${receiptAt}
                            WHERE tenant_id = ${n.counterpart_organiser_id}::uuid AND delivery_id = ${n.delivery_id}::uuid AND direction = 'sent'`);
  }
}

/** The account of a KAA officer in each tenant (the demo `kaa` account where it exists). */
async function officerIds(tx: DbOrTx): Promise<Map<string, string>> {
  const rows = await queryRows<{ tenant_id: string; account_id: string }>(
    tx,
    sql`SELECT DISTINCT ON (tenant_id) tenant_id, account_id FROM role_assignments WHERE role = 'kaa' ORDER BY tenant_id, account_id`,
  );
  return new Map(rows.map((r) => [r.tenant_id, r.account_id]));
}

/** A year of the officer's work in one municipality, through the register's own commands. */
async function recordWork(tx: DbOrTx, random: Random, seed: number, m: { id: string; code: string }, today: string) {
  const accountId = (await officerIds(tx)).get(m.id) ?? stableId(seed, 'kaa-officer', m.code);
  const ctxOn = (day: string): ActorContext => ({
    requestId: `demo-kaa:${m.code}:${day}`,
    ip: 'local',
    now: new Date(`${day}T14:00:00Z`),
    actor: { accountId, username: 'demo-kaa', displayName: 'KAA-handläggare', tenantId: m.id, assignments: [] },
  });
  const sloppy = m.code === demoKaaSloppyMunicipality;
  const yearAgo = addDays(today, -365);
  const halfStart = `${today.slice(0, 4)}-${today.slice(5) >= '07-01' ? '07' : '01'}-01`;
  // The latest registration period of each young person, if it touched the past year.
  const periods = await queryRows<{ youth_id: string; registered_on: string; deregistered_on: string | null; reason: string | null }>(
    tx,
    // In civic-number order, not by the random ids, so that the seeded randomness meets the young people in the same
    // order on every run and both engines (the ids differ from run to run).
    sql`SELECT p.youth_id, p.registered_on, p.deregistered_on, p.reason FROM (
          SELECT DISTINCT ON (youth_id) youth_id, registered_on::text, deregistered_on::text, deregistration_reason AS reason
            FROM kaa_registrations WHERE tenant_id = ${m.id}::uuid ORDER BY youth_id, registered_on DESC, created_at DESC) p
          JOIN kaa_youth y ON y.tenant_id = ${m.id}::uuid AND y.id = p.youth_id
         ORDER BY y.civic_no`,
  );
  let missingOccupations = 0;
  let openAfterEnd = 0;
  for (const p of periods) {
    if (p.deregistered_on !== null && p.deregistered_on < yearAgo) continue;
    const [youth] = await tx
      .select()
      .from(kaaYouth)
      .where(and(eq(kaaYouth.tenantId, m.id), eq(kaaYouth.id, p.youth_id)));
    if (!youth) continue;
    const from = maxDate(p.registered_on, yearAgo);
    const to = p.deregistered_on ?? today;
    const span = daysBetween(from, to);
    if (span < 3 || !random.chance(0.92)) continue; // a few are still waiting for their first letter
    // A letter first, then calls until someone answers (or not).
    const letter = addDays(from, random.int(1, Math.min(10, span)));
    await addContact(tx, ctxOn(letter), youth, { contactedOn: letter, kind: 'letter', outcome: 'not-reached' });
    let day = letter;
    let reachedOn: string | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      day = addDays(day, random.int(3, 14));
      if (day > to) break;
      const reached = random.chance(attempt === 0 ? 0.55 : 0.6);
      const kind = random.pick(['phone', 'phone', 'sms', 'home-visit', 'meeting'] as const);
      if (!reached) {
        await addContact(tx, ctxOn(day), youth, {
          contactedOn: day,
          kind,
          outcome: random.pick(['not-reached', 'not-reached', 'declined'] as const),
        });
        continue;
      }
      reachedOn = day;
      // The occupation at the contact is recorded with it (Lidköping forgets it for the first two it reaches this half-year).
      const slip = sloppy && missingOccupations < 2 && day >= halfStart;
      if (slip) missingOccupations += 1;
      else await addOccupation(tx, ctxOn(day), youth, { timing: 'current', kind: random.pick(occupationsNow), fromDate: from });
      await addContact(tx, ctxOn(day), youth, { contactedOn: day, kind, outcome: 'reached' });
      break;
    }
    if (!reachedOn) continue;
    // Follow-up contacts every six weeks to three months while the responsibility lasts.
    for (let d = addDays(reachedOn, random.int(45, 90)); d <= to; d = addDays(d, random.int(45, 90)))
      if (random.chance(0.6))
        await addContact(tx, ctxOn(d), youth, {
          contactedOn: d,
          kind: random.pick(['phone', 'meeting', 'sms'] as const),
          outcome: 'reached',
        });
    const planned = random.chance(0.7);
    if (planned) {
      const on = minDate(addDays(reachedOn, random.int(0, 10)), to);
      const [goal, plan] = random.pick(goals);
      await savePlan(tx, ctxOn(on), youth, { goal, plan, establishedOn: on });
      await addOccupation(tx, ctxOn(on), youth, {
        timing: 'planned',
        kind: random.pick(['upper-secondary-national', 'adult-education', 'work', 'folk-high-school'] as const),
      });
    }
    if (!random.chance(planned ? 0.8 : 0.4)) continue;
    const start = addDays(reachedOn, random.int(5, 21));
    if (start > to) continue;
    const chosen = random.pick(measures);
    const responsible = random.pick(['municipality', 'municipality', 'young-person', 'other-actor'] as const);
    const measure = await openMeasure(tx, ctxOn(start), youth, {
      kind: chosen.kind,
      description: chosen.description,
      responsible,
      startDate: start,
      youngPersonPart: 'Kommer på överenskomna träffar och hör av sig vid förhinder.',
      municipalityPart: 'Aktivitetsansvarig håller kontakten och följer upp.',
      ...(responsible === 'other-actor' ? { otherActor: 'Arbetsförmedlingen', otherActorPart: 'Ansvarar för insatsens innehåll.' } : {}),
      followUpOn: addDays(start, 30),
      evaluationOn: addDays(start, 90),
    });
    const [measureRow] = await tx
      .select()
      .from(kaaMeasures)
      .where(and(eq(kaaMeasures.tenantId, m.id), eq(kaaMeasures.id, measure.id)));
    if (!measureRow) continue;
    if (p.deregistered_on !== null) {
      // The responsibility ended: the measure ends with it (Lidköping once leaves one open).
      if (sloppy && openAfterEnd < 2 && p.deregistered_on >= halfStart) {
        openAfterEnd += 1;
        continue;
      }
      const endDate = maxDate(start, addDays(p.deregistered_on, -random.int(0, 5)));
      const started = p.reason === 'started-national' || p.reason === 'started-introduction';
      await closeMeasure(tx, ctxOn(endDate), measureRow, {
        version: measureRow.version,
        endDate,
        endReason: started ? 'started-education' : p.reason === 'moved' ? 'moved' : p.reason === 'turned-20' ? 'turned-20' : 'completed',
        outcome:
          p.reason === 'started-introduction'
            ? 'upper-secondary-introduction'
            : started
              ? 'upper-secondary-national'
              : random.pick(['work', 'none', 'other'] as const),
      });
    } else if (addDays(start, 60) <= today && random.chance(0.5)) {
      const endDate = minDate(addDays(start, random.int(60, 150)), today);
      await closeMeasure(tx, ctxOn(endDate), measureRow, {
        version: measureRow.version,
        endDate,
        endReason: random.pick(['completed', 'completed', 'young-person-ended', 'started-work'] as const),
        outcome: random.pick(['work', 'adult-education', 'folk-high-school', 'labour-market-programme', 'none'] as const),
      });
    }
  }
}

/** The register's figures across the region as of `today` (what the summary, the test and docs/demo-region.md report). */
export async function demoKaaFigures(db: DbOrTx, today: string): Promise<Omit<DemoKaaSummary, 'generated' | 'durationMs'>> {
  const lowest = `${Number(today.slice(0, 4)) - 20}${today.slice(4)}`;
  const highest = `${Number(today.slice(0, 4)) - 16}${today.slice(4)}`;
  const [c] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(DISTINCT tenant_id)::int FROM kaa_population) AS municipalities,
               (SELECT count(*)::int FROM kaa_population WHERE birth_date > ${lowest}::date AND birth_date <= ${highest}::date) AS aged,
               (SELECT count(*)::int FROM kaa_youth WHERE in_group AND birth_date > ${lowest}::date AND birth_date <= ${highest}::date) AS "inGroup",
               (SELECT count(*)::int FROM kaa_notices WHERE direction = 'sent') AS sent,
               (SELECT count(*)::int FROM kaa_notices WHERE direction = 'received') AS received,
               (SELECT count(*)::int FROM kaa_notices WHERE direction = 'received' AND receipt_at IS NOT NULL) AS receipts,
               (SELECT count(*)::int FROM kaa_contacts) AS contacts,
               (SELECT count(*)::int FROM kaa_contacts WHERE outcome = 'reached') AS reached,
               (SELECT count(*)::int FROM kaa_plans) AS plans,
               (SELECT count(*)::int FROM kaa_measures) AS measures,
               (SELECT count(*)::int FROM kaa_measures WHERE status = 'closed') AS closed,
               (SELECT count(*)::int FROM kaa_notices WHERE direction = 'sent' AND kind = 'absence' AND status = 'proposed') AS "absenceProposed",
               (SELECT count(*)::int FROM kaa_notices WHERE direction = 'sent' AND kind = 'absence' AND status = 'sent') AS "absenceSent",
               (SELECT count(*)::int FROM kaa_notices WHERE direction = 'received' AND channel = 'file') AS "fileNotices",
               (SELECT count(*)::int FROM kaa_dismissals WHERE revoked_at IS NULL) AS dismissed`,
  );
  const reasons = await queryRows<{ reason: string; n: number }>(
    db,
    sql`SELECT r.registration_reason AS reason, count(*)::int AS n FROM kaa_registrations r
          JOIN kaa_youth y ON y.tenant_id = r.tenant_id AND y.id = r.youth_id
         WHERE r.deregistered_on IS NULL AND y.in_group GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const aged = c?.aged ?? 0;
  const inGroup = c?.inGroup ?? 0;
  return {
    municipalities: c?.municipalities ?? 0,
    aged16to19: aged,
    inGroup,
    share: aged === 0 ? 0 : Number((inGroup / aged).toFixed(4)),
    reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n])),
    noticesSent: c?.sent ?? 0,
    noticesReceived: c?.received ?? 0,
    receipts: c?.receipts ?? 0,
    contacts: c?.contacts ?? 0,
    reached: c?.reached ?? 0,
    plans: c?.plans ?? 0,
    measures: c?.measures ?? 0,
    measuresClosed: c?.closed ?? 0,
    absenceProposed: c?.absenceProposed ?? 0,
    absenceSent: c?.absenceSent ?? 0,
    fileNotices: c?.fileNotices ?? 0,
    dismissed: c?.dismissed ?? 0,
  };
}
