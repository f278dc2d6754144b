/**
 * Completion by cohort for one organiser over the school units in scope: counted in the database in one statement
 * (cohort-counts.ts), named and suppressed here (completion-disclosure.ts).
 */
import type { DbOrTx } from '../../db/client.ts';
import { protectTable, shown, type Suppression } from '../../platform/disclosure.ts';
import type { Completion, CompletionGroup, HorizonFigures } from '../../../shared/follow-up/completion.ts';
import { completionHorizons } from '../../../shared/follow-up/vocabulary.ts';
import type { UnitScope } from '../interventions/dashboard.ts';
import { countCohortsInDatabase, type LeftReasons } from './cohort-counts.ts';
import { cutOff, type CohortCounts, type GroupCounts, type ProgrammeType } from './cohorts.ts';
import { protectCohort } from './completion-disclosure.ts';

/** How many cohorts back the figures go (five horizons' worth and the ones still running). */
export const cohortsShown = 8;

const programmeTypeNames: Record<ProgrammeType | 'unknown', { sv: string; en: string }> = {
  'higher-education-preparatory': { sv: 'Högskoleförberedande program', en: 'Higher education preparatory programmes' },
  vocational: { sv: 'Yrkesprogram', en: 'Vocational programmes' },
  introduction: { sv: 'Introduktionsprogram', en: 'Introductory programmes' },
  unknown: { sv: 'Okänd programtyp', en: 'Unknown programme type' },
};
const sexNames: Record<string, { sv: string; en: string }> = {
  Kvinna: { sv: 'Flickor', en: 'Girls' },
  Man: { sv: 'Pojkar', en: 'Boys' },
  unknown: { sv: 'Okänt kön', en: 'Sex unknown' },
};

/** The earliest cohort shown on `asOf`. */
export const earliestShown = (asOf: string): number =>
  Number(asOf.slice(0, 4)) - (Number(asOf.slice(5, 7)) >= 7 ? 0 : 1) - cohortsShown + 1;

/** The name of a group as a person reads it, from the name the records hold (`raw`) where the group has one. */
export function groupLabel(group: GroupCounts, raw: string | null | undefined): { sv: string; en: string } {
  const same = (sv: string) => ({ sv, en: sv });
  switch (group.dimension) {
    case 'all':
      return { sv: 'Alla', en: 'All' };
    case 'national':
      return { sv: 'Nationella program', en: 'National programmes' };
    case 'programme-type':
      return programmeTypeNames[group.key as ProgrammeType | 'unknown'];
    case 'programme':
      return raw ? same(raw) : { sv: 'Okänt program', en: 'Unknown programme' };
    case 'school-unit':
      return same(raw || 'Skolenhet utan namn');
    case 'home-municipality':
      return raw ? same(raw) : { sv: 'Okänd hemkommun', en: 'Unknown home municipality' };
    case 'sex':
      return sexNames[group.key] ?? sexNames.unknown!;
  }
}

/** The organiser's completion figures on `asOf` for the units in scope, counted in the database and suppressed. */
export async function completionCohorts(db: DbOrTx, tenantId: string, scope: UnitScope, asOf: string): Promise<Completion['cohorts']> {
  const { cohorts, names, reasons } = await countCohortsInDatabase(db, tenantId, scope, asOf, earliestShown(asOf));
  return presentCohorts(cohorts, reasons, (g) => {
    const raw = names.get(`${g.dimension}:${g.key}`);
    // A programme without a name in the records is named by its code, as the row-by-row computation did.
    return groupLabel(g, g.dimension === 'programme' && !raw && g.key !== 'unknown' ? g.key : raw);
  });
}

/** Counts per cohort, named by `nameOf` and suppressed, as the contract has them. */
export function presentCohorts(
  counted: readonly CohortCounts[],
  reasons: LeftReasons | null,
  nameOf: (g: GroupCounts) => { sv: string; en: string },
): Completion['cohorts'] {
  return counted.map((cohort) => {
    const why = protectCohort(cohort);
    return {
      startYear: cohort.startYear,
      groups: cohort.groups.map((g, k): CompletionGroup => {
        const w = why[k]!;
        const starters = shown(g.starters, w.starters);
        return {
          dimension: g.dimension,
          key: g.key,
          name: nameOf(g),
          starters,
          startersSuppressed: w.starters,
          within: completionHorizons.flatMap((years) => {
            const c = g.within[years];
            const s = w.within[years];
            if (!c || !s) return [];
            const examen = shown(c.examen, s.examen);
            const studiebevis = shown(c.studiebevis, s.studiebevis);
            const ok = starters !== null && starters > 0;
            return [
              {
                years,
                by: cutOff(cohort.startYear, years),
                examen,
                studiebevis,
                studying: shown(c.studying, s.studying),
                left: shown(c.left, s.left),
                suppressed: s,
                leftReasons: g.dimension === 'all' ? protectReasons(c.left, s.left, reasons?.get(cohort.startYear)?.[years]) : null,
                share: {
                  examen: ok && examen !== null ? examen / g.starters : null,
                  examenOrStudiebevis: ok && examen !== null && studiebevis !== null ? (examen + studiebevis) / g.starters : null,
                },
              },
            ];
          }),
        };
      }),
    };
  });
}

/** The reasons of those who left, suppressed: they add up to the left count (known when shown, else hidden). */
function protectReasons(
  left: number,
  leftWhy: Suppression | null,
  counted: { changedProgramme: number; introductionOnly: number } | undefined,
): HorizonFigures['leftReasons'] {
  if (!counted) return null;
  const values = [counted.changedProgramme, counted.introductionOnly, left - counted.changedProgramme - counted.introductionOnly];
  const cells = [...values.map((value) => ({ value })), leftWhy === null ? { value: left, fixed: true } : { value: left, hidden: true }];
  const why = protectTable(cells, [{ parts: [0, 1, 2], total: 3 }]);
  return {
    changedProgramme: shown(values[0]!, why[0]!),
    introductionOnly: shown(values[1]!, why[1]!),
    other: shown(values[2]!, why[2]!),
    suppressed: { changedProgramme: why[0]!, introductionOnly: why[1]!, other: why[2]! },
  };
}
