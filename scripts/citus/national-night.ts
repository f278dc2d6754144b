/**
 * Runs the `national night` benchmark (bench/national-night.bench.ts) against the database at DATABASE_URL, as it is:
 *   tsx scripts/citus/national-night.ts [--citus] [--json]
 * The database must be empty; it is migrated here and, with --citus (a Citus coordinator: scripts/citus/cluster.sh),
 * distributed by scripts/citus/distribute.ts before the benchmark generates its nation into it. The same benchmark code
 * runs on both, so the two figures compare (scripts/citus/compare.sh runs them one after the other). Not part of CI.
 */
import { openDatabase } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { benchmarks } from '../../bench/national-night.bench.ts';
import { round, type Engine } from '../../bench/harness.ts';
import { distribute } from './distribute.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL saknas (DATABASE_URL is not set)');
const citus = process.argv.includes('--citus');
const log = (message: string) => process.stderr.write(`${message}\n`);

const engine: Engine = {
  kind: 'postgres',
  async fresh() {
    const database = await openDatabase({ databaseUrl: url });
    await migrateDatabase(database);
    if (citus) await distribute(database.db, log);
    return database;
  },
};

const night = benchmarks.find((b) => b.name === 'national night');
if (!night) throw new Error('national night saknas i bench/national-night.bench.ts');
const started = Date.now();
const { value, baseline } = await night.run(engine, (m) => log(`  ${m}`));
const result = {
  name: `national night (${citus ? 'citus, 2 workers' : 'postgres, one node'})`,
  value: round(value),
  unit: night.unit,
  baseline: round(baseline),
  ratio: round(value / baseline),
};
log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
process.stdout.write(
  process.argv.includes('--json')
    ? `${JSON.stringify(result)}\n`
    : `${result.name}: ${result.value} ${result.unit} / ${result.baseline} = ${result.ratio}\n`,
);
