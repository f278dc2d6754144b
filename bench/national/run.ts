/**
 * `npx tsx bench/national/run.ts` with DATABASE_URL set: the `national night` benchmark on that PostgreSQL server only
 * (bench/run.ts runs PGlite first, where a nation does not fit), as one JSON line on stdout with the load average.
 */
import { loadavg } from 'node:os';
import { openFreshDatabase } from '../../test/support/database.ts';
import { benchmarks } from '../national-night.bench.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL saknas (set DATABASE_URL to a PostgreSQL server)');
const before = loadavg();
const [night] = benchmarks;
const { value, baseline } = await night!.run({ kind: 'postgres', fresh: () => openFreshDatabase(url) }, (m) =>
  process.stderr.write(`${m}\n`),
);
process.stdout.write(
  `${JSON.stringify({ name: 'national night (postgres)', value, baseline, ratio: value / baseline, students: process.env.BENCH_NATIONAL_STUDENTS, loadBefore: before, loadAfter: loadavg() })}\n`,
);
