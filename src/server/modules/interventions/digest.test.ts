import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import {
  accessLogRows,
  accountId,
  fixtureClock,
  friskola,
  kommun,
  loadAccessFixtures,
  signIn,
  students,
} from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { linkStaffPerson, setContact, updateAccount } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { runDigest } from './digest.ts';
import { addCase } from './reporting-fixtures.ts';

// On 2024-10-01: the kurator has one follow-up overdue (25 Sep), one due on 5 Oct, one on 20 Oct (too far), one done
// and one in a closed case; the psychologist (whose username is an e-mail address) one due on 8 Oct; the other
// organiser's kurator (no address) one overdue.
const today = '2024-10-01';
const unit = 'a0000000-0000-4000-8000-000000000002';
const database = await createTestDatabase();
await loadAccessFixtures(database);
const kuratorId = await accountId(database, 'kurator');
const psykologId = await accountId(database, 'psykolog');
const friKuratorId = await accountId(database, 'fri-kurator');
await updateAccount(database.db, 'psykolog', { username: 'psykolog@skola.example' });
// The kurator's address comes from their staff person's work e-mail (SS 12000 Person.emails).
const staffPerson = 'd0000000-0000-4000-8000-000000000005';
await setContact(database.db, {
  tenantId: kommun,
  personId: staffPerson,
  contact: {
    emails: [
      { type: 'Privat', value: 'hemma@example.org' },
      { type: 'Tjänst', value: 'kurator@kommun.example' },
    ],
  },
});
await linkStaffPerson(database.db, { tenantId: kommun, accountId: kuratorId, personId: staffPerson });
const alva = await addCase(database.db, {
  tenantId: kommun,
  studentId: students.alva,
  schoolUnitId: unit,
  responsibleId: kuratorId,
  openedOn: '2024-09-01',
  interventions: [
    {
      title: 'Check & Connect',
      startDate: '2024-09-02',
      followUps: [
        { dueOn: '2024-09-25' },
        { dueOn: '2024-10-05' },
        { dueOn: '2024-10-20' },
        { dueOn: '2024-09-20', doneOn: '2024-09-20' },
        { dueOn: '2024-10-08', responsibleId: psykologId },
      ],
    },
  ],
});
await addCase(database.db, {
  tenantId: kommun,
  studentId: students.cem,
  schoolUnitId: unit,
  responsibleId: kuratorId,
  openedOn: '2024-08-01',
  status: 'closed',
  closedOn: '2024-09-01',
  interventions: [{ title: 'Samtal', startDate: '2024-08-02', followUps: [{ dueOn: '2024-09-10' }] }],
});
const dana = await addCase(database.db, {
  tenantId: friskola,
  studentId: students.dana,
  schoolUnitId: 'a1000000-0000-4000-8000-000000000002',
  responsibleId: friKuratorId,
  openedOn: '2024-09-01',
  interventions: [{ title: 'Samtal', startDate: '2024-09-02', followUps: [{ dueOn: '2024-09-30' }] }],
});

// An SMTP server in this process: what nodemailer really sends over SMTP.
const received: { from: string; to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      done();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

/** The text part of a message, quoted-printable decoded. */
function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '');
  return Buffer.from(
    body.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

const notificationRows = () =>
  queryRows<{
    tenant_id: string;
    account_id: string;
    for_date: string;
    payload: { overdue: { followUpId: string }[]; upcoming: { followUpId: string }[] };
    emailed_at: string | null;
  }>(database.db, sql`SELECT tenant_id, account_id, for_date::text, payload, emailed_at FROM notifications ORDER BY tenant_id, account_id`);

test('the digest: one notification per responsible person and day with ids only; a second run the same day adds nothing', async () => {
  const first = await runDigest(database, today);
  assert.deepEqual(first, { forDate: today, accounts: 3, created: 3, emailed: 0, noAddress: 0, failed: 0, smtp: false });
  const rows = await notificationRows();
  const kurator = rows.find((r) => r.account_id === kuratorId);
  assert.deepEqual(
    kurator?.payload.overdue.map((f) => f.followUpId),
    [alva.followUpIds[0]],
  );
  assert.deepEqual(
    kurator?.payload.upcoming.map((f) => f.followUpId),
    [alva.followUpIds[1]],
    "due within 7 days; 20 Oct is not, the done one and the closed case's never",
  );
  assert.deepEqual(
    rows.find((r) => r.account_id === psykologId)?.payload.upcoming.map((f) => f.followUpId),
    [alva.followUpIds[4]],
    '8 October is the seventh day',
  );
  assert.deepEqual(
    rows.find((r) => r.account_id === friKuratorId)?.payload.overdue.map((f) => f.followUpId),
    dana.followUpIds,
  );
  assert.equal(rows.find((r) => r.account_id === friKuratorId)?.tenant_id, friskola);
  assert.ok(!JSON.stringify(rows).includes('Testsson') && !JSON.stringify(rows).includes(students.alva), 'no names, no student ids');
  assert.deepEqual(await runDigest(database, today), { ...first, created: 0 });
  assert.equal((await notificationRows()).length, 3);
});

test('with FULLFOLJ_SMTP_URL: an e-mail with counts and a link only, to those with an address, once', async () => {
  const result = await runDigest(database, today, {
    smtpUrl,
    from: 'Fullfölj <noreply@kommun.example>',
    publicUrl: 'https://fullfolj.kommun.example',
  });
  assert.deepEqual(result, { forDate: today, accounts: 3, created: 0, emailed: 2, noAddress: 1, failed: 0, smtp: true });
  assert.deepEqual(
    received.map((m) => m.to).sort(),
    [['kurator@kommun.example'], ['psykolog@skola.example']],
    'the work address, not the private one',
  );
  const mail = received.find((m) => m.to[0] === 'psykolog@skola.example');
  assert.equal(mail?.from, 'noreply@kommun.example');
  assert.match(
    textOf(received.find((m) => m.to[0] === 'kurator@kommun.example')!.raw),
    /Du har 1 försenade uppföljningar och 1 uppföljningar/,
  );
  const text = textOf(mail!.raw);
  assert.match(text, /Du har 0 försenade uppföljningar och 1 uppföljningar de närmaste 7 dagarna i Fullfölj\./);
  assert.match(text, /https:\/\/fullfolj\.kommun\.example\//);
  for (const personal of ['Alva', 'Testsson', 'Check & Connect', students.alva, alva.caseId, alva.followUpIds[4]!]) {
    assert.ok(!mail!.raw.includes(personal), `the e-mail must not carry ${personal}`);
  }
  assert.ok((await notificationRows()).find((r) => r.account_id === psykologId)?.emailed_at);
  const again = await runDigest(database, today, { smtpUrl });
  assert.equal(again.emailed, 0);
  assert.equal(received.length, 2, 'sent once');
});

test("GET /api/interventions/notifications: one's own, counts only; POST …/read marks one's own, another's is 404 (logged)", async () => {
  const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
  assert.equal((await app.inject({ method: 'GET', url: '/api/interventions/notifications' })).statusCode, 401);
  const kurator = await signIn(app, 'kurator');
  const bad = await app.inject({ method: 'GET', url: '/api/interventions/notifications?all=1', headers: kurator.headers });
  assert.equal(bad.statusCode, 400);
  const res = await app.inject({ method: 'GET', url: '/api/interventions/notifications', headers: kurator.headers });
  assert.equal(res.statusCode, 200);
  const [item] = res.json().items;
  assert.deepEqual(
    [res.json().items.length, item.forDate, item.overdue, item.upcoming, item.readAt, res.json().unread],
    [1, today, 1, 1, null, 1],
  );

  const outsider = await signIn(app, 'fri-kurator');
  const foreign = await app.inject({ method: 'POST', url: `/api/interventions/notifications/${item.id}/read`, headers: outsider.headers });
  assert.equal(foreign.statusCode, 404);
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome, log?.tenant_id], ['interventions.notification', 'denied', friskola]);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/interventions/notifications', headers: kurator.headers })).json().unread,
    1,
    'unchanged',
  );
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/interventions/notifications/nope/read', headers: kurator.headers })).statusCode,
    400,
  );
  const read = await app.inject({ method: 'POST', url: `/api/interventions/notifications/${item.id}/read`, headers: kurator.headers });
  assert.equal(read.statusCode, 200);
  assert.ok(read.json().readAt);
  assert.equal((await app.inject({ method: 'GET', url: '/api/interventions/notifications', headers: kurator.headers })).json().unread, 0);
  await app.close();
});
