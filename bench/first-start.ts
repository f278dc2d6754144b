/**
 * `npx tsx bench/first-start.ts [--json]`: the demo's first start (issue #17, item 7), measured as a user meets it.
 * `node bin/fullfolj.js start --json` on a fresh embedded data folder (PORT=0, the web app as built: FULLFOLJ_WEB_BUILD=off,
 * so a Vite build never lands in the figure); the value is the seconds until the server has printed its summary and
 * `/api/health` answers with the demo's students. The baseline, in the same run: the same start with
 * FULLFOLJ_SEED_DEMO=0 (schema, knowledge bank, listen: everything but the demo). Each progress line on stderr is
 * timed from the process start, so the run also shows where the time went; work left to the background is followed on
 * `/api/health/ready` until its job has finished (reported beside, not in, the value). Only synthetic people.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (m: string) => process.stderr.write(`${m}\n`);

interface StartRun {
  /** Seconds from spawn to the summary on stdout (the server listens). */
  ready: number;
  students: number;
  /** Seconds from spawn until the background job (if any) finished, or null when there was none. */
  backgroundDone: number | null;
  /** Each stderr line with the second it appeared. */
  lines: { at: number; text: string }[];
}

interface JobState {
  job: string;
  outcome: string;
  progress?: { done: number; total: number } | null;
}

/** Starts the server on a fresh folder, waits for its summary, optionally for the background job, then stops it. */
async function startOnce(seedDemo: boolean, waitForBackground: boolean): Promise<StartRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fullfolj-first-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    FULLFOLJ_DATA_DIR: dataDir,
    FULLFOLJ_SEED_DEMO: seedDemo ? '1' : '0',
    FULLFOLJ_WEB_BUILD: 'off',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const child = spawn(process.execPath, ['bin/fullfolj.js', 'start', '--json'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: StartRun['lines'] = [];
  let pending = '';
  child.stderr.on('data', (c: Buffer) => {
    pending += c.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const text of parts) lines.push({ at: seconds(), text });
  });
  try {
    let stdout = '';
    const summary = await new Promise<{ url: string; students: number }>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        try {
          resolve(JSON.parse(stdout) as { url: string; students: number });
        } catch {
          // not the whole document yet
        }
      });
      child.once('exit', (code) =>
        reject(new Error(`start avslutades (${code}) innan den lyssnade: ${lines.map((l) => l.text).join('\n')}`)),
      );
    });
    const ready = seconds();
    const health = (await (await fetch(`${summary.url}/api/health`)).json()) as { students: number };
    let backgroundDone: number | null = null;
    if (waitForBackground) backgroundDone = await backgroundFinished(summary.url, seconds);
    return { ready, students: health.students, backgroundDone, lines };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Polls the readiness route until the demo job has finished; the second it did, or null when none appeared within a
 * minute of listening (the job's row is written just after the summary, so the first polls may come before it).
 */
async function backgroundFinished(url: string, seconds: () => number): Promise<number | null> {
  const giveUp = seconds() + 60;
  for (;;) {
    const ready = (await (await fetch(`${url}/api/health/ready`)).json()) as { jobs: JobState[] };
    const job = ready.jobs.find((j) => j.job.startsWith('demo'));
    if (job && job.outcome !== 'running') return seconds();
    if (!job && seconds() > giveUp) return null;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const json = process.argv.includes('--json');
const load = loadavg().map((l) => l.toFixed(1));
log(`load average ${load.join(' ')}; a warm-up start without the demo first (not timed)…`);
await startOnce(false, false);
const bare = await startOnce(false, false);
log(`baseline (no demo): ${bare.ready.toFixed(1)} s`);
const demo = await startOnce(true, true);
for (const l of demo.lines) log(`  ${l.at.toFixed(1).padStart(6)} s  ${l.text}`);
log(
  `demo first start: ready ${demo.ready.toFixed(1)} s (${demo.students} students)` +
    (demo.backgroundDone === null ? '' : `, background done ${demo.backgroundDone.toFixed(1)} s`) +
    `; baseline ${bare.ready.toFixed(1)} s; load average after ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
const result = {
  name: 'demo first start (pglite)',
  value: Number(demo.ready.toFixed(3)),
  unit: 's',
  baseline: Number(bare.ready.toFixed(3)),
  ratio: Number((demo.ready / bare.ready).toFixed(3)),
  backgroundDone: demo.backgroundDone,
  loadAverageBefore: load,
};
process.stdout.write(
  json ? `${JSON.stringify(result)}\n` : `${result.name}: ${result.value} s (baseline ${result.baseline} s, ratio ${result.ratio})\n`,
);
