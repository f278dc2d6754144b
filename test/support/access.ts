/** Test helpers for the access slice: fixture data through the importer, demo accounts, signed-in requests. */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/server/db/client.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { importSs12000, memorySource } from '../../src/ingest/ss12000/index.ts';
import { cloneDocuments, fixtureDocuments } from '../../src/ingest/ss12000/test-helpers.ts';
import { createDemoAccounts, demoPassword } from '../../src/server/modules/auth/demo-accounts.ts';

/** The fixtures' school year: on this date Alva, Bo and Cem are in NA23A and the activity runs. */
export const fixtureNow = new Date('2024-10-01T10:00:00+02:00');
export const fixtureClock = () => fixtureNow;

export const kommun = 'a0000000-0000-4000-8000-000000000001';
export const friskola = 'a1000000-0000-4000-8000-000000000001';
export const students = {
  alva: 'd0000000-0000-4000-8000-000000000001',
  /** Protected identity (Skyddad folkbokföring). */
  bo: 'd0000000-0000-4000-8000-000000000002',
  cem: 'd0000000-0000-4000-8000-000000000003',
  /** Added here: enrolled at Exempelgymnasiet, in no group — outside the mentor's and teacher's scopes. */
  eva: 'd0000000-0000-4000-8000-000000000009',
  /** The independent organiser's student. */
  dana: 'd1000000-0000-4000-8000-000000000001',
};

/** Imports both fixture organisers (plus Eva) and creates demo accounts in each (friskola's prefixed `fri-`). */
export async function loadAccessFixtures(database: Database): Promise<void> {
  const docs = cloneDocuments(fixtureDocuments('kommun'));
  docs.persons = [
    ...(docs.persons ?? []),
    {
      id: students.eva,
      meta: { created: '2024-08-01T08:00:00+02:00', modified: '2024-08-15T10:00:00+02:00' },
      givenName: 'Eva',
      familyName: 'Utanför',
      enrolments: [{ enroledAt: { id: 'a0000000-0000-4000-8000-000000000002' }, schoolType: 'GY', schoolYear: 1, startDate: '2024-08-15' }],
    },
  ];
  await importSs12000(database, memorySource(docs));
  await importSs12000(database, memorySource(fixtureDocuments('friskola')));
  const asOf = '2024-10-01';
  await createDemoAccounts(database, { tenantId: kommun, asOf });
  await createDemoAccounts(database, { tenantId: friskola, asOf, usernamePrefix: 'fri-' });
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Signs in with the demo password and returns the cookies and CSRF header for later requests. */
export async function signIn(app: FastifyInstance, username: string, password = demoPassword): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { 'x-fullfolj-csrf': '1' },
    payload: { username, password },
  });
  assert.equal(res.statusCode, 200, `sign-in as ${username}: ${res.body}`);
  const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const cookie = Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const csrf = jar.fullfolj_csrf ?? '';
  return { cookie, csrf, headers: { cookie, 'x-fullfolj-csrf': csrf } };
}

export interface LogRow extends Record<string, unknown> {
  tenant_id: string;
  account_id: string | null;
  action: string;
  outcome: string;
  subject_ids: string[];
  role: string | null;
  request_id: string;
}

/** Access-log rows, oldest first (subject ids sorted). */
export async function accessLogRows(database: Database): Promise<LogRow[]> {
  const rows = await queryRows<LogRow>(
    database.db,
    sql`
    SELECT tenant_id, account_id, action, outcome, subject_ids::text[] AS subject_ids, role, request_id FROM access_log ORDER BY id`,
  );
  return rows.map((r) => ({ ...r, subject_ids: [...r.subject_ids].sort() }));
}

/** The account id of a username. */
export async function accountId(database: Database, username: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM accounts WHERE username = ${username}`);
  assert.ok(row, username);
  return row.id;
}
