/**
 * Upper-secondary paths, assigned within each birth cohort by rank of a noisy latent risk, so the
 * published shares hold exactly at any size while risk, absence, grades and outcome hang together.
 */
import { introductionProgrammes, nationalProgrammes } from './catalogue.ts';
import { termEnd, termStart } from './calendar.ts';
import type { Random } from './random.ts';

export type PathKind = 'none' | 'nat3' | 'nat4' | 'natSB' | 'natDrop' | 'im4' | 'imLeave' | 'adapted';

export interface Spell {
  programme: string;
  from: string;
  to: string;
}

export interface GyPath {
  kind: PathKind;
  /** The school year the student starts upper secondary (birth year + 16). */
  start: number;
  spells: Spell[];
  certificate?: { kind: 'gymnasieexamen' | 'studiebevis' | 'gymnasiesarskolebevis'; date: string };
}

/**
 * Calibration (shares of a cohort's starters unless noted). Skolverket: ~77 % of national-programme
 * starters with a diploma within 3 years; ~74–75 % of all starters within 4 years incl. introduktionsprogram.
 */
export const calibration = {
  neverStart: 0.015, // of the birth cohort: finish year 9, never start upper secondary
  introduction: 0.143, // of starters
  national: { within3: 0.77, fourthYear: 0.066, leavingCertificate: 0.084 }, // rest: drop out
  introductionToDiploma: 0.2, // of introduction starters: move to a national programme, diploma in year 4
} as const;

interface Candidate {
  score: number;
  newlyArrived: boolean;
  risk: number;
  path?: GyPath;
}

/** Assigns a path to every member of one birth cohort (mutates `path`). */
export function assignPaths(cohort: Candidate[], birthYear: number, random: Random): void {
  const s = birthYear + 16;
  const byScore = [...cohort].sort((a, b) => a.score - b.score);
  const never = new Set(byScore.filter((c) => !c.newlyArrived).slice(-Math.round(cohort.length * calibration.neverStart)));
  const starters = byScore.filter((c) => !never.has(c));
  const imCount = Math.round(starters.length * calibration.introduction);
  const im = new Set(starters.filter((c) => c.newlyArrived));
  for (let i = starters.length - 1; i >= 0 && im.size < imCount; i--) im.add(starters[i] as Candidate);
  const national = starters.filter((c) => !im.has(c));
  for (const c of never) c.path = { kind: 'none', start: s, spells: [] };
  const cut = (share: number) => Math.round(national.length * share);
  const n3 = cut(calibration.national.within3);
  const n4 = n3 + cut(calibration.national.fourthYear);
  const nSB = n4 + cut(calibration.national.leavingCertificate);
  national.forEach((c, i) => {
    c.path = nationalPath(i < n3 ? 'nat3' : i < n4 ? 'nat4' : i < nSB ? 'natSB' : 'natDrop', s, c.risk, random);
  });
  // The lowest-risk introduction students (newly arrived learn Swedish first) move on to a national programme.
  const movers = new Set(
    [...im]
      .filter((c) => !c.newlyArrived)
      .sort((a, b) => a.score - b.score)
      .slice(0, Math.round(im.size * calibration.introductionToDiploma)),
  );
  for (const c of im) c.path = introductionPath(movers.has(c) ? 'im4' : 'imLeave', s, c.newlyArrived, random);
}

function chooseNational(risk: number, random: Random): string {
  const academic = random.next() < 0.75 - 0.2 * risk;
  const options = nationalProgrammes.filter((p) => (p.type === 'Högskoleförberedande program') === academic);
  return random.pick(options).code;
}

function nationalPath(kind: PathKind, s: number, risk: number, random: Random): GyPath {
  const programme = chooseNational(risk, random);
  switch (kind) {
    case 'nat3':
      return {
        kind,
        start: s,
        spells: [{ programme, from: termStart(s), to: termEnd(s + 2) }],
        certificate: { kind: 'gymnasieexamen', date: termEnd(s + 2) },
      };
    case 'nat4': {
      const second = chooseNational(risk, random);
      return {
        kind,
        start: s,
        spells: [
          { programme, from: termStart(s), to: termEnd(s) },
          { programme: second === programme ? 'SA' : second, from: termStart(s + 1), to: termEnd(s + 3) },
        ],
        certificate: { kind: 'gymnasieexamen', date: termEnd(s + 3) },
      };
    }
    case 'natSB':
      return {
        kind,
        start: s,
        spells: [{ programme, from: termStart(s), to: termEnd(s + 2) }],
        certificate: { kind: 'studiebevis', date: termEnd(s + 2) },
      };
    default: {
      const day = 40 + Math.floor(random.next() * 560); // school-calendar days into the programme
      const leave = new Date(Date.UTC(s, 7, 18) + Math.round((day * 365) / 200) * 86_400_000).toISOString().slice(0, 10);
      return { kind, start: s, spells: [{ programme, from: termStart(s), to: leave < termEnd(s + 2) ? leave : termEnd(s + 1) }] };
    }
  }
}

/** A day in school year `s` (term start to term end, roughly evenly) on which a student leaves. */
function leaveDate(s: number, random: Random): string {
  const start = Date.parse(termStart(s));
  const leave = new Date(start + Math.floor((random.next() * (Date.parse(termEnd(s)) - start + 86_400_000)) / 86_400_000) * 86_400_000);
  return leave.toISOString().slice(0, 10);
}

function introductionPath(kind: PathKind, s: number, newlyArrived: boolean, random: Random): GyPath {
  const im = newlyArrived ? 'IMSPR' : random.pick(introductionProgrammes.filter((p) => p.code !== 'IMSPR')).code;
  if (kind === 'im4') {
    return {
      kind,
      start: s,
      spells: [
        { programme: im, from: termStart(s), to: termEnd(s) },
        { programme: random.pick(nationalProgrammes).code, from: termStart(s + 1), to: termEnd(s + 3) },
      ],
      certificate: { kind: 'gymnasieexamen', date: termEnd(s + 3) },
    };
  }
  // Most stay on an introduktionsprogram for two to four years and leave without a diploma, at any time of the year.
  const years = random.chance(0.03) ? 2 : random.chance(0.4) ? 3 : 4;
  return { kind, start: s, spells: [{ programme: im, from: termStart(s), to: leaveDate(s + years - 1, random) }] };
}
