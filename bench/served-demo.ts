/**
 * The demo region behind the real server, signed in: what the read benchmarks (bench/student-list.bench.ts) measure
 * against. Seeds the demo region on a fresh database, creates the demo accounts, optionally refreshes early detection
 * (rules only, no model) so the worklist has rows, starts the app on a loopback port and signs in.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { seedDemoRegion } from '../src/ingest/demo/index.ts';
import { buildApp } from '../src/server/app.ts';
import { createDemoAccounts, demoPassword } from '../src/server/modules/auth/demo-accounts.ts';
import { refreshAll } from '../src/server/modules/early-warning/refresh.ts';
import { withFresh, type Engine } from './harness.ts';

/** What Chromium and Firefox send as Accept-Encoding. */
export const browserAcceptEncoding = 'gzip, deflate, br, zstd';

/** The demo region's "today": the date the server's clock shows. */
export const TODAY = '2026-11-22';

export interface SignedIn {
  base: string;
  headers: Record<string, string>;
  log: (message: string) => void;
}

/** Runs `fn` against a signed-in server on a fresh demo region of `scale`; closes everything afterwards. */
export async function withSignedInDemo<T>(
  engine: Engine,
  options: { scale: number; username: string; refresh?: boolean; log: (message: string) => void },
  fn: (s: SignedIn) => Promise<T>,
): Promise<T> {
  return withFresh(engine, async (database) => {
    await seedDemoRegion(database, { seed: 1, scale: options.scale, today: TODAY });
    await createDemoAccounts(database, { asOf: TODAY });
    if (options.refresh) await refreshAll(database.db, TODAY);
    const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => new Date(`${TODAY}T10:00:00+01:00`) });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fullfolj-csrf': '1' },
        body: JSON.stringify({ username: options.username, password: demoPassword }),
      });
      if (!signIn.ok) throw new Error(`Inloggningen misslyckades: ${signIn.status}`);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      // Every request as a browser makes it: signed in, and accepting compressed answers (a kept page is compressed
      // once, platform/kept-response.ts; `/api/auth/me`'s answer is under the compression threshold).
      const result = await fn({ base, headers: { cookie, 'accept-encoding': browserAcceptEncoding }, log: options.log });
      // autocannon drops its last sockets mid-request; let the server finish those before closing the database.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return result;
    } finally {
      await app.close();
    }
  });
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface LoadRun {
  /** Every response time in ms (autocannon's histogram has no p95). */
  times: number[];
  non2xx: number;
  timeouts: number;
  errors: number;
  /** Responses per second over the run. */
  perSecond: number;
  /** The run's duration. */
  seconds: number;
}

/**
 * One autocannon run against `url`: `connections` connections for `seconds`, or — with `amount` — until that many
 * requests were sent (then `seconds` is ignored and the rate is over the run's own duration); `timeout` s per request.
 */
export async function load(
  url: string,
  headers: Record<string, string>,
  o: { connections: number; seconds: number; amount?: number; timeout?: number },
): Promise<LoadRun> {
  const times: number[] = [];
  const options = { url, headers, connections: o.connections, duration: o.seconds, timeout: o.timeout ?? 10 };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(o.amount ? { ...options, amount: o.amount } : options, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  return {
    times,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    errors: result.errors,
    perSecond: times.length / (o.amount ? result.duration : o.seconds),
    seconds: o.amount ? result.duration : o.seconds,
  };
}
