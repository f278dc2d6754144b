/**
 * `npm run bench [-- --json] [--postgres] [--only <text>]`: runs every benchmark (bench/registry.ts)
 * on the embedded PGlite database and, with DATABASE_URL or --postgres (a temporary server), on
 * PostgreSQL too; names get the engine as a suffix. --json prints ONE JSON array of
 * {name, value, unit, baseline, ratio} on stdout; progress always goes to stderr.
 */
import { openFreshDatabase } from '../test/support/database.ts';
import { round, type BenchResult, type Engine } from './harness.ts';
import { startTemporaryPostgres, type TemporaryServer } from './postgres.ts';
import { loadBenchmarks } from './registry.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const log = (message: string) => process.stderr.write(`${message}\n`);

const benchmarks = await loadBenchmarks(only);
let server: TemporaryServer | undefined;
// Ctrl+C must not leave a temporary server behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.stop();
    process.exit(130);
  });
}

const engines: Engine[] = [{ kind: 'pglite', fresh: () => openFreshDatabase(undefined) }];
let postgresUrl = process.env.DATABASE_URL || undefined;
if (!postgresUrl && args.includes('--postgres')) {
  server = startTemporaryPostgres();
  postgresUrl = server.url;
}
if (postgresUrl) {
  const url = postgresUrl;
  engines.push({ kind: 'postgres', fresh: () => openFreshDatabase(url) });
}

const results: BenchResult[] = [];
try {
  for (const engine of engines) {
    for (const b of benchmarks) {
      log(`▶ ${b.name} (${engine.kind}) — ${b.describe}`);
      const { value, baseline } = await b.run(engine, (m) => log(`  ${m}`));
      results.push({
        name: `${b.name} (${engine.kind})`,
        value: round(value),
        unit: b.unit,
        baseline: round(baseline),
        ratio: round(value / baseline),
      });
    }
  }
} finally {
  server?.stop();
}

if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
else
  for (const r of results) process.stdout.write(`${r.name}: ${r.value} ${r.unit} (baseline ${r.baseline} ${r.unit}, ratio ${r.ratio})\n`);
