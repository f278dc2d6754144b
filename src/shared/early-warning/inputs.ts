/**
 * What the early-detection routes accept, and what each field is called on the form. Unknown fields are refused, so a
 * typo never widens a query; dates are calendar dates that exist (1900–2100), query numbers decimal digits, and every
 * number in a body has its range.
 */
import { z } from 'zod';
import type { FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, decimalInteger, pageNumber, pageSize } from '../input/index.ts';
import { connectednessDimensions, connectednessLevels, dimensionLabels } from './labels.ts';
import { thresholdNames, thresholdSpecs, thresholdsPatch } from './thresholds.ts';

/** Most school units one settings change may give a capacity (an organiser has far fewer). */
export const maxCapacityUnits = 1000;
/** Most students in one CSV export of the worklist. */
export const worklistExportLimit = 10_000;

const worklistFilter = {
  schoolUnitId: z.uuid().optional(),
  minTier: decimalInteger(1, 3).default(2),
};
export const worklistQuery = z.strictObject({ ...worklistFilter, page: pageNumber(10_000), pageSize: pageSize(25, 100) });
/** The CSV export takes the worklist's filter and gives every student it selects (up to the export limit). */
export const worklistExportQuery = z.strictObject(worklistFilter);

export const studentParams = z.strictObject({ id: z.uuid() });
export const modelParams = z.strictObject({ id: z.uuid() });
export const emptyQuery = z.strictObject({});
export const reportQuery = z.strictObject({ format: z.enum(['json', 'html']).default('html') });

/** A level is text first, so that a dimension left unrated is "missing", not "a value that is not one of the choices". */
const level = z.string().pipe(z.enum(connectednessLevels));
export const connectednessBody = z.strictObject({
  studentId: z.uuid(),
  ratedOn: calendarDate().optional(),
  academic: level,
  behavioural: level,
  social: level,
  affective: level,
});

export const trainBody = z.strictObject({
  asOf: calendarDate().optional(),
  stage: z.enum(['GY', 'GR']).optional(),
});

export const settingsBody = z.strictObject({
  /** Known thresholds only, each within its cited range; the order of the levels is checked after merging. */
  thresholds: thresholdsPatch.optional(),
  capacities: z
    .record(
      z.uuid(),
      z
        .number()
        .min(1)
        .max(1000)
        .refine(Number.isInteger, { error: 'ska vara ett heltal', params: { reason: 'integer' } }),
    )
    .refine((value) => Object.keys(value).length <= maxCapacityUnits, {
      error: 'högst 1 000 skolenheter i en ändring',
      params: { text: { sv: 'får ha högst 1 000 skolenheter i en ändring', en: 'may have at most 1,000 school units in one change' } },
    })
    .optional(),
});

/** The fields as the pages label them. */
export const earlyWarningLabels: FieldLabels = {
  id: { sv: 'Elev', en: 'Student' },
  schoolUnitId: { sv: 'Skolenhet', en: 'School unit' },
  minTier: { sv: 'Visa från stödnivå', en: 'Show from tier' },
  page: { sv: 'Sida', en: 'Page' },
  pageSize: { sv: 'Antal per sida', en: 'Rows per page' },
  studentId: { sv: 'Elev', en: 'Student' },
  ratedOn: { sv: 'Datum för skattningen', en: 'Date of the rating' },
  ...Object.fromEntries(connectednessDimensions.map((d) => [d, dimensionLabels[d]])),
  thresholds: { sv: 'Gränsvärden', en: 'Thresholds' },
  ...Object.fromEntries(thresholdNames.map((name) => [`thresholds.${name}`, thresholdSpecs[name].label])),
  capacities: { sv: 'Kapacitet per skolenhet', en: 'Capacity per school unit' },
  asOf: { sv: 'Träna per datum', en: 'Train as of' },
  stage: { sv: 'Förutsäger', en: 'Predicts' },
};

/** The model routes' own labels: their `id` is a model version, not a student. */
export const modelLabels: FieldLabels = { ...earlyWarningLabels, id: { sv: 'Modellversion', en: 'Model version' } };
