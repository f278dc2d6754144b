/**
 * Errata in SIS's published OpenAPI for SS 12000 v2.1, patched before the validators are
 * compiled. Each patch is small, explicit and explained; docs/ss12000.md lists them too.
 * A patch that no longer matches the spec (e.g. a corrected spec release) throws, so that
 * a stale erratum is noticed instead of silently doing nothing.
 */

/** The part of the OpenAPI document the importer compiles: components.schemas. */
export type SchemaMap = Record<string, Record<string, unknown>>;

export interface Erratum {
  schema: string;
  /** Why the spec is wrong and what the patch does. */
  why: string;
  apply(schemas: SchemaMap): void;
}

function requiredOf(schemas: SchemaMap, name: string): string[] {
  const required = schemas[name]?.required;
  if (!Array.isArray(required)) throw new Error(`Erratum för ${name}: schemat saknar required (spec changed?)`);
  return required as string[];
}

function replaceRequired(schemas: SchemaMap, name: string, from: string, to: string | null): void {
  const required = requiredOf(schemas, name);
  const i = required.indexOf(from);
  if (i < 0) throw new Error(`Erratum för ${name}: "${from}" finns inte i required (spec changed?)`);
  if (to === null) required.splice(i, 1);
  else required[i] = to;
}

/** The patch list, applied in order. */
export const errata: readonly Erratum[] = [
  {
    schema: 'Grade',
    why: '`required` lists `schoolUnit`, which is not a property of Grade; the school unit is the property `organisation` (Grade_organisation, a SchoolUnitReference).',
    apply: (s) => replaceRequired(s, 'Grade', 'schoolUnit', 'organisation'),
  },
  {
    schema: 'Grade',
    why: '`adaptedStudyPlan` is required although it only applies to grades set under an anpassad studiegång; ordinary grades have none.',
    apply: (s) => replaceRequired(s, 'Grade', 'adaptedStudyPlan', null),
  },
  {
    schema: 'Grade',
    why: '`registeredBy` is required, but converted and transferred grades (converted: true, grades from another organiser) have no registering person in the receiving system. Fullfölj stores it when present (grades.registered_by_id is nullable).',
    apply: (s) => replaceRequired(s, 'Grade', 'registeredBy', null),
  },
  {
    schema: 'AttendanceSchedule',
    why: '`required` lists `scheduleDays`, which is not a property. Not imported by Fullfölj, patched so the whole component set compiles.',
    apply: (s) => replaceRequired(s, 'AttendanceSchedule', 'scheduleDays', null),
  },
  {
    schema: 'AttendanceScheduleEntry',
    why: '`startTime`/`endTime` carry a regular expression in `format` ("^[0-9]{2}:[0-9]{2}$"); it belongs in `pattern`.',
    apply: (s) => {
      const props = s.AttendanceScheduleEntry?.properties as Record<string, Record<string, unknown>> | undefined;
      for (const key of ['startTime', 'endTime']) {
        const prop = props?.[key];
        if (!prop || typeof prop.format !== 'string' || !prop.format.startsWith('^')) {
          throw new Error(`Erratum för AttendanceScheduleEntry.${key}: format är inte ett reguljärt uttryck (spec changed?)`);
        }
        prop.pattern = prop.format;
        delete prop.format;
      }
    },
  },
  {
    schema: 'DeletedEntities_data',
    why: 'The list of deleted activities is spelled `activitites`; servers that fix the typo send `activities`. Both are accepted.',
    apply: (s) => {
      const props = s.DeletedEntities_data?.properties as Record<string, unknown> | undefined;
      if (!props?.activitites) throw new Error('Erratum för DeletedEntities_data: activitites saknas (spec changed?)');
      props.activities = props.activitites;
    },
  },
];

/** Applies every erratum to `schemas` (mutates and returns it). */
export function applyErrata(schemas: SchemaMap): SchemaMap {
  for (const erratum of errata) erratum.apply(schemas);
  return schemas;
}
