import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  accessLogRows,
  accountId,
  fixtureClock,
  friskola,
  kommun,
  loadAccessFixtures,
  signIn,
  type Session,
} from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addStudent, createCase, createIntervention, setRoleUnits } from '../../../../test/support/factories/index.ts';
import { buildApp } from '../../app.ts';

const skolan79 = 'a0000000-0000-4000-8000-000000000003';
const friGymnasium = 'a1000000-0000-4000-8000-000000000002';
const civicNo = '200801032392';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const db = database.db;
// Ture leaves year 9 in June with support; the independent upper-secondary school has admitted him.
const ture = await addStudent(db, {
  tenantId: kommun,
  givenName: 'Ture',
  familyName: 'Testsson',
  schoolUnitId: skolan79,
  schoolType: 'GR',
  schoolYear: 9,
  startDate: '2021-08-15',
  endDate: '2024-06-14',
});
const friTure = await addStudent(db, {
  tenantId: friskola,
  givenName: 'Ture',
  familyName: 'Testsson',
  schoolUnitId: friGymnasium,
  startDate: '2024-10-20',
});
for (const [tenant, id] of [
  [kommun, ture],
  [friskola, friTure],
])
  await db.execute(
    sql`UPDATE persons SET civic_no = ${civicNo}, civic_no_kind = 'personnummer' WHERE tenant_id = ${tenant}::uuid AND id = ${id}::uuid`,
  );
const specialpedagog = await accountId(database, 'specialpedagog');
await setRoleUnits(db, { tenantId: kommun, accountId: specialpedagog, unitIds: [skolan79] });
await setRoleUnits(db, { tenantId: friskola, accountId: await accountId(database, 'fri-rektor'), unitIds: [friGymnasium] });
const caseId = await createCase(db, { tenantId: kommun, studentId: ture, schoolUnitId: skolan79, responsibleId: specialpedagog });
await createIntervention(db, {
  tenantId: kommun,
  caseId,
  studentId: ture,
  responsibleId: specialpedagog,
  startDate: '2024-01-10',
  title: 'Lugn plats',
  status: 'active',
});

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const sessions = new Map<string, Session>();
const as = async (u: string) => sessions.get(u) ?? sessions.set(u, await signIn(app, u)).get(u)!;
const request = async (method: 'GET' | 'POST' | 'DELETE', url: string, who?: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: who ? (await as(who)).headers : { 'x-fullfolj-csrf': '1' } });
const lastLog = async (action: string) => (await accessLogRows(database)).filter((r) => r.action === action).at(-1);
const pdf = Buffer.from('%PDF-1.4\n% Åtgärdsprogram\n%%EOF\n');
const b64 = (b: Buffer) => b.toString('base64');

let handover = '';
test('the sender attaches a PDF; a wrong type, a file too large and one too many are refused naming the field', async () => {
  const outgoing = await request('GET', '/api/handovers/outgoing', 'specialpedagog');
  handover = outgoing.json().items.find((i: { studentName: string }) => i.studentName.startsWith('Ture')).id;
  const url = `/api/handovers/${handover}/attachments`;
  assert.equal((await request('GET', url)).statusCode, 401);
  assert.equal((await request('GET', '/api/handovers/not-a-uuid/attachments', 'specialpedagog')).statusCode, 400);
  assert.equal((await request('GET', url, 'kurator')).statusCode, 404);
  assert.equal((await lastLog('handovers.attachments'))?.outcome, 'denied');

  const added = await request('POST', url, 'specialpedagog', { fileName: 'Åtgärdsprogram.pdf', content: b64(pdf) });
  assert.equal(added.statusCode, 200, added.body);
  assert.deepEqual(
    added.json().items.map((i: { fileName: string; mediaType: string }) => [i.fileName, i.mediaType]),
    [['Åtgärdsprogram.pdf', 'application/pdf']],
  );
  assert.ok((await lastLog('handovers.attachment.add'))?.subject_ids.includes(ture));

  const disguised = await request('POST', url, 'specialpedagog', {
    fileName: 'inte-en.pdf',
    content: b64(Buffer.from('MZ this is a program')),
  });
  assert.equal(disguised.statusCode, 400);
  assert.match(disguised.json().error, /Bilaga: filen är inte en PDF, PNG eller JPEG/);
  const large = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]);
  const tooLarge = await request('POST', url, 'specialpedagog', { fileName: 'stor.pdf', content: b64(large) });
  assert.equal(tooLarge.statusCode, 400, tooLarge.body);
  assert.match(tooLarge.json().error, /Bilaga: filen är större än 5 MB/);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  for (let i = 0; i < 4; i++)
    assert.equal((await request('POST', url, 'specialpedagog', { fileName: `bild ${i}.png`, content: b64(png) })).statusCode, 200);
  const sixth = await request('POST', url, 'specialpedagog', { fileName: 'en till.pdf', content: b64(pdf) });
  assert.equal(sixth.statusCode, 400);
  assert.match(sixth.json().error, /Bilaga: högst 5 bilagor/);
  const list = (await request('GET', url, 'specialpedagog')).json();
  assert.equal(list.canAdd, false);
  const removed = await request('DELETE', `${url}/${list.items[4].id}`, 'specialpedagog');
  assert.equal(removed.statusCode, 200, removed.body);
  assert.equal(removed.json().items.length, 4);
});

test('sent with the handover, the receiving principal downloads the file (logged); the files no longer change', async () => {
  const view = (await request('GET', `/api/handovers/${handover}`, 'specialpedagog')).json();
  const sent = await request('POST', `/api/handovers/${handover}/send`, 'specialpedagog', { version: view.version });
  assert.equal(sent.statusCode, 200, sent.body);
  const late = await request('POST', `/api/handovers/${handover}/attachments`, 'specialpedagog', {
    fileName: 'sen.pdf',
    content: b64(pdf),
  });
  assert.equal(late.statusCode, 409);

  const [received] = (await request('GET', '/api/handovers/incoming', 'fri-rektor')).json().items;
  const files = (await request('GET', `/api/handovers/${received.id}/attachments`, 'fri-rektor')).json();
  assert.equal(files.items.length, 4);
  assert.equal(files.canAdd, false);
  const first = files.items.find((i: { mediaType: string }) => i.mediaType === 'application/pdf');
  const download = await request('GET', `/api/handovers/${received.id}/attachments/${first.id}`, 'fri-rektor');
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.match(String(download.headers['content-disposition']), /filename\*=UTF-8''%C3%85tg%C3%A4rdsprogram\.pdf/);
  assert.deepEqual(download.rawPayload, pdf);
  const log = await lastLog('handovers.attachment.download');
  assert.equal(log?.tenant_id, friskola);
  assert.equal(log?.outcome, 'allowed');
  // Another unit's attachment id on this handover: 404 with a denied row.
  assert.equal(
    (await request('GET', `/api/handovers/${received.id}/attachments/00000000-0000-4000-8000-0000000000aa`, 'fri-rektor')).statusCode,
    404,
  );
  assert.equal((await lastLog('handovers.attachment.download'))?.outcome, 'denied');
});
