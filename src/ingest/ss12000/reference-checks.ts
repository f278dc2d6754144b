/**
 * References between documents: a reference must point at a document in the same page or one
 * already in the database for this tenant (endpoints are imported in dependency order, so
 * earlier endpoints are committed). One query per referenced table per page.
 * References within the same endpoint (parentOrganisation, parentProgramme, responsibles)
 * are not checked: the target may come on a later page of the same endpoint.
 * Ids found once are remembered for the rest of the run (`KnownReferences`), so a page asks only for ids no earlier
 * page referred to: the students of an attendance page are nearly all known after its first page.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../server/db/client.ts';
import { uuidArray } from './bulk-upsert.ts';
import type { Endpoint, Ref } from './documents.ts';
import type { FieldIssue } from './validation-messages.ts';

export type Target = 'organisations' | 'programmes' | 'syllabuses' | 'persons' | 'groups' | 'duties' | 'activities' | 'calendarEvents';

const tableOf: Record<Target, string> = {
  organisations: 'organisations',
  programmes: 'programmes',
  syllabuses: 'syllabuses',
  persons: 'persons',
  groups: 'groups',
  duties: 'duties',
  activities: 'activities',
  calendarEvents: 'calendar_events',
};

const entityName: Record<Target, string> = {
  organisations: 'organisationen',
  programmes: 'programmet',
  syllabuses: 'kursen/ämnet (syllabus)',
  persons: 'personen',
  groups: 'gruppen',
  duties: 'tjänsten (duty)',
  activities: 'aktiviteten',
  calendarEvents: 'kalenderhändelsen',
};

/** [field, target endpoint, referenced id] of one document. */
type RefList = [string, Target, string][];
type Doc = Record<string, unknown>;

const one = (list: RefList, field: string, target: Target, ref: unknown) => {
  if (ref && typeof (ref as Ref).id === 'string') list.push([field, target, (ref as Ref).id]);
};
const many = (list: RefList, field: string, target: Target, items: unknown, pick: (x: Doc) => unknown, sub: string) => {
  (items as Doc[] | undefined)?.forEach((x, i) => one(list, `${field}[${i}]${sub}`, target, pick(x)));
};

/** The references of one document that must resolve. */
function referencesOf(endpoint: Endpoint, d: Doc): RefList {
  const r: RefList = [];
  switch (endpoint) {
    case 'persons':
      many(r, 'enrolments', 'organisations', d.enrolments, (e) => e.enroledAt, '.enroledAt');
      many(r, 'enrolments', 'programmes', d.enrolments, (e) => e.programme, '.programme');
      break;
    case 'groups':
      one(r, 'organisation', 'organisations', d.organisation);
      many(r, 'groupMemberships', 'persons', d.groupMemberships, (m) => m.person, '.person');
      break;
    case 'duties':
      one(r, 'person', 'persons', d.person);
      one(r, 'dutyAt', 'organisations', d.dutyAt);
      many(r, 'assignmentRole', 'groups', d.assignmentRole, (a) => a.group, '.group');
      break;
    case 'activities':
      one(r, 'organisation', 'organisations', d.organisation);
      one(r, 'syllabus', 'syllabuses', d.syllabus);
      many(r, 'groups', 'groups', d.groups, (g) => g, '');
      many(r, 'teachers', 'duties', d.teachers, (t) => t.duty, '.duty');
      break;
    case 'calendarEvents':
      one(r, 'activity', 'activities', d.activity);
      break;
    case 'attendances':
      one(r, 'calendarEvent', 'calendarEvents', d.calendarEvent);
      one(r, 'student', 'persons', d.student);
      break;
    case 'aggregatedAttendance':
      one(r, 'activity', 'activities', d.activity);
      one(r, 'student', 'persons', d.student);
      break;
    case 'grades':
      one(r, 'student', 'persons', d.student);
      one(r, 'organisation', 'organisations', d.organisation);
      one(r, 'syllabus', 'syllabuses', d.syllabus);
      one(r, 'group', 'groups', d.group);
      break;
    case 'certificates':
      one(r, 'student', 'persons', d.student);
      one(r, 'schoolUnit', 'organisations', d.schoolUnit);
      break;
    default:
      break;
  }
  return r;
}

/** The ids among `ids` that exist in `target` for the tenant. */
async function existing(db: DbOrTx, tenantId: string, target: Target, ids: Set<string>): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    SELECT id::text AS id FROM ${sql.raw(tableOf[target])}
     WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuidArray(ids)})`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Ids found in the database earlier in the same run, per target: a run's documents refer to the same students, units
 * and lessons page after page. Only ids that exist are kept (an unknown one is asked again: it may have been imported
 * since); the run itself deletes nothing before its end (deletedEntities are applied last).
 */
export type KnownReferences = Map<Target, Set<string>>;

/** At most this many ids per target are remembered (a national import's lessons would not fit otherwise). */
const KNOWN_MAX = 500_000;

/** Unresolved references per document index of `docs` (documents of one page). */
export async function checkReferences(
  db: DbOrTx,
  tenantId: string,
  endpoint: Endpoint,
  docs: Map<number, unknown>,
  known: KnownReferences = new Map(),
): Promise<Map<number, FieldIssue[]>> {
  const wanted = new Map<Target, Set<string>>();
  // The references are listed again below only when one is missing (rarely): not kept for every document of the page.
  for (const doc of docs.values()) {
    for (const [, target, id] of referencesOf(endpoint, doc as Doc)) {
      if (target === endpoint) continue;
      const lower = id.toLowerCase();
      if (known.get(target)?.has(lower)) continue;
      let set = wanted.get(target);
      if (!set) wanted.set(target, (set = new Set()));
      set.add(lower);
    }
  }
  const found = new Map<Target, Set<string>>();
  let missing = false;
  for (const [target, ids] of wanted) {
    const hits = await existing(db, tenantId, target, ids);
    found.set(target, hits);
    missing ||= hits.size < ids.size;
    let remembered = known.get(target);
    if (!remembered) known.set(target, (remembered = new Set()));
    for (const id of hits) if (remembered.size < KNOWN_MAX) remembered.add(id);
  }
  const issues = new Map<number, FieldIssue[]>();
  // Every reference known before or found now: nothing to report, and no second pass over the page.
  if (!missing) return issues;
  for (const [index, doc] of docs) {
    for (const [field, target, id] of referencesOf(endpoint, doc as Doc)) {
      const lower = id.toLowerCase();
      if (target === endpoint || known.get(target)?.has(lower) || found.get(target)?.has(lower)) continue;
      const list2 = issues.get(index) ?? [];
      list2.push({
        field: `${field}.id`,
        reason: `okänd referens: ${entityName[target]} finns varken i importen eller i databasen (unknown reference)`,
      });
      issues.set(index, list2);
    }
  }
  return issues;
}
