/** The demo region's people: students aged 6–22 (former students for follow-up), guardians and staff. */
import { adaptedSchoolShare, cohortSizeAtScale1, familyNames, givenNames, grsHosts, gysHosts, skaraborg, streets } from './catalogue.ts';
import { termEnd, termStart } from './calendar.ts';
import { schoolYearOf } from './calendar.ts';
import { IdentityPool, loadTestNumbers, type Identity } from './identities.ts';
import { planOrganisers, type OrganiserPlan, type Unit } from './organisers.ts';
import { assignPaths, type GyPath } from './paths.ts';
import { createRandom, stableId, type Random } from './random.ts';

export type Sex = 'Man' | 'Kvinna';
export type Marking = 'Ingen' | 'Sekretessmarkering' | 'Skyddad folkbokföring';

export interface Person {
  key: string;
  givenName: string;
  familyName: string;
  sex: Sex;
  identity: Identity;
  marking: Marking;
  homeMunicipality: string;
  address: { streetAddress: string; postalCode: string; locality: string };
}

export interface Student extends Person {
  birthYear: number;
  /** Latent risk (standard normal plus modest municipality and school effects). */
  risk: number;
  /** The risk plus noise that outcomes are ranked by: outcomes follow risk, but not perfectly. */
  score: number;
  newlyArrived: boolean;
  /** In anpassad grundskola (GRS) and then anpassad gymnasieskola (GYS); outside the outcome ranking. */
  adapted: boolean;
  /** First school year in Sweden (newly arrived) — no earlier records. */
  arrival: number;
  grUnit: Unit;
  gyUnit?: Unit;
  path: GyPath;
  guardians: Person[];
}

export interface Staff extends Person {
  unit: Unit;
  role: string;
  signature: string;
}

export interface Population {
  today: string;
  currentYear: number;
  organisers: OrganiserPlan[];
  students: Student[];
  staff: Staff[];
}

/** Builds the population deterministically from seed, scale and today. */
export function buildPopulation(seed: number, scale: number, today: string): Population {
  const random = createRandom(seed);
  const pool = new IdentityPool(loadTestNumbers(), random);
  const s0 = schoolYearOf(today);
  const perCohort = new Map(skaraborg.map((m) => [m.code, Math.max(1, Math.round(cohortSizeAtScale1 * scale * m.weight))]));
  const organisers = planOrganisers(seed, random, perCohort);
  const municipalEffect = new Map(skaraborg.map((m) => [m.code, random.normal() * 0.15]));
  const gyUnits = organisers.flatMap((o) => o.units.filter((u) => u.schoolType === 'GY'));
  const unitIn = (code: string | undefined, type: Unit['schoolType']) =>
    organisers.find((o) => o.kind === 'municipal' && o.municipalityCode === code)?.units.find((u) => u.schoolType === type) as Unit;
  const students: Student[] = [];
  for (let birthYear = s0 - 22; birthYear <= s0 - 6; birthYear++) {
    const cohort: Student[] = [];
    for (const m of skaraborg) {
      const grUnits = organisers.find((o) => o.municipalityCode === m.code)?.units.filter((u) => u.schoolType === 'GR') ?? [];
      for (let i = 0; i < (perCohort.get(m.code) ?? 0); i++) {
        const adapted = random.chance(adaptedSchoolShare);
        const grsHost = grsHosts[m.code];
        const grUnit = adapted ? unitIn(grsHost, 'GRS') : random.pick(grUnits);
        const newlyArrived = !adapted && random.chance(0.04);
        const arrival = newlyArrived ? birthYear + random.int(13, 16) : birthYear + 6;
        if (arrival > s0) continue; // has not come to Sweden yet
        const risk = random.normal() + (municipalEffect.get(m.code) ?? 0) + grUnit.effect;
        const person = makePerson(seed, random, pool, `student:${birthYear}:${m.code}:${i}`, [birthYear], m.code);
        cohort.push({
          ...person,
          birthYear,
          risk,
          score: risk + random.normal() * 0.55,
          newlyArrived,
          adapted,
          arrival,
          grUnit,
          gyUnit: adapted ? unitIn(gysHosts[grsHost ?? ''], 'GYS') : chooseGyUnit(random, m.code, gyUnits),
          path: adapted ? adaptedPath(birthYear + 16) : { kind: 'none', start: birthYear + 16, spells: [] },
          guardians: [],
        });
      }
    }
    assignPaths(
      cohort.filter((st) => !st.adapted),
      birthYear,
      random,
    );
    for (const st of cohort) {
      const years = Array.from({ length: 13 }, (_, k) => birthYear - 27 - ((k * 5) % 13)).filter((y) => y >= 1976 && y <= 1999);
      const guardianCount = random.chance(0.8) ? 2 : 1;
      for (let g = 0; g < guardianCount; g++) {
        const guardian = makePerson(seed, random, pool, `guardian:${st.key}:${g}`, years.length ? years : [1976], st.homeMunicipality);
        st.guardians.push({
          ...guardian,
          familyName: g === 0 ? st.familyName : guardian.familyName,
          address: st.address,
          marking: st.marking,
        });
      }
      if (st.path.kind === 'none') delete st.gyUnit;
      students.push(st);
    }
  }
  const staff = organisers.flatMap((o) => o.units.flatMap((u) => staffFor(seed, random, pool, u, students)));
  return { today, currentYear: s0, organisers, students, staff };
}

/** Anpassad gymnasieskola: four years from 16, then a gymnasiesärskolebevis. */
function adaptedPath(s: number): GyPath {
  return {
    kind: 'adapted',
    start: s,
    spells: [{ programme: 'GYS', from: termStart(s), to: termEnd(s + 3) }],
    certificate: { kind: 'gymnasiesarskolebevis', date: termEnd(s + 3) },
  };
}

function chooseGyUnit(random: Random, home: string, gyUnits: Unit[]): Unit {
  const local = gyUnits.filter((u) => u.organiser.kind === 'municipal' && u.municipalityCode === home);
  const independent = gyUnits.filter((u) => u.organiser.kind === 'independent');
  const municipal = gyUnits.filter((u) => u.organiser.kind === 'municipal');
  const r = random.next();
  if (r < 0.18) return random.pick(independent);
  if (local.length > 0 && r < 0.9) return random.pick(local);
  return random.pick(municipal);
}

function makePerson(seed: number, random: Random, pool: IdentityPool, key: string, years: number[], home: string): Person {
  const sex: Sex = random.chance(0.5) ? 'Man' : 'Kvinna';
  const identity = years.length === 1 ? pool.take(years[0] as number, random) : pool.takeAny(years, random);
  const r = random.next();
  const marking: Marking = r < 0.001 ? 'Skyddad folkbokföring' : r < 0.006 ? 'Sekretessmarkering' : 'Ingen';
  const locality = skaraborg.find((m) => m.code === home)?.name ?? 'Skövde';
  return {
    key: stableId(seed, key),
    givenName: random.pick(givenNames[sex]),
    familyName: random.pick(familyNames),
    sex,
    identity,
    marking,
    homeMunicipality: home,
    address: { streetAddress: `${random.pick(streets)} ${random.int(1, 60)}`, postalCode: String(random.int(52000, 54999)), locality },
  };
}

const staffRoles = [
  'Rektor',
  'Kurator',
  'Skolsköterska',
  'Speciallärare/specialpedagog',
  'Skolpsykolog',
  'Studie- och yrkesvägledare',
] as const;

/** A unit's student-health team and rektor, and teachers enough for its classes. */
function staffFor(seed: number, random: Random, pool: IdentityPool, unit: Unit, students: Student[]): Staff[] {
  const enrolled = students.filter((s) => s.grUnit === unit || s.gyUnit === unit).length;
  const teachers = Math.max(3, Math.round(enrolled / 25));
  const roles = [...staffRoles, ...Array.from({ length: teachers }, () => 'Lärare')];
  return roles.map((role, i) => {
    const p = makePerson(seed, random, pool, `staff:${unit.id}:${i}`, [1960 + random.int(16, 39)], unit.municipalityCode);
    return {
      ...p,
      marking: 'Ingen' as const,
      unit,
      role,
      signature: `${p.givenName.slice(0, 2)}${p.familyName.slice(0, 2)}${i}`.toUpperCase(),
    };
  });
}
