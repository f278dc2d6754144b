/**
 * `npm run bench [-- --json] [--postgres] [--only <text>]`: runs every benchmark (bench/registry.ts)
 * on the embedded PGlite database and, with DATABASE_URL or --postgres (a temporary server), on
 * PostgreSQL too; names get the engine as a suffix. --json prints ONE JSON array of
 * {name, value, unit, baseline, ratio} on stdout; progress always goes to stderr.
 *
 * Each entry runs on each engine in a process of its own (bench/run-one.ts), one after the other, so that what one
 * entry leaves behind in the heap or the JIT never weighs on the next.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './harness.ts';
import { startTemporaryPostgres, type TemporaryServer } from './postgres.ts';
import { loadBenchmarks } from './registry.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const log = (message: string) => process.stderr.write(`${message}\n`);
const runOne = fileURLToPath(new URL('./run-one.ts', import.meta.url));

const benchmarks = await loadBenchmarks(only);
let server: TemporaryServer | undefined;
let child: ChildProcess | undefined;
// Ctrl+C must not leave a temporary server (or a running entry) behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    child?.kill(signal);
    server?.stop();
    process.exit(130);
  });
}

/** Runs one entry in a child process; resolves to its result line, rejects when the child fails. */
function runEntry(name: string, engine: 'pglite' | 'postgres', databaseUrl: string | undefined): Promise<BenchResult> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    let out = '';
    child = spawn(process.execPath, ['--import', 'tsx', runOne, '--engine', engine, '--name', name], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child = undefined;
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as BenchResult);
      else reject(new Error(`"${name}" (${engine}) avbröts (failed: exit ${code ?? signal})`));
    });
  });
}

const engines: { kind: 'pglite' | 'postgres'; url?: string }[] = [{ kind: 'pglite' }];
let postgresUrl = process.env.DATABASE_URL || undefined;
if (!postgresUrl && args.includes('--postgres')) {
  server = startTemporaryPostgres();
  postgresUrl = server.url;
}
if (postgresUrl) engines.push({ kind: 'postgres', url: postgresUrl });

const results: BenchResult[] = [];
const failed: string[] = [];
try {
  for (const engine of engines) {
    for (const b of benchmarks) {
      log(`▶ ${b.name} (${engine.kind}) — ${b.describe}`);
      // One entry that fails does not cost the others their figures: the run goes on and exits non-zero at the end.
      try {
        results.push(await runEntry(b.name, engine.kind, engine.url));
      } catch (error) {
        failed.push(`${b.name} (${engine.kind})`);
        log(`✗ ${(error as Error).message}`);
      }
    }
  }
} finally {
  server?.stop();
}

if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
else
  for (const r of results) process.stdout.write(`${r.name}: ${r.value} ${r.unit} (baseline ${r.baseline} ${r.unit}, ratio ${r.ratio})\n`);
if (failed.length) {
  log(`✗ ${failed.length} benchmark(s) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
