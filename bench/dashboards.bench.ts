/**
 * Dashboards on the demo region (issue #17 item 4: each under 300 ms, in one query each): the median time of each
 * dashboard's route, signed in as the role that reads it, one request at a time, against the median of a bare SQL
 * aggregate over the same rows in the same run (the SQL-only baseline: what one set-based statement over those tables
 * costs without the route's scope, suppression, presentation and access-log row). Lower is better; 1 = as cheap as
 * that one statement.
 *
 * The demo region is seeded once per engine for all the entries (untimed: the region, the demo accounts, one rules-only
 * early-detection refresh, the student-health case history and the KAA register), and closed after the last entry that
 * runs (`--only` is honoured, so `--only dashboard` seeds once).
 */
import type { AddressInfo } from 'node:net';
import { sql, type SQL } from 'drizzle-orm';
import { seedDemoRegion } from '../src/ingest/demo/index.ts';
import { seedDemoInterventions } from '../src/ingest/demo/interventions.ts';
import { seedDemoKaa } from '../src/ingest/demo/kaa.ts';
import { buildApp } from '../src/server/app.ts';
import type { Database } from '../src/server/db/client.ts';
import { createDemoAccounts, demoPassword } from '../src/server/modules/auth/demo-accounts.ts';
import { refreshAll } from '../src/server/modules/early-warning/refresh.ts';
import { round, size, type Benchmark, type Engine } from './harness.ts';
import { percentile, TODAY } from './served-demo.ts';

// The smoke test's size: 1 % of the region still has every organiser, cases, risks and a KAA register, and seeds in
// about a minute on a busy 2-core machine (5 % took ~3 minutes of `npm test`).
const SCALE = size('BENCH_DASHBOARD_SCALE', 1, 0.01);
const REPEATS = size('BENCH_DASHBOARD_REPEATS', 9, 1);

interface Served {
  database: Database;
  base: string;
  cookies: Map<string, string>;
  close(): Promise<void>;
}

const served = new Map<Engine, Promise<Served>>();

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fullfolj-csrf': '1' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`Inloggningen som ${username} misslyckades: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The seeded, signed-in server for `engine`, started on first use. */
function serve(engine: Engine, log: (m: string) => void): Promise<Served> {
  let started = served.get(engine);
  if (!started) {
    started = (async () => {
      const database = await engine.fresh();
      const t0 = performance.now();
      await seedDemoRegion(database, { seed: 1, scale: SCALE, today: TODAY });
      await createDemoAccounts(database, { asOf: TODAY });
      await refreshAll(database.db, TODAY);
      await seedDemoInterventions(database, { today: TODAY, seed: 1 });
      await seedDemoKaa(database, { today: TODAY, seed: 1 });
      log(`demo region scale ${SCALE} seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (untimed)`);
      const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => new Date(`${TODAY}T10:00:00+01:00`) });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const cookies = new Map<string, string>();
      for (const user of new Set(dashboards.map((d) => d.user))) cookies.set(user, await signIn(base, user));
      return {
        database,
        base,
        cookies,
        async close() {
          await app.close();
          await database.close();
        },
      };
    })();
    served.set(engine, started);
  }
  return started;
}

/** Closes the engine's server when no later dashboard entry of this run will use it (`--only` as bench/run.ts reads it). */
async function releaseIfLast(engine: Engine, name: string): Promise<void> {
  const argv = process.argv;
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const later = benchmarks.slice(benchmarks.findIndex((b) => b.name === name) + 1).filter((b) => !only || b.name.includes(only));
  if (later.length > 0) return;
  const s = served.get(engine);
  served.delete(engine);
  await (await s)?.close();
}

async function median(fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  await fn(); // warm-up: the first call plans and caches what every later one reuses
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}

interface Dashboard {
  name: string;
  path: string;
  /** The demo account that reads it. */
  user: string;
  /** The bare aggregate over the same rows (the first organiser with data, as the route's actor sees). */
  baseline: SQL;
}

const dashboards: Dashboard[] = [
  {
    name: 'dashboard interventions overview',
    path: '/api/interventions/dashboard',
    user: 'analytiker',
    baseline: sql`SELECT c.status, count(*), count(DISTINCT i.id) FROM cases c LEFT JOIN case_interventions i
                   ON i.tenant_id = c.tenant_id AND i.case_id = c.id GROUP BY c.tenant_id, c.status`,
  },
  {
    name: 'dashboard interventions effects',
    path: '/api/interventions/effects',
    user: 'analytiker',
    baseline: sql`SELECT i.method_id, count(*) FROM case_interventions i JOIN student_risk_history h
                   ON h.tenant_id = i.tenant_id AND h.student_id = (SELECT c.student_id FROM cases c WHERE c.tenant_id = i.tenant_id AND c.id = i.case_id)
                  GROUP BY i.tenant_id, i.method_id`,
  },
  {
    name: 'dashboard early-detection overview',
    path: '/api/early-warning/overview',
    user: 'analytiker',
    baseline: sql`SELECT r.school_unit_id, r.school_type, r.school_year, r.programme_code, r.tier, count(*) FROM student_risk r
                  GROUP BY GROUPING SETS ((r.tenant_id, r.school_unit_id, r.tier), (r.tenant_id, r.school_type, r.school_year, r.tier),
                                          (r.tenant_id, r.programme_code, r.tier))`,
  },
  {
    name: 'dashboard follow-up completion',
    path: '/api/follow-up/completion',
    user: 'analytiker',
    baseline: sql`SELECT e.tenant_id, extract(year FROM e.start_date), e.programme_code, count(DISTINCT e.person_id) FROM enrolments e
                   WHERE e.school_type = 'GY' GROUP BY 1, 2, 3`,
  },
  {
    name: 'dashboard kaa coverage',
    path: '/api/kaa/coverage',
    user: 'kaa',
    baseline: sql`SELECT y.tenant_id, count(*), count(r.*) FROM kaa_youth y LEFT JOIN kaa_registrations r ON r.tenant_id = y.tenant_id AND r.youth_id = y.id GROUP BY y.tenant_id`,
  },
  {
    name: 'dashboard region kaa coverage',
    path: '/api/region/coverage',
    user: 'region',
    baseline: sql`SELECT o.municipality_code, count(*), count(*) FILTER (WHERE r.deregistered_on IS NULL) FROM kaa_registrations r
                   JOIN organisers o ON o.id = r.tenant_id GROUP BY 1`,
  },
  {
    name: 'dashboard region overview',
    path: '/api/region',
    user: 'region',
    baseline: sql`SELECT o.municipality_code, r.tier, count(*) FROM student_risk r JOIN organisers o ON o.id = r.tenant_id GROUP BY 1, 2`,
  },
];

/** This file's benchmarks, picked up by bench/registry.ts: one entry per dashboard. */
export const benchmarks: Benchmark[] = dashboards.map((d) => ({
  name: d.name,
  unit: 'ms',
  describe: `median of GET ${d.path} (demo ${d.user}, demo region scale ${SCALE}, ${REPEATS} requests one at a time) / median of a bare SQL aggregate over the same rows, same run; lower is better (target: under 300 ms)`,
  async run(engine, log) {
    try {
      const s = await serve(engine, log);
      const headers = { cookie: s.cookies.get(d.user) ?? '' };
      const value = await median(async () => {
        const res = await fetch(`${s.base}${d.path}`, { headers });
        if (!res.ok) throw new Error(`${d.path}: ${res.status}`);
        await res.arrayBuffer();
      });
      const baseline = await median(async () => {
        await s.database.db.execute(d.baseline);
      });
      log(`${d.path}: ${value.toFixed(1)} ms; bare aggregate ${baseline.toFixed(1)} ms`);
      return { value: round(value), baseline: round(Math.max(baseline, 0.001)) };
    } finally {
      await releaseIfLast(engine, d.name);
    }
  },
}));
