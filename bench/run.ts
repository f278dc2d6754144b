/**
 * `npm run bench [-- --json] [--postgres] [--only <text>]`: runs every benchmark (bench/registry.ts)
 * on the embedded PGlite database and, with DATABASE_URL or --postgres (a temporary server), on
 * PostgreSQL too; names get the engine as a suffix. --json prints ONE JSON array of
 * {name, value, unit, baseline, ratio} on stdout; progress always goes to stderr.
 *
 * Each `*.bench.ts` file's entries run on each engine in a process of their own (bench/run-one.ts), one file after the
 * other, so that what one file's entries leave behind in the heap or the JIT never weighs on the next file's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './harness.ts';
import { startTemporaryPostgres, type TemporaryServer } from './postgres.ts';
import { loadBenchmarkFiles } from './registry.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const log = (message: string) => process.stderr.write(`${message}\n`);
const runOne = fileURLToPath(new URL('./run-one.ts', import.meta.url));

const files = await loadBenchmarkFiles(only);
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

/** A result line of bench/run-one.ts, or undefined for any other line. */
function resultOf(line: string): BenchResult | undefined {
  try {
    const r = JSON.parse(line) as Partial<BenchResult> | null;
    return r && typeof r.name === 'string' && typeof r.value === 'number' && typeof r.baseline === 'number'
      ? (r as BenchResult)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Runs one file's entries in a child process: resolves to the result lines it printed and whether it ended well. */
function runFile(
  file: string,
  engine: 'pglite' | 'postgres',
  databaseUrl: string | undefined,
): Promise<{ results: BenchResult[]; ok: boolean }> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const onlyArgs = only ? ['--only', only] : [];
  return new Promise((resolve, reject) => {
    let out = '';
    child = spawn(process.execPath, ['--import', 'tsx', runOne, '--engine', engine, '--file', file, ...onlyArgs], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      child = undefined;
      const results: BenchResult[] = [];
      for (const line of out.split('\n').filter((l) => l.trim())) {
        const result = resultOf(line);
        // Anything else a benchmark printed on stdout goes to stderr, so the --json array stays the only stdout.
        if (result) results.push(result);
        else log(line);
      }
      resolve({ results, ok: code === 0 });
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
    for (const { file, benchmarks } of files) {
      // One entry that fails does not cost the other files their figures: the run goes on and exits non-zero at the end.
      const done = await runFile(file, engine.kind, engine.url);
      results.push(...done.results);
      if (!done.ok) {
        const missing = benchmarks.map((b) => `${b.name} (${engine.kind})`).filter((n) => !done.results.some((r) => r.name === n));
        failed.push(...(missing.length ? missing : [`${file} (${engine.kind})`]));
        log(`✗ ${file} (${engine.kind}) avbröts (failed)`);
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
