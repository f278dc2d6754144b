/**
 * How much faster a raw COPY loads attendance than multi-row INSERTs through Drizzle: the gap
 * the importer's bulk writes live in. Both load the same synthetic rows into an empty table,
 * each in one transaction, in the same run.
 */
import { attendances } from '../src/server/db/schema/attendance.ts';
import { size, timed, withFresh, type Benchmark } from './harness.ts';
import { attendanceColumns, syntheticAttendance, toCsv } from './synthetic-attendance.ts';

const ROWS = size('BENCH_COPY_ROWS', 100_000, 300);
/** Rows per INSERT statement: 13 parameters a row stays far below PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;

const copyVsInsert: Benchmark = {
  name: 'copy-vs-insert',
  unit: 'rows/s',
  describe: `rows/s of a raw COPY of ${ROWS} attendance rows / rows/s of multi-row INSERTs (${INSERT_BATCH} a statement) through Drizzle; the ratio is how many times faster COPY is`,
  async run(engine, log) {
    const { rows } = syntheticAttendance(ROWS);
    const csv = toCsv(rows);
    const copySeconds = await withFresh(
      engine,
      async (database) => (await timed(() => database.copyCsv('attendances', attendanceColumns, csv))).seconds,
    );
    const insertSeconds = await withFresh(
      engine,
      async ({ db }) =>
        (
          await timed(() =>
            db.transaction(async (tx) => {
              for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.insert(attendances).values(rows.slice(i, i + INSERT_BATCH));
            }),
          )
        ).seconds,
    );
    log(`${rows.length} rows: COPY ${copySeconds.toFixed(2)} s, INSERT ${insertSeconds.toFixed(2)} s`);
    return { value: rows.length / copySeconds, baseline: rows.length / insertSeconds };
  },
};

/** This file's benchmarks, picked up by bench/registry.ts. */
export const benchmarks: Benchmark[] = [copyVsInsert];
