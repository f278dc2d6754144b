/**
 * Completion by starting cohort, computed from the organiser's own records (pure: rows in, counts out). A student's
 * cohort is the school year (1 July–30 June) of their first upper-secondary (GY) enrolment at the organiser; within n
 * years means by 30 June of the cohort's n-th school year. By then a student has a gymnasieexamen, else a studiebevis,
 * else is still enrolled (studying), else has left. As Kolada's figures do, students without a Swedish personnummer
 * at the start are left out (here: a record whose civic number is not a personnummer, or has none).
 */
import { completionHorizons, type CompletionHorizon } from '../../../shared/follow-up/vocabulary.ts';

/** One student as the computation needs them: no name, no civic number. */
export interface StarterRow {
  startDate: string;
  /** The last day of their last upper-secondary enrolment; null while open-ended. */
  lastEnd: string | null;
  examen: string | null;
  studiebevis: string | null;
  hasPersonnummer: boolean;
  programmeType: ProgrammeType | null;
  programme: { code: string; name: string } | null;
  schoolUnit: { id: string; name: string };
  homeMunicipality: { code: string; name: string } | null;
  sex: 'Kvinna' | 'Man' | null;
}
export type ProgrammeType = 'higher-education-preparatory' | 'vocational' | 'introduction';

export const statuses = ['examen', 'studiebevis', 'studying', 'left'] as const;
export type Status = (typeof statuses)[number];
export type StatusCounts = Record<Status, number>;

/** The dimensions a cohort is broken down by; 'all' is the total, 'national' the national programmes only. */
export const dimensions = ['all', 'national', 'programme-type', 'programme', 'school-unit', 'home-municipality', 'sex'] as const;
export type Dimension = (typeof dimensions)[number];

export interface GroupCounts {
  dimension: Dimension;
  /** A name a person reads (never a code): the key for grouping is `key`. */
  key: string;
  starters: number;
  /** Per horizon; absent when the cohort has not yet reached it. */
  within: Partial<Record<CompletionHorizon, StatusCounts>>;
}
export interface CohortCounts {
  startYear: number;
  groups: GroupCounts[];
}

/** The school year a date falls in (its autumn's year). */
export const schoolYearOf = (date: string): number => {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year : year - 1;
};

/** 30 June ending the n-th school year of a cohort. */
export const cutOff = (startYear: number, years: number): string => `${startYear + years}-06-30`;

/** A student's status by `date`. */
export function statusBy(row: StarterRow, date: string): Status {
  if (row.examen && row.examen <= date) return 'examen';
  if (row.studiebevis && row.studiebevis <= date) return 'studiebevis';
  if (row.lastEnd === null || row.lastEnd >= date) return 'studying';
  return 'left';
}

const zero = (): StatusCounts => ({ examen: 0, studiebevis: 0, studying: 0, left: 0 });

function groupKeys(row: StarterRow): [Dimension, string][] {
  const keys: [Dimension, string][] = [['all', '']];
  if (row.programmeType && row.programmeType !== 'introduction') keys.push(['national', '']);
  keys.push(['programme-type', row.programmeType ?? 'unknown']);
  keys.push(['programme', row.programme?.code ?? 'unknown']);
  keys.push(['school-unit', row.schoolUnit.id]);
  keys.push(['home-municipality', row.homeMunicipality?.code ?? 'unknown']);
  keys.push(['sex', row.sex ?? 'unknown']);
  return keys;
}

/** Counts per starting cohort (oldest first) and group, for every horizon the cohort has reached by `asOf`. */
export function countCohorts(rows: readonly StarterRow[], asOf: string, earliestCohort: number): CohortCounts[] {
  const cohorts = new Map<number, Map<string, GroupCounts>>();
  for (const row of rows) {
    if (!row.hasPersonnummer) continue;
    const startYear = schoolYearOf(row.startDate);
    if (startYear < earliestCohort || row.startDate > asOf) continue;
    const groups = cohorts.get(startYear) ?? new Map<string, GroupCounts>();
    cohorts.set(startYear, groups);
    for (const [dimension, key] of groupKeys(row)) {
      const id = `${dimension}\u0000${key}`;
      const group = groups.get(id) ?? { dimension, key, starters: 0, within: {} };
      groups.set(id, group);
      group.starters++;
      for (const years of completionHorizons) {
        const date = cutOff(startYear, years);
        if (date > asOf) continue;
        const counts = (group.within[years] ??= zero());
        counts[statusBy(row, date)]++;
      }
    }
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([startYear, groups]) => ({
      startYear,
      groups: [...groups.values()].sort(
        (a, b) => dimensions.indexOf(a.dimension) - dimensions.indexOf(b.dimension) || a.key.localeCompare(b.key, 'sv'),
      ),
    }));
}
