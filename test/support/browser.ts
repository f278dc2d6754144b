/**
 * Browser tests: the built web app served by the real server on a fixture database, driven by
 * playwright-core on Debian's Chromium, with axe-core for WCAG 2.1 AA.
 * The web build is cached per content hash of src/web (+ vite config and lock file), like the database template.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Database } from '../../src/server/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { demoPassword } from '../../src/server/modules/auth/demo-accounts.ts';
import { fixtureClock, loadAccessFixtures } from './access.ts';
import { createTestDatabase } from './database.ts';

const root = process.cwd();
const cacheDir = join(root, 'node_modules', '.cache', 'fullfolj');

/** Where Chromium lives: FULLFOLJ_CHROMIUM, else Debian's package. */
export const chromiumPath = process.env.FULLFOLJ_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null. Under CI=true a missing browser is a failure, not a skip. */
export function browserUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `Chromium saknas (${chromiumPath}): installera Debians paket chromium (scripts/chromium.sh)`;
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}

/** A hash of everything the web build reads. */
function webHash(): string {
  const h = createHash('sha256');
  // The web app imports the shared contracts and input blocks (src/shared) as well as its own sources.
  for (const dir of [join('src', 'web'), join('src', 'shared')]) {
    for (const f of readdirSync(join(root, dir), { recursive: true }).map(String).sort()) {
      if (f.includes('.test.')) continue;
      const p = join(root, dir, f);
      try {
        h.update(join(dir, f)).update(readFileSync(p));
      } catch {
        // a directory
      }
    }
  }
  for (const f of ['vite.config.ts', 'package-lock.json', join('src', 'cli', 'web-precompress.ts')])
    if (existsSync(join(root, f))) h.update(readFileSync(join(root, f)));
  return h.digest('hex').slice(0, 12);
}

/** The built web app for the current sources: built once per content hash, then reused. */
export async function builtWebRoot(): Promise<string> {
  const dir = join(cacheDir, `web-${webHash()}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const { build } = await import('vite');
  const tmp = `${dir}.${process.pid}.tmp`;
  // Mode 'test': the web app parses every answer with its contract's response schema (src/web/shared/api.ts).
  await build({ configFile: join(root, 'vite.config.ts'), mode: 'test', logLevel: 'error', build: { outDir: tmp, emptyOutDir: true } });
  mkdirSync(cacheDir, { recursive: true });
  // Rename into place, so a parallel test file never serves half a build; the loser discards its copy.
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

export interface BrowserApp {
  database: Database;
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
}

/**
 * The server on a fresh fixture database (both organisers, demo accounts; or what `load` puts there) with the built
 * app, and a browser. The server's clock is the fixtures' unless `options.clock` is given (a test that moves time).
 */
export async function startBrowserApp(
  load: (database: Database) => Promise<void> = loadAccessFixtures,
  options: { clock?: () => Date } = {},
): Promise<BrowserApp> {
  const webRoot = await builtWebRoot();
  const database = await createTestDatabase();
  await load(database);
  // Every browser test signs in from the one loopback address, a few dozen times a minute: the per-address sign-in limit
  // (20 a minute by default, src/server/platform/config.ts) is raised here, or the last sign-ins of a fast file get a 429.
  const app = await buildApp({
    database,
    config: { logLevel: 'silent', auth: { signInPerIpPerMinute: 1000 } },
    clock: options.clock ?? fixtureClock,
    webRoot,
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  after(async () => {
    await browser.close();
    await app.close();
  });
  return { database, app, baseUrl: address, browser };
}

const pageErrors = new WeakMap<Page, string[]>();

/** A new page in a fresh context (no cookies), Swedish locale. */
export async function newPage(env: BrowserApp): Promise<Page> {
  const context = await env.browser.newContext({ baseURL: env.baseUrl, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** Signs in through the sign-in form and waits for the start page. */
export async function signInAs(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core for WCAG 2.0/2.1 A and AA on the page and fails with every violation listed (and on script errors). */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  // Through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an inline <script>.
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      })),
    };
  });
  assert.ok(passes > 5, `axe ran its rules (${passes} passed), ${label}`);
  const text = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(text, [], `axe, ${label}`);
  assert.deepEqual(pageErrors.get(page) ?? [], [], `script errors, ${label}`);
}
