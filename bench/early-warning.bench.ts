/**
 * Early warning under load, each beside a bare database baseline in the same run:
 * (a) one school day of lesson attendance for a whole region, bulk-loaded and every indicator refreshed
 *     (`refreshTenant`), against a bare COPY of the same rows plus one SQL aggregate over them. The region holds that
 *     day only (no earlier days, monthly sums or grades), so the refresh reads 1.5 M rows, not a term's worth;
 * (b) training a risk model (`trainModel`) for every organiser of the demo region with upper-secondary students,
 *     against reading the training examples alone (`trainingExamples`: the same yearly snapshots of the measures).
 * Only invented people: `Elev123 Mätsson`, no personnummer.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { seedDemoRegion } from '../src/ingest/demo/index.ts';
import { queryRows, type Database } from '../src/server/db/client.ts';
import { organisers } from '../src/server/db/schema/index.ts';
import { trainModel } from '../src/server/modules/early-warning/model-store.ts';
import { refreshTenant } from '../src/server/modules/early-warning/refresh.ts';
import { TrainingRefused } from '../src/server/modules/early-warning/train.ts';
import { trainingExamples } from '../src/server/modules/early-warning/training-set.ts';
import { median, size, timed, withFresh, type Benchmark, type Engine } from './harness.ts';
import { attendanceColumns } from './synthetic-attendance.ts';

// ---------------------------------------------------------------------------------------------------------------
// (a) region-day refresh

const STUDENTS = size('BENCH_REGION_STUDENTS', 250_000, 300);
const LESSONS_PER_DAY = 6;
const CLASS_SIZE = 30;
/** Students per school unit: 40 classes. */
const UNIT_SIZE = 1200;
/** The school day loaded and refreshed (a Monday of the autumn term). */
export const SCHOOL_DAY = '2025-10-06';
/** Students per COPY statement (×6 rows): keeps each CSV string far below V8's maximum string length. */
const COPY_CHUNK_STUDENTS = 50_000;
const PROGRAMMES = ['NA', 'SA', 'EK', 'TE', 'EE', 'BA', 'VO', 'IMV'];
const sourceModified = '2025-10-06T17:00:00Z';

export interface Region {
  tenantId: string;
  units: string[];
  studentIds: string[];
  /** Per class (CLASS_SIZE consecutive students): its activity and its six lessons of the day. */
  classes: { activityId: string; lessonIds: string[] }[];
}

export function syntheticRegion(students: number): Region {
  const classCount = Math.ceil(students / CLASS_SIZE);
  return {
    tenantId: randomUUID(),
    units: Array.from({ length: Math.ceil(students / UNIT_SIZE) }, () => randomUUID()),
    studentIds: Array.from({ length: students }, () => randomUUID()),
    classes: Array.from({ length: classCount }, () => ({
      activityId: randomUUID(),
      lessonIds: Array.from({ length: LESSONS_PER_DAY }, () => randomUUID()),
    })),
  };
}

const unitOf = (student: number) => Math.floor(student / UNIT_SIZE);
const classOf = (student: number) => Math.floor(student / CLASS_SIZE);
/** 08:00 local time (UTC+2 in October) plus an hour a lesson. */
const lessonStart = (l: number) => `${SCHOOL_DAY}T${String(6 + l).padStart(2, '0')}:00:00Z`;
const lessonEnd = (l: number) => `${SCHOOL_DAY}T${String(6 + l).padStart(2, '0')}:50:00Z`;

/**
 * The day's attendance as CSV in `attendanceColumns` order, one string per COPY statement. Of every 40 students one is
 * absent all day without leave, one is off sick all day, two come 20 minutes late (unexcused); the others miss a
 * lesson now and then without leave. So the refresh finds every kind of attendance indicator.
 */
export function attendanceCsv(region: Region): { chunks: string[]; rows: number } {
  const chunks: string[] = [];
  let rows = 0;
  const reportedAt = `${SCHOOL_DAY}T15:30:00Z`;
  for (let from = 0; from < region.studentIds.length; from += COPY_CHUNK_STUDENTS) {
    const lines: string[] = [];
    for (let s = from; s < Math.min(from + COPY_CHUNK_STUDENTS, region.studentIds.length); s++) {
      const studentId = region.studentIds[s] as string;
      const lessons = (region.classes[classOf(s)] as Region['classes'][number]).lessonIds;
      for (let l = 0; l < LESSONS_PER_DAY; l++) {
        const kind = s % 40;
        let [attended, valid, invalid, reason] = [50, 0, 0, ''];
        if (kind === 0) [attended, invalid] = [0, 50];
        else if (kind === 1) [attended, valid, reason] = [0, 50, 'Sjukdom'];
        else if ((kind === 2 || kind === 3) && l === 0) [attended, invalid] = [30, 20];
        else if ((s + l) % 25 === 0) [attended, invalid] = [0, 50];
        lines.push(
          `${region.tenantId},${randomUUID()},${lessons[l]},${studentId},${SCHOOL_DAY},t,${attended},${valid},${invalid},0,${reason},${reportedAt},${sourceModified}`,
        );
      }
    }
    rows += lines.length;
    chunks.push(lines.join('\n'));
  }
  return { chunks, rows };
}

/** The region's organiser, school units, students with a current GY enrolment, classes and the day's lessons. */
export async function loadRegion(database: Database, region: Region): Promise<void> {
  const { tenantId } = region;
  await database.db.insert(organisers).values({
    id: tenantId,
    name: 'Mätregionen',
    organisationNumber: '2120009999',
    kind: 'municipal',
    municipalityCode: '1496',
  });
  await database.copyCsv(
    'organisations',
    [
      'tenant_id',
      'id',
      'organisation_type',
      'display_name',
      'school_unit_code',
      'school_types',
      'municipality_code',
      'parent_id',
      'source_modified',
    ],
    [
      `${tenantId},${tenantId},Huvudman,Mätregionen,,{},1496,,${sourceModified}`,
      ...region.units.map(
        (id, u) => `${tenantId},${id},Skolenhet,Mätgymnasiet ${u + 1},${String(99_000_000 + u)},{GY},1496,${tenantId},${sourceModified}`,
      ),
    ].join('\n'),
  );
  await database.copyCsv(
    'persons',
    ['tenant_id', 'id', 'given_name', 'family_name', 'sex', 'source_modified'],
    region.studentIds.map((id, s) => `${tenantId},${id},Elev${s},Mätsson,${s % 2 ? 'Kvinna' : 'Man'},${sourceModified}`).join('\n'),
  );
  // Year 1, 2 or 3 by class; a student's current enrolment began when they started upper secondary.
  await database.copyCsv(
    'enrolments',
    ['tenant_id', 'person_id', 'ordinal', 'school_unit_id', 'school_type', 'school_year', 'programme_code', 'start_date'],
    region.studentIds
      .map((id, s) => {
        const year = 1 + (classOf(s) % 3);
        return `${tenantId},${id},0,${region.units[unitOf(s)]},GY,${year},${PROGRAMMES[classOf(s) % PROGRAMMES.length]},${2026 - year}-08-15`;
      })
      .join('\n'),
  );
  await database.copyCsv(
    'activities',
    ['tenant_id', 'id', 'display_name', 'organisation_id', 'start_date', 'source_modified'],
    region.classes
      .map((c, k) => `${tenantId},${c.activityId},Mentorstid ${k + 1},${region.units[unitOf(k * CLASS_SIZE)]},2025-08-15,${sourceModified}`)
      .join('\n'),
  );
  await database.copyCsv(
    'calendar_events',
    ['tenant_id', 'id', 'activity_id', 'start_time', 'end_time', 'source_modified'],
    region.classes
      .flatMap((c) => c.lessonIds.map((id, l) => `${tenantId},${id},${c.activityId},${lessonStart(l)},${lessonEnd(l)},${sourceModified}`))
      .join('\n'),
  );
  // The standing data as autovacuum would have left it: analysed and vacuumed. Only analysed, the tables' inserts were
  // due an autovacuum, which then ran during the timed COPY and refresh (the baseline's fresh database has nothing to
  // vacuum). The day's attendance is loaded in the timed part.
  await database.db.execute(sql`vacuum analyze organisations, persons, enrolments, activities, calendar_events`);
}

/**
 * Writes out what setup left dirty, so that neither timed COPY pays for it; skipped (with a note) where the role may not
 * (CHECKPOINT needs superuser or pg_checkpoint).
 */
async function checkpoint(database: Database, log: (message: string) => void): Promise<void> {
  try {
    await database.db.execute(sql`checkpoint`);
  } catch (error) {
    log(`CHECKPOINT skipped: ${(error as Error).message}`);
  }
}

export async function copyChunks(database: Database, chunks: string[]): Promise<void> {
  for (const csv of chunks) await database.copyCsv('attendances', attendanceColumns, csv);
}

/**
 * Runs of each side; the entry reports the median of each (`BENCH_REGION_REPEATS`), the sides alternating which goes
 * first. Single runs swung the ratio between 1.31 and 2.04 within an hour on this machine, the COPYs alone between
 * 13.9 and 21.7 s (bench/README.md, 2026-12-06, afternoon).
 */
const REGION_REPEATS = size('BENCH_REGION_REPEATS', 3, 1);

/** The timed side: the region set up (untimed), the day COPYed and every indicator refreshed. */
async function regionDay(engine: Engine, region: Region, chunks: string[], log: (message: string) => void) {
  return withFresh(engine, async (database) => {
    await loadRegion(database, region);
    await checkpoint(database, log);
    const copy = await timed(() => copyChunks(database, chunks));
    const refresh = await timed(() => database.db.transaction((tx) => refreshTenant(tx, region.tenantId, SCHOOL_DAY)));
    const s = refresh.result;
    if (s.students !== STUDENTS)
      throw new Error(`uppdateringen såg ${s.students} elever, inte ${STUDENTS} (the refresh saw the wrong students)`);
    const [written] = await queryRows<{ risk: number; episodes: number }>(
      database.db,
      sql`
      select (select count(*)::int from student_risk where tenant_id = ${region.tenantId}::uuid) as risk,
             (select count(*)::int from indicator_episodes where tenant_id = ${region.tenantId}::uuid) as episodes`,
    );
    log(
      `${s.students} students, tiers 1/2/3 ${s.tiers[1]}/${s.tiers[2]}/${s.tiers[3]}, ${s.activeIndicators} indicators; ` +
        `${written?.risk} student_risk rows, ${written?.episodes} indicator episodes`,
    );
    return { copy: copy.seconds, refresh: refresh.seconds };
  });
}

/** The baseline side: the same rows COPYed into an empty database and summed per student. */
async function bareDay(engine: Engine, region: Region, chunks: string[], log: (message: string) => void) {
  return withFresh(engine, async (database) => {
    await checkpoint(database, log);
    const copy = await timed(() => copyChunks(database, chunks));
    const aggregate = await timed(() =>
      queryRows<{ student_id: string }>(
        database.db,
        sql`
      select student_id, sum(attendance_minutes)::int as attended, sum(valid_absence_minutes)::int as valid,
             sum(invalid_absence_minutes)::int as invalid
      from attendances where tenant_id = ${region.tenantId}::uuid and lesson_date = ${SCHOOL_DAY}::date group by student_id`,
      ),
    );
    if (aggregate.result.length !== STUDENTS) throw new Error(`summan gav ${aggregate.result.length} elever, inte ${STUDENTS}`);
    return { copy: copy.seconds, aggregate: aggregate.seconds };
  });
}

const regionDayRefresh: Benchmark = {
  name: 'region-day refresh',
  unit: 's',
  describe:
    `seconds to COPY one school day of lesson attendance for ${STUDENTS} students (${LESSONS_PER_DAY} lessons each; BENCH_REGION_STUDENTS) ` +
    `with database.copyCsv and refresh every indicator (refreshTenant, one transaction) / seconds of a bare COPY of the same rows into an empty ` +
    `attendances table plus one per-student SQL aggregate over them, the median of ${REGION_REPEATS} runs of each (BENCH_REGION_REPEATS), ` +
    `every run on a fresh database, the sides taking turns to go first; lower is better (1 = the refresh costs nothing beyond the aggregate). ` +
    `The rows are COPYed, not imported: at the default scale the day is 1.5 M documents, minutes through the SS 12000 importer alone (see "import rows/s")`,
  async run(engine, log) {
    const region = syntheticRegion(STUDENTS);
    const { chunks, rows } = attendanceCsv(region);
    const [values, baselines]: [number[], number[]] = [[], []];
    for (let repeat = 1; repeat <= REGION_REPEATS; repeat++) {
      const timedFirst = repeat % 2 === 1;
      const bareBefore = timedFirst ? undefined : await bareDay(engine, region, chunks, log);
      const day = await regionDay(engine, region, chunks, log);
      const bare = bareBefore ?? (await bareDay(engine, region, chunks, log));
      log(
        `run ${repeat} (${timedFirst ? 'refresh side first' : 'bare side first'}): ${rows} attendance rows: COPY ${day.copy.toFixed(2)} s + ` +
          `refresh ${day.refresh.toFixed(2)} s; bare COPY ${bare.copy.toFixed(2)} s + aggregate ${bare.aggregate.toFixed(2)} s`,
      );
      values.push(day.copy + day.refresh);
      baselines.push(bare.copy + bare.aggregate);
    }
    const [value, baseline] = [median(values), median(baselines)];
    log(`COPY + refresh ${value.toFixed(2)} s, bare COPY + aggregate ${baseline.toFixed(2)} s (medians of ${REGION_REPEATS})`);
    return { value, baseline };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// (b) model training

const TRAIN_SCALE = size('BENCH_TRAIN_SCALE', 1, 0.12);
/** The demo region's "today" and the date the models are trained as of. */
const TRAIN_TODAY = '2026-11-22';

const modelTraining: Benchmark = {
  name: 'model training',
  unit: 's',
  describe:
    `seconds of trainModel (training examples, logistic regression, evaluation with baselines, forest and subgroups; one transaction each) ` +
    `for every organiser of the demo region (scale ${TRAIN_SCALE}, BENCH_TRAIN_SCALE; today ${TRAIN_TODAY}) with upper-secondary students, ` +
    `skipping those refused for too little data / seconds of trainingExamples alone (the data read) for the same organisers; ` +
    `lower is better (1 = fitting and evaluating cost nothing beside the read)`,
  async run(engine, log) {
    return withFresh(engine, async (database) => {
      const seed = await timed(() => seedDemoRegion(database, { seed: 1, scale: TRAIN_SCALE, today: TRAIN_TODAY }));
      log(`demo region seeded in ${seed.seconds.toFixed(1)} s (not timed)`);
      const tenants = await queryRows<{ id: string; name: string }>(
        database.db,
        sql`
        select o.id, o.name from organisers o
        where exists (select 1 from enrolments e where e.tenant_id = o.id and e.school_type = 'GY') order by o.name`,
      );
      let [value, baseline, trained] = [0, 0, 0];
      for (const t of tenants) {
        // The read first: the model's own read then runs as warm as it, so the ratio is the fitting and evaluation.
        const read = await timed(() => database.db.transaction((tx) => trainingExamples(tx, t.id, TRAIN_TODAY)));
        let train;
        try {
          train = await timed(() => database.db.transaction((tx) => trainModel(tx, t.id, TRAIN_TODAY)));
        } catch (error) {
          if (!(error instanceof TrainingRefused)) throw error;
          log(`${t.name}: ${read.result.length} examples, refused (${error.message})`);
          continue;
        }
        const { split } = train.result.report;
        log(
          `${t.name}: ${read.result.length} examples; train cohorts ${split.trainCohorts.join(', ')} (${split.nTrain}), ` +
            `test cohort ${split.testCohort} (${split.nTest}); trainModel ${train.seconds.toFixed(2)} s, trainingExamples ${read.seconds.toFixed(2)} s`,
        );
        value += train.seconds;
        baseline += read.seconds;
        trained += 1;
      }
      if (trained === 0)
        throw new Error(`ingen av ${tenants.length} huvudmän kunde träna en modell (no organiser could train; raise BENCH_TRAIN_SCALE)`);
      log(`${trained} of ${tenants.length} organisers trained`);
      return { value, baseline };
    });
  },
};

/** This file's benchmarks, picked up by bench/registry.ts. */
export const benchmarks: Benchmark[] = [regionDayRefresh, modelTraining];
