/**
 * Who is in the target group of the municipal activity responsibility: the six criteria of skollagen (2010:800)
 * 29 kap. 9 § första stycket as rules, in one place, each with its legal source, plus how the registration and
 * deregistration reasons and the periods' dates follow from the same facts. Pure, and the rule book: the nightly
 * computation runs the same rules as SQL over every person at once (target-group-sql.ts), and a test holds that query to
 * these functions over facts gathered by facts.ts. docs/kaa.md cites each rule.
 */
import type { KaaCriterion, KaaDeregistrationReason, KaaEvidenceSource, KaaRegistrationReason } from '../../../shared/kaa/codes.ts';
import type { KaaCriterionEvidence } from '../../db/schema/kaa.ts';

/** An upper-secondary enrolment the municipality knows of: its own, or one another organiser sent notice of. */
export interface KnownEnrolment {
  source: Extract<KaaEvidenceSource, 'own-enrolments' | 'notice-received'>;
  /** `GY` or `GYS`. */
  schoolType: string;
  programmeCode: string | null;
  startDate: string;
  endDate: string | null;
  /** The organiser whose school it is, when not the municipality's own. */
  organiserName: string | null;
}

export interface KnownCertificate {
  source: Extract<KaaEvidenceSource, 'own-certificates' | 'notice-received' | 'completion-record'>;
  kind: string;
  date: string;
  organiserName: string | null;
}

/** Everything the rules look at for one person. */
export interface PersonFacts {
  birthDate: string;
  /** The population file's row: is the person folkbokförd in this municipality, and since when in Sweden. */
  municipalityCode: string;
  status: 'resident' | 'moved-out' | 'emigrated' | 'deceased';
  registeredInSwedenOn: string | null;
  enrolments: readonly KnownEnrolment[];
  /** Own certificates (gymnasieexamen, studiebevis, slutbetyg-grundskola, gymnasiesarskolebevis), completions, notices of completion. */
  certificates: readonly KnownCertificate[];
  /** Dismissed by an officer as a false positive (an active dismissal). */
  dismissed: boolean;
}

export interface Rule {
  criterion: KaaCriterion;
  /** The legal source, as cited in docs/kaa.md. */
  source: string;
  evaluate(facts: PersonFacts, asOf: string): KaaCriterionEvidence;
}

/** Whole years between `birthDate` and `asOf` (both ISO dates). */
export function ageOn(birthDate: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The day compulsory schooling ends for someone born on `birthDate`: the end of the spring term of the year they turn
 * 16 (skollagen 7 kap. 12 §, ten years of skolplikt from the autumn they turn 6), taken as 30 June.
 */
export const compulsoryEnds = (birthDate: string): string => `${Number(birthDate.slice(0, 4)) + 16}-06-30`;

/** An introduktionsprogram (IM…): since SFS 2018:749 its students are not in the target group, but they are in school. */
export const isIntroduction = (programmeCode: string | null): boolean => programmeCode !== null && /^IM/i.test(programmeCode);

const current = (e: KnownEnrolment, asOf: string) => e.startDate <= asOf && (e.endDate === null || e.endDate >= asOf);

const diplomaKinds = new Set(['gymnasieexamen']);
const specialKinds = new Set(['gymnasiesarskolebevis']);
const equivalentKinds = new Set(['ib-diploma', 'foreign-diploma', 'folkhogskola-eligibility', 'other-equivalent']);

const evidence = (
  criterion: KaaCriterion,
  holds: boolean,
  source: KaaEvidenceSource,
  date: string | null = null,
  organiserName: string | null = null,
): KaaCriterionEvidence => ({ criterion, holds, source, date, organiserName });

function certificateRule(criterion: KaaCriterion, kinds: Set<string>, legal: string): Rule {
  return {
    criterion,
    source: legal,
    evaluate(facts, asOf) {
      const found = facts.certificates.find((c) => kinds.has(c.kind) && c.date <= asOf);
      // A studiebevis is not in any of the sets: it never takes a young person out of the group.
      return found
        ? evidence(criterion, false, found.source, found.date, found.organiserName)
        : evidence(
            criterion,
            true,
            facts.certificates.some((c) => c.source === 'own-certificates') ? 'own-certificates' : 'population-file',
          );
    },
  };
}

/** The six criteria, in the law's order. All must hold for a young person to be in the group. */
export const rules: readonly Rule[] = [
  {
    criterion: 'under-20',
    source: 'Skollagen 29 kap. 9 § första stycket (har inte fyllt 20 år)',
    evaluate: (facts, asOf) => evidence('under-20', ageOn(facts.birthDate, asOf) < 20, 'population-file', facts.birthDate),
  },
  {
    criterion: 'compulsory-done',
    source:
      'Skollagen 29 kap. 9 § första stycket 1 (fullgjort skolplikten eller motsvarande, eller folkbokförd efter skolpliktsåldern); 7 kap. 12 §',
    evaluate(facts, asOf) {
      const leaving = facts.certificates.find((c) => c.kind === 'slutbetyg-grundskola' && c.date <= asOf);
      if (leaving) return evidence('compulsory-done', true, leaving.source, leaving.date, leaving.organiserName);
      const ends = compulsoryEnds(facts.birthDate);
      if (facts.registeredInSwedenOn !== null && facts.registeredInSwedenOn > ends && facts.registeredInSwedenOn <= asOf)
        return evidence('compulsory-done', true, 'population-file', facts.registeredInSwedenOn);
      return evidence('compulsory-done', ends < asOf, 'population-file', ends);
    },
  },
  {
    criterion: 'not-in-upper-secondary',
    source:
      'Skollagen 29 kap. 9 § första stycket 2 (går inte i gymnasieskolan, anpassade gymnasieskolan eller motsvarande); elever på introduktionsprogram ingår inte i målgruppen (SFS 2018:749)',
    evaluate(facts, asOf) {
      const now = facts.enrolments.find((e) => current(e, asOf));
      if (now) return evidence('not-in-upper-secondary', false, now.source, now.startDate, now.organiserName);
      const ended = latestEnded(facts.enrolments, asOf);
      if (ended) return evidence('not-in-upper-secondary', true, ended.source, ended.endDate, ended.organiserName);
      return evidence('not-in-upper-secondary', true, 'population-file');
    },
  },
  certificateRule(
    'no-diploma',
    diplomaKinds,
    'Skollagen 29 kap. 9 § första stycket 3 (har inte gymnasieexamen); ett studiebevis räcker inte',
  ),
  certificateRule(
    'no-special-certificate',
    specialKinds,
    'Skollagen 29 kap. 9 § första stycket 4 (har inte gymnasiebevis från anpassade gymnasieskolan)',
  ),
  certificateRule(
    'no-equivalent',
    equivalentKinds,
    'Skollagen 29 kap. 9 § första stycket 5 (har inte fullföljt motsvarande utbildning med godkänt resultat: IB, utbildning utomlands, folkhögskola med grundläggande behörighet)',
  ),
];

function latestEnded(enrolments: readonly KnownEnrolment[], asOf: string): KnownEnrolment | null {
  let latest: KnownEnrolment | null = null;
  for (const e of enrolments)
    if (e.endDate !== null && e.endDate < asOf && (latest === null || e.endDate > (latest.endDate ?? ''))) latest = e;
  return latest;
}

export interface Evaluation {
  /** All six criteria hold, the person is folkbokförd here, and no officer dismissed them. */
  inGroup: boolean;
  /** The six criteria hold (whatever the dismissal): what a dismissal overrides. */
  criteriaHold: boolean;
  criteria: KaaCriterionEvidence[];
  /** Why the person entered (when in the group). */
  registrationReason: KaaRegistrationReason;
  /** Why the person is not in the group (when a registration ends). */
  deregistrationReason: KaaDeregistrationReason;
}

/** Evaluates the six criteria for one person on `asOf`, with the registration and deregistration reasons. */
export function evaluate(facts: PersonFacts, asOf: string, municipalityCode: string): Evaluation {
  const criteria = rules.map((r) => r.evaluate(facts, asOf));
  const criteriaHold = criteria.every((c) => c.holds);
  const resident = facts.status === 'resident' && facts.municipalityCode === municipalityCode;
  return {
    inGroup: criteriaHold && resident && !facts.dismissed,
    criteriaHold,
    criteria,
    registrationReason: registrationReason(facts, asOf),
    deregistrationReason: deregistrationReason(facts, criteria, asOf, municipalityCode),
  };
}

/**
 * Why someone entered the group (reported to SCB since 1 July 2017): registered in Sweden after compulsory-school age;
 * left with a studiebevis; left an introduction programme; left a national programme (or anpassad gymnasieskola);
 * otherwise never started.
 */
export function registrationReason(facts: PersonFacts, asOf: string): KaaRegistrationReason {
  if (facts.registeredInSwedenOn !== null && facts.registeredInSwedenOn > compulsoryEnds(facts.birthDate))
    return 'moved-in-after-compulsory-age';
  if (facts.certificates.some((c) => c.kind === 'studiebevis' && c.date <= asOf)) return 'studiebevis';
  const ended = latestEnded(facts.enrolments, asOf);
  if (ended) return isIntroduction(ended.programmeCode) ? 'left-introduction' : 'dropout-national';
  return 'never-started';
}

/** Why someone left (or is not in) the group, from the same facts; `other` when the data does not say. */
export function deregistrationReason(
  facts: PersonFacts,
  criteria: readonly KaaCriterionEvidence[],
  asOf: string,
  municipalityCode: string,
): KaaDeregistrationReason {
  if (facts.status === 'deceased') return 'deceased';
  if (facts.status === 'emigrated') return 'emigrated';
  if (facts.status === 'moved-out' || facts.municipalityCode !== municipalityCode) return 'moved';
  const failing = (c: KaaCriterion) => criteria.some((e) => e.criterion === c && !e.holds);
  if (failing('under-20')) return 'turned-20';
  if (failing('no-diploma') || failing('no-special-certificate') || failing('no-equivalent')) return 'completed-equivalent';
  if (failing('not-in-upper-secondary')) {
    const now = facts.enrolments.find((e) => current(e, asOf));
    return now && isIntroduction(now.programmeCode) ? 'started-introduction' : 'started-national';
  }
  if (facts.dismissed) return 'dismissed';
  return 'other';
}

/** The periods' dates, as the rules state them (target-group-sql.ts computes them in the database; its test holds the two equal). */
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const maxDate = (...dates: (string | null | undefined)[]) =>
  dates.filter((d): d is string => !!d).reduce((a, b) => (b > a ? b : a), '1900-01-01');
const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The day the person last came to meet every criterion (at most `asOf`): compulsory school over (or registered in
 * Sweden after it), the last enrolment ended, registered in the municipality, the previous period ended.
 */
export function enteredOn(
  facts: PersonFacts & { registeredInMunicipalityOn: string | null },
  asOf: string,
  previousEnd: string | null,
): string {
  const compulsory =
    facts.registeredInSwedenOn && facts.registeredInSwedenOn > compulsoryEnds(facts.birthDate)
      ? facts.registeredInSwedenOn
      : addDays(compulsoryEnds(facts.birthDate), 1);
  const endedEnrolment = facts.enrolments.filter((e) => e.endDate && e.endDate < asOf).map((e) => addDays(e.endDate!, 1));
  return minDate(maxDate(compulsory, ...endedEnrolment, facts.registeredInMunicipalityOn, previousEnd), asOf);
}

/** The day the person stopped meeting the criteria: the fact's date where the evidence has one, else `asOf`. */
export function leftOn(facts: PersonFacts, evaluation: Evaluation, asOf: string, registeredOn: string): string {
  let on = asOf;
  const failing = evaluation.criteria.find((c) => !c.holds);
  if (evaluation.deregistrationReason === 'turned-20') on = `${Number(facts.birthDate.slice(0, 4)) + 20}${facts.birthDate.slice(4)}`;
  else if (failing?.date && ['started-national', 'started-introduction', 'completed-equivalent'].includes(evaluation.deregistrationReason))
    on = failing.date;
  return minDate(maxDate(on, registeredOn), asOf);
}
