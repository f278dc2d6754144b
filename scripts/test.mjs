#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ (browser tests in test/e2e included) with node's test runner through tsx
// (Node 20's --test does not expand globs). Extra arguments pass through, e.g. a file filter.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const files = ['src', 'test']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))))
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('Inga testfiler hittades (no test files matched).');
  process.exit(1);
}
// --throw-deprecation: a deprecated call fails its test instead of printing a warning once — above all node-postgres's
// "client.query() when the client is already executing a query" (two statements at once on one transaction), which
// pg@9 refuses. The test runner passes the flag on to each file's process.
const r = spawnSync(process.execPath, ['--import', 'tsx', '--throw-deprecation', '--test', '--test-concurrency=2', ...flags, ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
