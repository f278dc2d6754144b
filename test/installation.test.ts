/**
 * What can be tested of the installation on a machine without a container runtime (docs/operations.md): the
 * systemd units parse (`systemd-analyze verify`, when present); the Dockerfile keeps its promises (multi-stage, the
 * web app built at image build, non-root, a health check, node started directly); and the start command the unit
 * and the image run — `node bin/fullfolj.js start` with FULLFOLJ_WEB_BUILD=off — serves the built web app without
 * building, answers metrics on its own port, is backed up while running, and stops cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildWeb, webOutDir } from '../src/cli/web-build.ts';

const units = join(process.cwd(), 'deploy', 'systemd');

test(
  'the systemd units parse without a warning',
  { skip: spawnSync('systemd-analyze', ['--version']).status !== 0 && 'no systemd-analyze' },
  () => {
    const files = readdirSync(units)
      .filter((f) => /\.(service|timer)$/.test(f) && !f.includes('@'))
      .map((f) => join(units, f));
    assert.ok(files.length >= 10);
    const r = spawnSync('systemd-analyze', ['verify', '--man=no', ...files], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr.trim(), '', 'no unknown keys or bad values');
    // Every job's service has its timer, and a failure is reported.
    for (const f of files.filter((f) => /fullfolj-.+\.service$/.test(f))) {
      assert.ok(existsSync(f.replace(/\.service$/, '.timer')), `${f} has a timer`);
      assert.match(readFileSync(f, 'utf8'), /OnFailure=fullfolj-failed@%n\.service/);
      assert.match(readFileSync(f, 'utf8'), /ExecStart=\/usr\/bin\/node \/opt\/fullfolj\/bin\/fullfolj\.js .+ --json/);
    }
    assert.match(
      readFileSync(join(units, 'fullfolj.service'), 'utf8'),
      /ExecStart=\/usr\/bin\/node \/opt\/fullfolj\/bin\/fullfolj\.js start\n/,
    );
  },
);

test('the Dockerfile is multi-stage, builds the web app, runs as a non-root user with a health check', () => {
  const text = readFileSync(join(process.cwd(), 'Dockerfile'), 'utf8');
  assert.equal((text.match(/^FROM /gm) ?? []).length, 2);
  assert.match(text, /RUN npm run build:web/);
  assert.match(text, /^USER node$/m);
  assert.match(text, /^HEALTHCHECK /m);
  assert.match(text, /FULLFOLJ_WEB_BUILD=off/);
  assert.match(text, /CMD \["node", "bin\/fullfolj\.js", "start"\]/);
  // Every path the runtime stage copies exists in the repository (or is built in the first stage).
  for (const [, path] of text.matchAll(/COPY --from=build --chown=root:root \/app\/(\S+)/g)) {
    assert.ok(path === 'node_modules' || path === 'dist/web' || existsSync(join(process.cwd(), path ?? '')), `${path} exists`);
  }
});

test('the start command serves the built web app without building, with metrics, a live backup and a clean stop', async () => {
  if (!existsSync(join(webOutDir, 'index.html'))) await buildWeb(); // what the image build or the installation does
  const indexTime = statSync(join(webOutDir, 'index.html')).mtimeMs;
  const work = mkdtempSync(join(tmpdir(), 'fullfolj-install-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const env = {
    ...process.env,
    DATABASE_URL: '',
    FULLFOLJ_DATA_DIR: join(work, 'data'),
    FULLFOLJ_SEED_DEMO: '0',
    FULLFOLJ_WEB_BUILD: 'off',
    FULLFOLJ_METRICS_PORT: '0',
    PORT: '0',
    LOG_LEVEL: 'silent',
  };
  const child = spawn(process.execPath, ['bin/fullfolj.js', 'start', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const summary = await new Promise<{ url: string; metricsUrl: string }>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      try {
        resolve(JSON.parse(stdout) as { url: string; metricsUrl: string });
      } catch {
        // not complete yet
      }
    });
    void exited.then((code) => reject(new Error(`start exited ${code}: ${stderr}`)));
  });
  try {
    const page = await fetch(`${summary.url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">|<!doctype html>/i);
    assert.ok(!/Bygger webbappen/.test(stderr), 'nothing was built at start');
    assert.equal(statSync(join(webOutDir, 'index.html')).mtimeMs, indexTime);
    const metrics = await (await fetch(summary.metricsUrl)).text();
    assert.match(metrics, /fullfolj_http_requests_total\{method="GET",route="[^"]*",status="200"\} 1/);
    assert.equal((await fetch(`${summary.url}/metrics`)).headers.get('content-type')?.includes('version=0.0.4') ?? false, false);

    const backup = spawnSync(process.execPath, ['bin/fullfolj.js', 'backup', '--out', join(work, 'backups'), '--json'], {
      env,
      encoding: 'utf8',
    });
    assert.equal(backup.status, 0, backup.stderr);
    const result = JSON.parse(backup.stdout) as { status: string; via: string; bytes: number };
    assert.equal(result.status, 'ok');
    assert.equal(result.via, 'running-server');
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, stderr);
  assert.ok(!existsSync(`${join(work, 'data')}.backup.sock`), 'the backup socket is removed on stop');
});
