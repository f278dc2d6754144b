/**
 * `national night` (issue #17, item 5): the nightly work of a whole nation on one server. Set up untimed by
 * bench/national/generate.ts (290 municipalities, BENCH_NATIONAL_STUDENTS pupils of every school form, their units,
 * enrolments, this school year's monthly attendance, three former cohorts with diplomas, the KAA population files) and
 * the night's timetable. Timed: one school day of lesson attendance for every pupil COPYed in (six lessons each) and
 * `attendances` analysed, as the SS 12000 importer ends a run (`analyzeAfterWrite` of the tables it wrote), every
 * organiser's early detection refreshed (`refreshAll`: each organiser in its own transaction, `refreshWorkersFor` side
 * by side on PostgreSQL), every municipality's KAA target group recomputed (`refreshTargetGroup`) and every organiser's
 * completion by cohort (`completionCohorts`).
 * Baseline, same run, same database: a bare COPY of the same rows into an empty copy of `attendances` plus one
 * per-student sum over them. Both sides start on a settled server: the standing data vacuumed and analysed, no
 * autovacuum worker running, and autovacuum off for the two tables that take the day's rows (its VACUUM of them is timed
 * on its own afterwards and logged, in neither side). Beside the figure (stderr): each part's seconds, the Node process's peak RSS (sampled every
 * 250 ms) and the database's size (`pg_database_size`, less the generator's staging tables).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/server/db/client.ts';
import { analyzeAfterWrite } from '../src/server/db/analyze.ts';
import { sideBySide, workersFor } from '../src/server/platform/side-by-side.ts';
import { refreshAll, refreshWorkersFor } from '../src/server/modules/early-warning/refresh.ts';
import { completionCohorts } from '../src/server/modules/follow-up/completion.ts';
import { refreshTargetGroups } from '../src/server/modules/kaa/refresh.ts';
import { median, round, size, timed, withFresh, type Benchmark, type Engine } from './harness.ts';
import { dayCsv, generateNational, nationalNight, scheduleNight } from './national/generate.ts';
import { attendanceColumns } from './synthetic-attendance.ts';

/** The Node process's peak resident memory while `fn` runs, sampled every 250 ms. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 250);
  try {
    const result = await fn();
    return { result, peakMb: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** COPYs the day's CSV chunks into `table` (also bench/national/refresh-profile.ts). */
export async function copyInto(database: Database, table: string, chunks: string[]): Promise<void> {
  for (const csv of chunks) await database.copyCsv(table, attendanceColumns, csv);
}

/** Writes out what setup left dirty, where the role may (CHECKPOINT needs superuser or pg_checkpoint). */
async function checkpoint(database: Database, log: (m: string) => void): Promise<void> {
  try {
    await database.db.execute(sql`checkpoint`);
  } catch (error) {
    log(`CHECKPOINT skipped: ${(error as Error).message}`);
  }
}

/**
 * Waits (PostgreSQL) until no autovacuum worker runs in this database, polling every 250 ms for at most ten minutes,
 * and returns the seconds waited: each timed side starts on a server that is doing nothing else.
 */
async function autovacuumIdle(database: Database): Promise<number> {
  if (database.kind !== 'postgres') return 0;
  const start = performance.now();
  for (;;) {
    const [row] = await queryRows<{ busy: number }>(
      database.db,
      sql`select count(*)::int as busy from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database()`,
    );
    if (!row?.busy) return (performance.now() - start) / 1000;
    if (performance.now() - start > 600_000) throw new Error('autovacuum arbetar fortfarande efter tio minuter');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Autovacuum on or off for the tables that take the day's rows (`attendances` and the baseline's bare copy). Left on,
 * the day's `VACUUM` of those rows (36 s at 1.5 M pupils) started a minute after the COPY and landed in whichever side
 * ran then, the night's refresh or the baseline's COPY (bench/README.md). Off, it lands in neither; the benchmark times
 * it on its own afterwards and logs it beside the figure.
 */
async function autovacuumOn(database: Database, tables: string[], on: boolean): Promise<void> {
  for (const table of tables) {
    await database.db.execute(sql`alter table ${sql.identifier(table)} set (autovacuum_enabled = ${sql.raw(on ? 'true' : 'false')})`);
  }
}

/** The night: the day in, every indicator, every KAA target group, every organiser's completion; seconds per part. */
async function night(database: Database, chunks: string[]) {
  const { db } = database;
  // The day in as an import leaves it: written, then analysed (importSs12000 analyses the tables it wrote), so the refresh
  // plans with the day's rows counted rather than with whatever autovacuum has got to by then (bench/README.md).
  const copy = await timed(() => copyInto(database, 'attendances', chunks));
  const analyze = await timed(() => analyzeAfterWrite(db, ['attendances']));
  const refresh = await timed(() => refreshAll(db, nationalNight, undefined, { workers: refreshWorkersFor(database.kind) }));
  const kaa = await timed(async () =>
    (await refreshTargetGroups(db, nationalNight, workersFor(database.kind))).reduce((sum, m) => sum + m.inGroup, 0),
  );
  const completion = await timed(async () => {
    const tenants = await queryRows<{ id: string }>(
      db,
      sql`select o.id from organisers o where o.id in (select e.tenant_id from enrolments e where e.school_type = 'GY')`,
    );
    await sideBySide(tenants, workersFor(database.kind), (t) => completionCohorts(db, t.id, 'all', nationalNight));
    return tenants.length;
  });
  return { copy, analyze, refresh, kaa, completion };
}

/**
 * Nights per entry, each on a freshly generated nation; the entry reports the median of each side
 * (`BENCH_NATIONAL_REPEATS`), the sides taking turns to go first. One night moved the ratio between 1.18 and 1.53 on a
 * fixed tree within hours, the two COPYs (two thirds of both sides, the same work) differing by up to 20 s
 * (bench/README.md, 2026-12-07).
 */
const REPEATS = size('BENCH_NATIONAL_REPEATS', 3, 1);

/** The bare side: the same rows COPYed into the empty copy of `attendances`, and one per-pupil sum of them. */
async function bare(database: Database, chunks: string[], students: number) {
  const copy = await timed(() => copyInto(database, 'national_bare', chunks));
  const aggregate = await timed(() =>
    queryRows<{ student_id: string }>(
      database.db,
      sql`select student_id, sum(attendance_minutes)::int as attended, sum(valid_absence_minutes)::int as valid,
                 sum(invalid_absence_minutes)::int as invalid
            from national_bare where lesson_date = ${nationalNight}::date group by tenant_id, student_id`,
    ),
  );
  if (aggregate.result.length !== students) throw new Error(`summan gav ${aggregate.result.length} elever, inte ${students}`);
  return { copy: copy.seconds, aggregate: aggregate.seconds };
}

/** One run: a nation generated (untimed), then both sides on it, `nightFirst` or the bare side first. */
async function oneRun(engine: Engine, students: number, nightFirst: boolean, log: (m: string) => void) {
  return withFresh(engine, async (database) => {
    const generated = await timed(() => generateNational(database, students, (m) => log(`  generate: ${m}`)));
    const n = generated.result;
    log(
      `generated in ${generated.seconds.toFixed(1)} s (untimed): ${n.organisers} organisers, ${n.schoolUnits} school units, ${n.students} pupils, ` +
        `${n.classes} classes, ${n.formerStudents} former students, ${n.aggregates} monthly aggregates, ${n.population} population rows`,
    );
    await scheduleNight(database);
    const chunks = await dayCsv(database, n.students);
    // The standing data as a server has it after its own maintenance (vacuumed, analysed, written out), so that no
    // autovacuum of the generator's inserts runs into either timed side.
    await database.db.execute(sql`vacuum analyze`);
    await checkpoint(database, log);
    await database.db.execute(sql`create table national_bare (like attendances including all)`);
    await autovacuumOn(database, ['attendances', 'national_bare'], false);
    /** Each side starts on a settled server: what the other side wrote written out, no autovacuum worker running. */
    const settle = async () => {
      await checkpoint(database, log);
      return autovacuumIdle(database);
    };
    const waited: number[] = [];
    let baseline = { copy: 0, aggregate: 0 };
    if (!nightFirst) {
      waited.push(await settle());
      baseline = await bare(database, chunks, n.students);
    }
    waited.push(await settle());
    const { result: parts, peakMb } = await peakRss(() => night(database, chunks));
    const [rows] = await queryRows<{ rows: number; db: string; staging: string }>(
      database.db,
      sql`select (select count(*)::int from attendances) as rows, pg_database_size(current_database())::text as db,
                 (pg_total_relation_size('national_students') + pg_total_relation_size('national_former'))::text as staging`,
    );
    // Without the generator's staging tables and the bare side's copy: the database a nation's night leaves.
    const bareSize = nightFirst
      ? 0
      : Number((await queryRows<{ b: string }>(database.db, sql`select pg_total_relation_size('national_bare')::text as b`))[0]?.b);
    const sizeMb = (Number(rows?.db) - Number(rows?.staging) - bareSize) / 2 ** 20;
    if (nightFirst) {
      waited.push(await settle());
      baseline = await bare(database, chunks, n.students);
    }
    await autovacuumOn(database, ['attendances', 'national_bare'], true);
    const vacuum = await timed(() => database.db.execute(sql`vacuum attendances`));
    const scored = parts.refresh.result.reduce((sum, s) => sum + s.students, 0);
    log(
      `${nightFirst ? 'night first' : 'bare side first'}: ${rows?.rows} attendance rows: COPY ${round(parts.copy.seconds, 1)} s + ANALYZE ${round(parts.analyze.seconds, 1)} s + refresh ${round(parts.refresh.seconds, 1)} s ` +
        `(${scored} pupils in years 7–9 and upper secondary) + KAA ${round(parts.kaa.seconds, 1)} s (${parts.kaa.result} in the target groups) ` +
        `+ completion ${round(parts.completion.seconds, 1)} s (${parts.completion.result} organisers); bare COPY ${round(baseline.copy, 1)} s ` +
        `+ aggregate ${round(baseline.aggregate, 1)} s; untimed: waited ${waited.map((w) => round(w, 1)).join(' s and ')} s for autovacuum ` +
        `before each side, the day's VACUUM of attendances ${round(vacuum.seconds, 1)} s; peak RSS ${Math.round(peakMb)} MB; database ${Math.round(sizeMb)} MB without staging`,
    );
    const value = parts.copy.seconds + parts.analyze.seconds + parts.refresh.seconds + parts.kaa.seconds + parts.completion.seconds;
    return { value, baseline: baseline.copy + baseline.aggregate };
  });
}

const nationalNightBenchmark: Benchmark = {
  name: 'national night',
  unit: 's',
  describe:
    'seconds to COPY one school day of lessons for every pupil of a synthetic nation (290 municipalities; BENCH_NATIONAL_STUDENTS, ' +
    'default 1.5 M on PostgreSQL, 20,000 on PGlite), ANALYZE it as an import does, and refresh every indicator, KAA target group and completion / seconds of a bare COPY ' +
    `of the same rows into an empty attendances copy plus one per-student sum, each side on a settled server; the median of ${REPEATS} runs of each ` +
    '(BENCH_NATIONAL_REPEATS), every run on a freshly generated nation, the sides taking turns to go first; lower is better',
  async run(engine, log) {
    const students = size('BENCH_NATIONAL_STUDENTS', engine.kind === 'postgres' ? 1_500_000 : 20_000, 1_300);
    const runs: { value: number; baseline: number }[] = [];
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      const nightFirst = repeat % 2 === 1;
      const run = await oneRun(engine, students, nightFirst, (m) => log(m.startsWith('  ') ? m : `run ${repeat}, ${m}`));
      log(`run ${repeat}: ${round(run.value, 2)} / ${round(run.baseline, 2)} s = ${(run.value / run.baseline).toFixed(2)}`);
      runs.push(run);
    }
    const [value, baseline] = [median(runs.map((r) => r.value)), median(runs.map((r) => r.baseline))];
    log(`night ${round(value, 2)} s, bare COPY + aggregate ${round(baseline, 2)} s (medians of ${REPEATS})`);
    return { value, baseline };
  },
};

/** This file's benchmarks, picked up by bench/registry.ts. */
export const benchmarks: Benchmark[] = [nationalNightBenchmark];
