/**
 * Where a scoped read spends its time (issue #17 item 1): `npx tsx bench/profile-reads.ts` (PGlite) or with
 * `DATABASE_URL` (PostgreSQL). Seeds the demo region (scale `BENCH_LIST_SCALE`, default 1; or takes the one kept by
 * `kept-demo.ts`), signs in as the kurator and
 * times, one at a time, each step of a `GET /api/students` request on its own — a bare round trip, BEGIN + COMMIT, the
 * actor's statement, the list's query, the access-log row, the response's contract parse and JSON — and then whole
 * requests through the server (in-process `inject` and over HTTP). Median and p95 in ms on stderr; nothing is asserted
 * and nothing is reported to `npm run bench` (this file is not a `*.bench.ts`).
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { queryRows } from '../src/server/db/client.ts';
import { demoPassword } from '../src/server/modules/auth/demo-accounts.ts';
import { worklist, worklistOrder, worklistQuery } from '../src/server/modules/early-warning/queries.ts';
import { scopeImpliesCurrentEnrolment, scopeStudentsQuery } from '../src/server/modules/students/policy.ts';
import { presentStudentListItem } from '../src/server/modules/students/present.ts';
import { listStudents } from '../src/server/modules/students/queries.ts';
import { logAccess, readLogged } from '../src/server/platform/access-log.ts';
import { readConfig } from '../src/server/platform/config.ts';
import { actorFrom, type ActorContext } from '../src/server/platform/context.ts';
import { checkedResponse } from '../src/server/platform/response-check.ts';
import { resumeSessionWithAccount, sessionCookie } from '../src/server/platform/sessions.ts';
import { studentsApi } from '../src/shared/students/contract.ts';
import { size } from './harness.ts';
import { keptDemo } from './kept-demo.ts';
import { percentile, TODAY } from './served-demo.ts';

const SCALE = size('BENCH_LIST_SCALE', 1, 0.05);
const N = size('BENCH_PROFILE_REPEATS', 200, 5);
const log = (m: string) => process.stderr.write(`${m}\n`);

/** Runs `fn` N times one at a time (after 5 warm-ups) and logs its median and p95. */
async function time(name: string, fn: () => Promise<unknown> | unknown): Promise<void> {
  for (let i = 0; i < 5; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  log(`${name.padEnd(42)} median ${percentile(ms, 50).toFixed(2).padStart(8)} ms   p95 ${percentile(ms, 95).toFixed(2).padStart(8)} ms`);
}

log(`seeding the demo region at scale ${SCALE} (or taking the kept one, kept-demo.ts) …`);
const database = await keptDemo(SCALE);
try {
  const clock = () => new Date(`${TODAY}T10:00:00+01:00`);
  const app = await buildApp({ database, config: { logLevel: 'silent' }, clock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fullfolj-csrf': '1' },
      body: JSON.stringify({ username: 'kurator', password: demoPassword }),
    });
    const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    const cookie = cookies.join('; ');
    const token = decodeURIComponent((cookies.find((c) => c.startsWith(`${sessionCookie}=`)) ?? '').split('=')[1] ?? '');
    const { db } = database;
    const now = clock();
    const auth = readConfig({}).auth;
    const resumed = await resumeSessionWithAccount(db, token, now, auth);
    if (!resumed?.account) throw new Error('no session');
    const actor = actorFrom(resumed.account, resumed.assignments);
    const ctx: ActorContext = { requestId: 'profile', ip: '127.0.0.1', now, actor };
    const scope = scopeStudentsQuery(actor, { asOf: TODAY, permission: 'students.list' });
    if (!scope || !actor.tenantId) throw new Error('no scope');
    const filter = { page: 2, pageSize: 25 };
    const scopeEnrols = scopeImpliesCurrentEnrolment(actor, { asOf: TODAY, permission: 'students.list' });
    const rows = await listStudents(db, actor.tenantId, scope, filter, TODAY, scopeEnrols);
    const answer = { items: rows.map(presentStudentListItem), total: rows[0]?.total ?? 0, page: 2, pageSize: 25 };
    log(`${answer.total} students in scope`);

    await time('select 1', () => db.execute(sql`select 1`));
    await time('BEGIN + COMMIT (empty transaction)', () => db.transaction(async () => {}));
    await time('actor (session, account, roles)', () => resumeSessionWithAccount(db, token, now, auth));
    await time('listStudents page 2', () => listStudents(db, actor.tenantId!, scope, filter, TODAY, scopeEnrols));
    await time('worklist page 1 (tier ≥ 1)', () => worklist(db, actor.tenantId!, scope, { minTier: 1, page: 1, pageSize: 25 }));
    const worklistFilter = { minTier: 1, page: 1, pageSize: 25 };
    await time('worklist + its log row (readLogged)', () =>
      db.transaction((tx) =>
        readLogged(
          tx,
          ctx,
          { action: 'early-warning.worklist', purpose: 'profil', outcome: 'allowed' },
          worklistQuery(actor.tenantId!, scope, worklistFilter),
          worklistOrder,
        ),
      ),
    );
    await time('access-log insert', () =>
      logAccess(db, ctx, { action: 'students.list', subjectIds: rows.map((r) => r.id), purpose: 'profil', outcome: 'allowed' }),
    );
    await time('BEGIN, actor, list, log, COMMIT', () =>
      db.transaction(async (tx) => {
        await resumeSessionWithAccount(tx, token, now, auth);
        const r = await listStudents(tx, actor.tenantId!, scope, filter, TODAY, scopeEnrols);
        await logAccess(tx, ctx, { action: 'students.list', subjectIds: r.map((x) => x.id), purpose: 'profil', outcome: 'allowed' });
      }),
    );
    await time('BEGIN, actor, COMMIT (me)', () => db.transaction((tx) => resumeSessionWithAccount(tx, token, now, auth)));
    await time('contract parse of the list (zod)', () => checkedResponse(studentsApi.list.response, answer));
    await time('JSON.stringify of the list', () => JSON.stringify(answer));
    await time('inject GET /api/auth/me', () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }));
    await time('inject GET /api/students?page=2', () =>
      app.inject({ method: 'GET', url: '/api/students?page=2&pageSize=25', headers: { cookie } }),
    );
    await time('inject GET /api/early-warning/worklist', () =>
      app.inject({ method: 'GET', url: '/api/early-warning/worklist?minTier=1&page=1&pageSize=25', headers: { cookie } }),
    );
    await time('HTTP GET /api/auth/me', async () => (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).arrayBuffer());
    await time('HTTP GET /api/students?page=2', async () =>
      (await fetch(`${base}/api/students?page=2&pageSize=25`, { headers: { cookie } })).arrayBuffer(),
    );
    await time('HTTP GET /api/early-warning/worklist', async () =>
      (await fetch(`${base}/api/early-warning/worklist?minTier=1&page=1&pageSize=25`, { headers: { cookie } })).arrayBuffer(),
    );
    const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int AS n from access_log`);
    log(`${counted?.n} access-log rows`);
  } finally {
    await app.close();
  }
} finally {
  await database.close();
}
