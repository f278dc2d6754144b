/**
 * The SS 12000 importer beside raw COPY, in the same run: (a) the demo region at scale 1, generated and
 * imported, against a COPY of every row it wrote; (b) attendance rows per second through the whole
 * import path (validation, mapping, per-page upserts and checkpoints) against a COPY of exactly the
 * rows it wrote. Attendance is the table that grows.
 */
import { sql } from 'drizzle-orm';
import { seedDemoRegion } from '../src/ingest/demo/index.ts';
import { importSs12000, memorySource } from '../src/ingest/ss12000/index.ts';
import { queryRows, type Database } from '../src/server/db/client.ts';
import { median, size, timed, withFresh, type Benchmark } from './harness.ts';
import { copyTableAcross } from './copy-table.ts';
import { syntheticAttendance } from './synthetic-attendance.ts';
import { benchMeta, organiserWithSchool } from './synthetic-organiser.ts';

const ROWS = size('BENCH_IMPORT_ROWS', 100_000, 300);
const PAGE_SIZE = 5000;
const meta = benchMeta();

/** One invented organiser with one school, one class and one activity, as SS 12000 documents. */
export function syntheticOrganiser() {
  const { tenantId, studentIds, lessons, rows } = syntheticAttendance(ROWS);
  const { school, organisations } = organiserWithSchool(tenantId, meta);
  const [group, activity] = [crypto.randomUUID(), crypto.randomUUID()];
  return {
    organisations,
    persons: studentIds.map((id, i) => ({ id, meta, givenName: `Elev${i}`, familyName: 'Mätsson' })),
    groups: [{ id: group, meta, displayName: 'M1', groupType: 'Klass', organisation: { id: school }, startDate: '2025-08-15' }],
    activities: [
      {
        id: activity,
        meta,
        displayName: 'Mät',
        calendarEventsRequired: true,
        startDate: '2025-08-15',
        groups: [{ id: group }],
        organisation: { id: school },
      },
    ],
    calendarEvents: lessons.map((l) => ({
      id: l.id,
      meta,
      activity: { id: activity },
      startTime: l.startTime,
      endTime: new Date(Date.parse(l.startTime) + 3_000_000).toISOString(),
    })),
    attendances: rows.map((r) => ({
      id: r.id,
      meta,
      calendarEvent: { id: r.calendarEventId },
      student: { id: r.studentId },
      isReported: true,
      attendanceMinutes: r.attendanceMinutes,
      ...(r.validAbsenceMinutes ? { validAbsenceMinutes: r.validAbsenceMinutes } : {}),
    })),
  };
}

/** A fixed date, so that every run generates the same region. */
const DEMO_TODAY = '2026-03-16';
/** The demo region's scale (BENCH_SEED_SCALE); the entry keeps its name "demo seed scale 1" for the full run's default. */
const SEED_SCALE = size('BENCH_SEED_SCALE', 1, 0.02);
/** Tables the seed does not fill itself: reference data from migrations and the importer's run log. */
const NOT_SEEDED = ['municipalities', 'import_runs', 'import_errors', '__drizzle_migrations'];

const demoSeed: Benchmark = {
  name: 'demo seed scale 1',
  unit: 's',
  describe: `seconds to generate the demo region at --scale ${SEED_SCALE} (BENCH_SEED_SCALE; today ${DEMO_TODAY}) and import it / seconds to COPY every row it wrote into an empty database; lower is better (1 = as fast as COPY)`,
  async run(engine, log) {
    return withFresh(engine, async (seeded) => {
      const { seconds } = await timed(() => seedDemoRegion(seeded, { seed: 1, scale: SEED_SCALE, today: DEMO_TODAY }));
      const tables = await queryRows<{ name: string }>(
        seeded.db,
        sql`
        SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      );
      let rows = 0;
      let copySeconds = 0;
      await withFresh(engine, async (copied) => {
        for (const { name } of tables.filter((t) => !NOT_SEEDED.includes(t.name))) {
          // Rows a fresh database already holds came from the migrations (the method library), not from the seed.
          const [fresh] = await queryRows<{ n: number }>(copied.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`);
          if ((fresh?.n ?? 0) > 0) continue;
          const copy = await copyTableAcross(seeded, copied, name);
          rows += copy.rows;
          copySeconds += copy.seconds;
        }
      });
      log(`${rows} rows: generate + import ${seconds.toFixed(1)} s, COPY ${copySeconds.toFixed(1)} s`);
      return { value: seconds, baseline: copySeconds };
    });
  },
};

/**
 * Runs of the import, each followed by its bare COPY (`BENCH_IMPORT_REPEATS`). The entry reports the run whose ratio is
 * the median: the machine's speed drifts between runs by up to half, in step for an import and the COPY right after it,
 * so a run's own pair is the comparison (the medians of each side, from different runs, are logged beside it).
 */
const REPEATS = size('BENCH_IMPORT_REPEATS', 5, 1);

const importRows: Benchmark = {
  name: 'import rows/s',
  unit: 'rows/s',
  describe: `attendance rows/s through the SS 12000 importer (${ROWS} rows, pages of ${PAGE_SIZE}) / rows/s of a raw COPY of the rows it wrote, the run of the median ratio of ${REPEATS}, each an import and then its COPY, every one on a fresh database; higher is better (1 = as fast as COPY)`,
  async run(engine, log) {
    const documents = syntheticOrganiser();
    const runs: { importSeconds: number; copySeconds: number; rows: number }[] = [];
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      runs.push(
        await withFresh(engine, async (imported) => {
          let attendanceStart = 0;
          let attendanceEnd = 0;
          // Progress comes after each committed page: from the last lesson page to the last attendance page.
          const report = await importSs12000(imported, memorySource(documents, PAGE_SIZE), {
            onProgress: (p) => {
              if (p.endpoint === 'calendarEvents') attendanceStart = performance.now();
              if (p.endpoint === 'attendances') attendanceEnd = performance.now();
            },
          });
          if (report.status !== 'completed') throw new Error(`importen misslyckades: ${JSON.stringify(report.errors.slice(0, 3))}`);
          const importSeconds = (attendanceEnd - attendanceStart) / 1000;
          const copy = await withFresh(engine, (copied) => copyTableAcross(imported, copied, 'attendances'));
          log(`run ${repeat}: ${copy.rows} rows: import ${importSeconds.toFixed(2)} s, COPY ${copy.seconds.toFixed(2)} s`);
          if (repeat === REPEATS) await logLaterImport(imported, documents, log);
          return { importSeconds, copySeconds: copy.seconds, rows: copy.rows };
        }),
      );
    }
    const byRatio = [...runs].sort((a, b) => a.copySeconds / a.importSeconds - b.copySeconds / b.importSeconds);
    const middle = byRatio[Math.floor((byRatio.length - 1) / 2)];
    if (!middle) throw new Error('inga körningar (no runs)');
    const [importSeconds, copySeconds] = [median(runs.map((r) => r.importSeconds)), median(runs.map((r) => r.copySeconds))];
    log(
      `medians of each side of ${REPEATS}: import ${importSeconds.toFixed(2)} s, COPY ${copySeconds.toFixed(2)} s (${(copySeconds / importSeconds).toFixed(3)})`,
    );
    log(
      `${middle.rows} rows, the run of the median ratio: import ${middle.importSeconds.toFixed(2)} s, COPY ${middle.copySeconds.toFixed(2)} s (${(middle.copySeconds / middle.importSeconds).toFixed(3)})`,
    );
    return { value: middle.rows / middle.importSeconds, baseline: middle.rows / middle.copySeconds };
  },
};

/**
 * Logged beside the first import: a later one of the same organiser — as many new lessons' attendance again, its pages'
 * keys now looked up among the rows already stored (the first import of an endpoint skips that, bulk-upsert.ts).
 */
async function logLaterImport(database: Database, documents: ReturnType<typeof syntheticOrganiser>, log: (line: string) => void) {
  const attendances = documents.attendances.map((a) => ({ ...a, id: crypto.randomUUID() }));
  const source = memorySource({ organisations: documents.organisations, attendances }, PAGE_SIZE);
  const { result, seconds } = await timed(() => importSs12000(database, source, { analyze: false }));
  if (result.status !== 'completed') throw new Error(`den senare importen misslyckades: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const rows = result.counts.attendances.upserted;
  log(`a later import of ${rows} more rows into the same organiser: ${seconds.toFixed(2)} s (${(rows / seconds).toFixed(0)} rows/s)`);
}

/** This file's benchmarks, picked up by bench/registry.ts. */
export const benchmarks: Benchmark[] = [demoSeed, importRows];
