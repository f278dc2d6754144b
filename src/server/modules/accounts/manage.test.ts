/**
 * `fullfolj account`: the first administrator of a new installation signs in with the password given, holds exactly the
 * role granted, and is refused when disabled; bad options are refused naming the option, never echoing a value.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixtureClock, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { openDatabase, queryRows } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { buildApp } from '../../app.ts';
import { AccountProblem, grantRole, listAccounts, setDisabled, upsertAccount } from './manage.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const [organiser] = await queryRows<{ number: string; name: string }>(
  database.db,
  sql`SELECT organisation_number AS number, name FROM organisers ORDER BY name LIMIT 1`,
);

test('a new administrator signs in with the password set, holds the role granted and nothing else', async () => {
  await upsertAccount(database.db, { username: 'it-admin', displayName: 'Ida IT', password: 'ett långt lösenord' });
  await grantRole(database.db, { username: 'it-admin', role: 'admin', organiser: organiser!.number });
  const session = await signIn(app, 'it-admin', 'ett långt lösenord');
  const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).json();
  assert.deepEqual(
    me.roles.map((r: { role: string }) => r.role),
    ['admin'],
  );
  const students = await app.inject({ method: 'GET', url: '/api/students', headers: session.headers });
  assert.equal(students.statusCode, 403, 'an administrator reads no student data');
  const [listed] = await listAccounts(database.db, 'it-admin');
  assert.deepEqual(listed, {
    username: 'it-admin',
    name: 'Ida IT',
    disabled: false,
    signIn: ['lösenord'],
    roles: [`Administratör hos ${organiser!.name}`],
  });

  await setDisabled(database.db, 'it-admin', true);
  const afterDisable = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
  assert.equal(afterDisable.statusCode, 401, 'a disabled account is signed out at its next request');
});

test('bad options are refused naming the option, never echoing what was given', async () => {
  // Each attempt starts only when its turn comes: started together, a refusal could land before anyone awaits it.
  const refusals: [() => Promise<unknown>, RegExp][] = [
    [() => upsertAccount(database.db, { username: 'x y', displayName: 'X', password: 'ett långt lösenord' }), /--username/],
    [() => upsertAccount(database.db, { username: 'kort', displayName: 'K', password: 'hemligt' }), /minst 12 tecken/],
    [() => grantRole(database.db, { username: 'it-admin', role: 'superuser', organiser: organiser!.number }), /--role/],
    [() => grantRole(database.db, { username: 'ingen-alls', role: 'admin', organiser: organiser!.number }), /--username/],
    [() => grantRole(database.db, { username: 'it-admin', role: 'admin', organiser: '0000000000' }), /--organiser/],
    [() => grantRole(database.db, { username: 'it-admin', role: 'region-coordinator', organiser: organiser!.number }), /--region/],
    [
      () => grantRole(database.db, { username: 'it-admin', role: 'rektor', organiser: organiser!.number, unitCodes: ['99999999'] }),
      /--units/,
    ],
    [() => grantRole(database.db, { username: 'it-admin', role: 'mentor', organiser: organiser!.number }), /SS 12000/],
    [
      () => grantRole(database.db, { username: 'it-admin', role: 'kaa', organiser: organiser!.number, municipalityCode: '9999' }),
      /--municipality/,
    ],
  ];
  for (const [attempt, option] of refusals) {
    await assert.rejects(attempt(), (error: Error) => {
      assert.ok(error instanceof AccountProblem, error.message);
      assert.match(error.message, option);
      assert.doesNotMatch(error.message, /superuser|ingen-alls|0000000000|99999999|9999|hemligt/);
      return true;
    });
  }
});

test('the command line: add reads the password from standard input, grant and list answer in JSON', async () => {
  const work = mkdtempSync(join(tmpdir(), 'fullfolj-account-cli-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const dataDir = join(work, 'data');
  const fresh = await openDatabase({ dataDir });
  await migrateDatabase(fresh);
  await loadAccessFixtures(fresh);
  await fresh.close();
  const run = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        ['bin/fullfolj.js', 'account', ...args, '--json'],
        { env: { ...process.env, FULLFOLJ_DATA_DIR: dataDir, DATABASE_URL: '' } },
        (error, stdout) => (error ? reject(Object.assign(error, { stdout })) : resolve(stdout)),
      );
      child.stdin?.end(input ?? '');
    });
  const added = JSON.parse(
    await run(['add', '--username', 'forsta-admin', '--name', 'Första admin', '--password-stdin'], 'ett långt lösenord\n'),
  );
  assert.deepEqual(added, { status: 'ok', username: 'forsta-admin', created: true }, 'a password given is never printed');
  const generated = JSON.parse(await run(['add', '--username', 'andra-admin', '--name', 'Andra admin']));
  assert.match(generated.password, /^[\w-]{20}$/, 'a generated password is shown once');
  const granted = JSON.parse(await run(['grant', '--username', 'forsta-admin', '--role', 'dpo', '--organiser', organiser!.number]));
  assert.equal(granted.status, 'ok');
  const listed = JSON.parse(await run(['list', '--username', 'forsta-admin']));
  assert.deepEqual(listed.accounts[0].roles, [`Dataskyddsombud hos ${organiser!.name}`]);
  await assert.rejects(
    run(['grant', '--username', 'forsta-admin', '--role', 'kung', '--organiser', organiser!.number]),
    (error: { stdout: string }) => {
      assert.equal(JSON.parse(error.stdout).status, 'failed');
      assert.match(JSON.parse(error.stdout).error, /--role: okänd roll/);
      return true;
    },
  );
});
