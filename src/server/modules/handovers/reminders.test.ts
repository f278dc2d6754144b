import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { accountId, fixtureClock, friskola, kommun, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { setRoleUnits, updateAccount } from '../../../../test/support/factories/index.ts';
import { buildApp } from '../../app.ts';
import { emptyContent, emptyFacts } from './facts.ts';
import { handovers, notifications } from '../../db/schema/index.ts';
import { runDigest } from '../interventions/digest.ts';
import { HANDOVER_REMINDER_KIND, type HandoverReminderPayload } from './reminders.ts';

const skolan79 = 'a0000000-0000-4000-8000-000000000003';
const gymnasiet = 'a0000000-0000-4000-8000-000000000002';
const friGymnasium = 'a1000000-0000-4000-8000-000000000002';
const today = '2024-10-01';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const db = database.db;
const rektor = await accountId(database, 'rektor');
const friRektor = await accountId(database, 'fri-rektor');
// The municipal principal leads the compulsory school (the sender); the independent one the upper-secondary unit.
await setRoleUnits(db, { tenantId: kommun, accountId: rektor, unitIds: [skolan79] });
await setRoleUnits(db, { tenantId: friskola, accountId: friRektor, unitIds: [friGymnasium] });

const base = {
  route: 'year9-to-upper-secondary' as const,
  civicNo: '200801092383',
  givenName: 'Yrsa',
  familyName: 'Ytterlund',
  fromOrganiserId: kommun,
  fromOrganiserName: 'Exempel kommun',
  fromUnitId: skolan79,
  fromUnitName: 'Exempelskolan',
  toOrganiserName: 'Friskolan',
  toUnitName: 'Friskolans gymnasium',
  facts: emptyFacts(),
  content: emptyContent(),
};
const [late] = await db
  .insert(handovers)
  .values([
    // A draft past its send-by date: the sending unit's principal is reminded.
    {
      ...base,
      tenantId: kommun,
      direction: 'sent',
      status: 'draft',
      toOrganiserId: friskola,
      toUnitId: friGymnasium,
      sendBy: '2024-09-20',
      dedupeKey: 'a',
    },
    // A draft whose date is a month away: nobody yet.
    {
      ...base,
      tenantId: kommun,
      direction: 'sent',
      status: 'draft',
      toOrganiserId: kommun,
      toUnitId: gymnasiet,
      sendBy: '2024-11-01',
      dedupeKey: 'b',
    },
  ])
  .returning({ id: handovers.id });
const [unconfirmed] = await db
  .insert(handovers)
  .values([
    // Delivered, not confirmed by its confirm-by date: the receiving unit's principal is reminded.
    {
      ...base,
      tenantId: friskola,
      direction: 'received',
      status: 'sent',
      toOrganiserId: friskola,
      toUnitId: friGymnasium,
      confirmBy: '2024-09-25',
      dedupeKey: 'c',
    },
    // Confirmed: nothing to remind of.
    {
      ...base,
      tenantId: friskola,
      direction: 'received',
      status: 'confirmed',
      toOrganiserId: friskola,
      toUnitId: friGymnasium,
      confirmBy: '2024-09-25',
      dedupeKey: 'd',
    },
  ])
  .returning({ id: handovers.id });

test('an unsent draft past its date reminds the sending principal, an overdue receipt the receiving principal, and nobody else', async () => {
  const result = await runDigest(database, today);
  assert.equal(result.created, 2, JSON.stringify(result));
  const rows = (await db.select().from(notifications)).filter((n) => n.kind === HANDOVER_REMINDER_KIND);
  assert.deepEqual(
    rows.map((r) => r.accountId).sort(),
    [rektor, friRektor].sort(),
    'only the two principals: no mentor, special educator, counsellor or analyst',
  );
  const sender = rows.find((r) => r.accountId === rektor)!;
  assert.equal(sender.tenantId, kommun);
  assert.deepEqual(sender.payload as unknown as HandoverReminderPayload, {
    overdue: [{ handoverId: late!.id, deadline: 'send', dueOn: '2024-09-20' }],
    upcoming: [],
  });
  const receiver = rows.find((r) => r.accountId === friRektor)!;
  assert.equal(receiver.tenantId, friskola);
  assert.deepEqual(receiver.payload as unknown as HandoverReminderPayload, {
    overdue: [{ handoverId: unconfirmed!.id, deadline: 'confirm', dueOn: '2024-09-25' }],
    upcoming: [],
  });
  // A second run the same day adds nothing.
  assert.equal((await runDigest(database, today)).created, 0);

  // The principal sees it among their notifications (counts only, as the follow-ups' digest).
  const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
  const session = await signIn(app, 'fri-rektor');
  const listed = await app.inject({ method: 'GET', url: '/api/interventions/notifications', headers: session.headers });
  assert.equal(listed.statusCode, 200, listed.body);
  const item = listed.json().items.find((i: { kind: string }) => i.kind === HANDOVER_REMINDER_KIND);
  assert.equal(item?.overdue, 1);
  await app.close();
});

test('with SMTP, each principal gets one e-mail: how many handovers wait, a link, and nothing about the student', async () => {
  const mails: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  await updateAccount(db, 'fri-rektor', { username: 'fri-rektor@skola.example' });
  const result = await runDigest(database, today, {
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    publicUrl: 'https://fullfolj.example',
  });
  assert.equal(result.emailed, 1, JSON.stringify(result));
  const mail = mails.find((m) => m.to.includes('fri-rektor@skola.example'));
  assert.ok(mail, 'the receiving principal is e-mailed');
  // Quoted-printable bytes back to UTF-8 text.
  const bytes = mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const text = Buffer.from(bytes, 'latin1').toString('utf8');
  assert.match(text, /1 överlämningar väntar på kvittens/);
  assert.match(text, /https:\/\/fullfolj\.example\/overlamningar/);
  assert.ok(!/Yrsa|Ytterlund|200801092383/.test(mail.raw), 'no name or personnummer of the student');
});
