/**
 * Completion by starting cohort (statistics.read, no names): per cohort and group (all, the national programmes,
 * programme type, programme, school unit, home municipality, sex) the starters and, for each horizon the cohort has
 * reached (3, 4, 5 years), how many have a gymnasieexamen, a studiebevis, are still studying or have left. Counts of
 * 1–4 are null ('small'), and so are counts that would give one away by subtraction ('complementary').
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';

export const suppression = z.enum(['small', 'complementary']).nullable();
const count = z.number().int().nullable();
const name = z.object({ sv: z.string(), en: z.string() });

export const horizonFigures = z.object({
  years: z.number().int(),
  /** The date the statuses are read on: 30 June of the cohort's n-th school year. */
  by: z.string(),
  examen: count,
  studiebevis: count,
  studying: count,
  left: count,
  suppressed: z.object({ examen: suppression, studiebevis: suppression, studying: suppression, left: suppression }),
  /**
   * Of those who left (total row only; null elsewhere): after changing programme, only ever on an introduktionsprogram
   * (no transition to a national programme), and the others. Moving is not in the records.
   */
  leftReasons: z
    .object({
      changedProgramme: count,
      introductionOnly: count,
      other: count,
      suppressed: z.object({ changedProgramme: suppression, introductionOnly: suppression, other: suppression }),
    })
    .nullable(),
  /** Shares of the starters (0–1), null when a count they need is not shown. */
  share: z.object({ examen: z.number().nullable(), examenOrStudiebevis: z.number().nullable() }),
});
export type HorizonFigures = z.output<typeof horizonFigures>;

export const dimension = z.enum(['all', 'national', 'programme-type', 'programme', 'school-unit', 'home-municipality', 'sex']);
export type Dimension = z.output<typeof dimension>;

export const completionGroup = z.object({
  dimension,
  /** For grouping in the page only; never shown. */
  key: z.string(),
  name,
  starters: count,
  startersSuppressed: suppression,
  within: z.array(horizonFigures),
});
export type CompletionGroup = z.output<typeof completionGroup>;

export const completion = z.object({
  asOf: z.string(),
  organiser: z.object({ name: z.string(), municipalityCode: z.string() }),
  cohorts: z.array(z.object({ startYear: z.number().int(), groups: z.array(completionGroup) })),
});
export type Completion = z.output<typeof completion>;

export const completionApi = {
  read: endpoint({
    method: 'GET',
    path: '/api/follow-up/completion',
    query: z.strictObject({}),
    response: completion,
    labels: {},
  }),
};

/** The breakdowns' names as a person reads them. */
export const dimensionLabels: Record<Dimension, { sv: string; en: string }> = {
  all: { sv: 'Alla som började', en: 'All starters' },
  national: { sv: 'Nationella program', en: 'National programmes' },
  'programme-type': { sv: 'Programtyp', en: 'Programme type' },
  programme: { sv: 'Program', en: 'Programme' },
  'school-unit': { sv: 'Skolenhet', en: 'School unit' },
  'home-municipality': { sv: 'Hemkommun', en: 'Home municipality' },
  sex: { sv: 'Kön', en: 'Sex' },
};
