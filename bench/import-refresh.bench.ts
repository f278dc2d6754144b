/**
 * `import + refresh`: an SS 12000 file's worth of documents (an organiser, its students with their enrolments, their
 * classes' lessons and every lesson's attendance for some school weeks; about 50 MB of JSON at the full size) through
 * the importer, then the early-detection refresh that follows an import (`changedOnly`, the CLI import's), against a
 * bare COPY of every row the import wrote plus one per-student aggregate of the attendance. Then, logged beside it, the
 * next import of the same day (one more lesson for a tenth of the students) and its refresh of only those students.
 * Only invented people: `Elev12 Mätsson`, no personnummer.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { importSs12000, memorySource } from '../src/ingest/ss12000/index.ts';
import { queryRows, type Database } from '../src/server/db/client.ts';
import { refreshTenant } from '../src/server/modules/early-warning/refresh.ts';
import { size, timed, withFresh, type Benchmark } from './harness.ts';
import { copyTableAcross } from './copy-table.ts';
import { benchMeta, organiserWithSchool } from './synthetic-organiser.ts';

const STUDENTS = size('BENCH_IMPORT_REFRESH_STUDENTS', 2500, 60);
const DAYS = size('BENCH_IMPORT_REFRESH_DAYS', 15, 2);
const LESSONS_PER_DAY = 5;
const CLASS_SIZE = 30;
const PAGE_SIZE = 5000;
const meta = benchMeta('2025-10-01T08:00:00Z');
/** Tables the import does not fill from the documents: reference data, its run log, and what the refresh writes. */
const NOT_IMPORTED = ['municipalities', 'import_runs', 'import_errors', '__drizzle_migrations', 'early_warning_changes'];

/** Weekdays from 2025-09-01 (a Monday), `n` of them. */
function schoolDays(n: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2025, 8, 1); out.length < n; t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** The organiser's documents; every twentieth student skips a fifth of their lessons without leave. */
function documents(students: number, days: string[]) {
  const { tenantId, school, organisations } = organiserWithSchool(randomUUID(), meta);
  const studentIds = Array.from({ length: students }, () => randomUUID());
  const classes = Array.from({ length: Math.ceil(students / CLASS_SIZE) }, (_, k) => ({ k, group: randomUUID(), activity: randomUUID() }));
  const calendarEvents = classes.flatMap((c) =>
    days.flatMap((day) =>
      Array.from({ length: LESSONS_PER_DAY }, (_, l) => ({
        id: randomUUID(),
        meta,
        activity: { id: c.activity },
        startTime: `${day}T${String(6 + l).padStart(2, '0')}:00:00Z`,
        endTime: `${day}T${String(6 + l).padStart(2, '0')}:50:00Z`,
        classIndex: c.k,
      })),
    ),
  );
  const attendances = calendarEvents.flatMap((e, n) =>
    studentIds.slice(e.classIndex * CLASS_SIZE, (e.classIndex + 1) * CLASS_SIZE).map((id, i) => {
      const away = (e.classIndex * CLASS_SIZE + i) % 20 === 0 && n % 5 === 0;
      return {
        id: randomUUID(),
        meta,
        calendarEvent: { id: e.id },
        student: { id },
        isReported: true,
        attendanceMinutes: away ? 0 : 50,
        ...(away ? { invalidAbsenceMinutes: 50 } : {}),
      };
    }),
  );
  return {
    tenantId,
    studentIds,
    classes,
    docs: {
      organisations,
      persons: studentIds.map((id, s) => ({
        id,
        meta,
        givenName: `Elev${s}`,
        familyName: 'Mätsson',
        enrolments: [{ enroledAt: { id: school }, schoolType: 'GY', schoolYear: 1 + (s % 3), startDate: '2025-08-15' }],
      })),
      groups: classes.map((c) => ({
        id: c.group,
        meta,
        displayName: `M${c.k}`,
        groupType: 'Klass',
        organisation: { id: school },
        startDate: '2025-08-15',
      })),
      activities: classes.map((c) => ({
        id: c.activity,
        meta,
        displayName: `Mät ${c.k}`,
        calendarEventsRequired: true,
        startDate: '2025-08-15',
        groups: [{ id: c.group }],
        organisation: { id: school },
      })),
      calendarEvents: calendarEvents.map(({ classIndex: _, ...e }) => e),
      attendances,
    },
  };
}

async function refresh(database: Database, tenantId: string, asOf: string) {
  return database.db.transaction((tx) => refreshTenant(tx, tenantId, asOf, { changedOnly: true }));
}

const importAndRefresh: Benchmark = {
  name: 'import + refresh',
  unit: 's',
  describe:
    `seconds to import an SS 12000 file of ${STUDENTS} students (BENCH_IMPORT_REFRESH_STUDENTS) with ${DAYS} school days of ` +
    `${LESSONS_PER_DAY} lessons each (BENCH_IMPORT_REFRESH_DAYS; pages of ${PAGE_SIZE}) and run the refresh that follows an import / ` +
    `seconds of a bare COPY of every row the import wrote plus one per-student aggregate of the attendance; lower is better`,
  async run(engine, log) {
    const days = schoolDays(DAYS);
    const asOf = days.at(-1) as string;
    const { tenantId, docs, studentIds, classes } = documents(STUDENTS, days);
    const megabytes = Buffer.byteLength(JSON.stringify(docs)) / 1e6;
    return withFresh(engine, async (imported) => {
      const load = await timed(() => importSs12000(imported, memorySource(docs, PAGE_SIZE)));
      if (load.result.status !== 'completed') throw new Error(`importen misslyckades: ${JSON.stringify(load.result.errors.slice(0, 3))}`);
      const first = await timed(() => refresh(imported, tenantId, asOf));
      // The same day's next import: one more (late) lesson for every tenth student, then the refresh of those only.
      const late = studentIds.filter((_, s) => s % 10 === 0);
      const event = {
        id: randomUUID(),
        meta,
        activity: { id: classes[0]?.activity },
        startTime: `${asOf}T13:00:00Z`,
        endTime: `${asOf}T13:50:00Z`,
      };
      const more = {
        organisations: docs.organisations,
        calendarEvents: [event],
        attendances: late.map((id) => ({
          id: randomUUID(),
          meta,
          calendarEvent: { id: event.id },
          student: { id },
          isReported: true,
          invalidAbsenceMinutes: 50,
          attendanceMinutes: 0,
        })),
      };
      const again = await timed(() => importSs12000(imported, memorySource(more, PAGE_SIZE)));
      const second = await timed(() => refresh(imported, tenantId, asOf));
      log(
        `${megabytes.toFixed(1)} MB of JSON, ${docs.attendances.length} attendance documents: import ${load.seconds.toFixed(2)} s + refresh ` +
          `${first.seconds.toFixed(2)} s (${first.result.scope}, ${first.result.students} students); the next import the same day ` +
          `(${late.length} lessons) ${again.seconds.toFixed(2)} s + refresh ${second.seconds.toFixed(2)} s (${second.result.scope}, ${second.result.students} students)`,
      );
      if (second.result.scope !== 'changed')
        throw new Error('den andra uppdateringen räknade om alla (the second refresh was not by what changed)');
      const tables = await queryRows<{ name: string }>(
        imported.db,
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
      );
      const baseline = await withFresh(engine, async (copied) => {
        let [rows, seconds] = [0, 0];
        for (const { name } of tables.filter(
          (t) => !NOT_IMPORTED.includes(t.name) && !t.name.startsWith('student_risk') && t.name !== 'indicator_episodes',
        )) {
          const [fresh] = await queryRows<{ n: number }>(copied.db, sql`select count(*)::int as n from ${sql.identifier(name)}`);
          if ((fresh?.n ?? 0) > 0) continue;
          const copy = await copyTableAcross(imported, copied, name);
          rows += copy.rows;
          seconds += copy.seconds;
        }
        const aggregate = await timed(() =>
          queryRows(
            copied.db,
            sql`select student_id, sum(attendance_minutes)::int, sum(invalid_absence_minutes)::int from attendances
                where tenant_id = ${tenantId}::uuid group by student_id`,
          ),
        );
        log(`bare: COPY of ${rows} rows ${seconds.toFixed(2)} s + aggregate ${aggregate.seconds.toFixed(2)} s`);
        return seconds + aggregate.seconds;
      });
      return { value: load.seconds + first.seconds, baseline };
    });
  },
};

/** This file's benchmarks, picked up by bench/registry.ts. */
export const benchmarks: Benchmark[] = [importAndRefresh];
