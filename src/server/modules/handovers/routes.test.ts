import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { friskola, kommun, students } from '../../../../test/support/access.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { queryRows } from '../../db/client.ts';
import { handoverCounts } from './overview.ts';
import { admittedAtFriskola, friGymnasium, gymnasiet, handoverTestApp, leavingYear9WithSupport } from './test-app.ts';

const yrsaCivic = '200801092383';
const { db, specialpedagog, request, lastLog } = await handoverTestApp();
// Yrsa leaves year 9 at Exempelskolan (kommun) in June; an independent upper-secondary school will admit her.
const yrsa = await leavingYear9WithSupport(db, {
  givenName: 'Yrsa',
  familyName: 'Ytterlund',
  civicNo: yrsaCivic,
  responsibleId: specialpedagog,
  intervention: 'Anpassad studieplan',
});
const get = (url: string, who?: string) => request('GET', url, who);
const send = (method: 'POST' | 'PUT', url: string, payload: object, who?: string) => request(method, url, who, payload);

interface Item {
  id: string;
  studentName: string;
  status: string;
  triggers: string[];
}
let yrsaHandover = '';

test('the sender: a draft made from the ending and beginning placements, the ladder 401/400/403/404/200 with log rows', async () => {
  assert.equal((await get('/api/handovers/outgoing')).statusCode, 401);
  assert.equal((await get('/api/handovers/outgoing', 'larare')).statusCode, 403);
  // Yrsa has no new placement yet: no draft for her.
  let res = await get('/api/handovers/outgoing', 'specialpedagog');
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(!res.json().items.some((i: Item) => i.studentName.startsWith('Yrsa')));
  // Bo (protected identity) moved from year 9 to Exempelgymnasiet in the same organiser: listed for the sender.
  const bo = res.json().items.find((i: Item) => i.studentName.startsWith('Bo'));
  assert.ok(bo, res.body);
  // Admitted at the independent organiser: now a draft appears, selected by her support.
  await admittedAtFriskola(db, { givenName: 'Yrsa', familyName: 'Ytterlund', civicNo: yrsaCivic });
  res = await get('/api/handovers/outgoing', 'specialpedagog');
  const draft = res.json().items.find((i: Item) => i.studentName.startsWith('Yrsa'));
  assert.ok(draft, res.body);
  assert.equal(draft.status, 'draft');
  assert.deepEqual(draft.triggers, ['support']);
  yrsaHandover = draft.id;
  const log = await lastLog('handovers.outgoing');
  assert.ok(log?.subject_ids.includes(yrsa));
  assert.ok(!res.body.includes(yrsaCivic), 'no civic number in the answer');

  assert.equal((await get('/api/handovers/not-a-uuid', 'specialpedagog')).statusCode, 400);
  // A counsellor of the organiser holds handovers.read but is not a sender: 404 with a denied row.
  assert.equal((await get(`/api/handovers/${yrsaHandover}`, 'kurator')).statusCode, 404);
  assert.equal((await lastLog('handovers.read'))?.outcome, 'denied');
  const one = await get(`/api/handovers/${yrsaHandover}`, 'specialpedagog');
  assert.equal(one.statusCode, 200, one.body);
  assert.match(one.json().content.adaptations, /Anpassad studieplan/);
  assert.equal((await lastLog('handovers.read'))?.outcome, 'allowed');
});

test('the admission wall, sending once, receipt at the other organiser, meeting, follow-up, PDF and the overview', async () => {
  const view = (await get(`/api/handovers/${yrsaHandover}`, 'specialpedagog')).json();
  const body = {
    ...view.content,
    version: view.version,
    strengths: 'Tycker om bild och idrott.',
    informed: 'Eleven och vårdnadshavare informerade vid utvecklingssamtal.',
  };
  const bad = await send(
    'PUT',
    `/api/handovers/${yrsaHandover}`,
    { ...body, toUnitId: '00000000-0000-4000-8000-0000000000ff' },
    'specialpedagog',
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /Mottagande skolenhet: skolenheten finns inte/);
  // Another unit that has not placed her: saved, but sending is refused naming why.
  let saved = await send('PUT', `/api/handovers/${yrsaHandover}`, { ...body, toUnitId: gymnasiet }, 'specialpedagog');
  assert.equal(saved.statusCode, 200, saved.body);
  const refused = await send('POST', `/api/handovers/${yrsaHandover}/send`, { version: saved.json().version }, 'specialpedagog');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.json().error, /Mottagande skolenhet: eleven är inte placerad eller antagen/);
  // Before sending, the receiving principal sees nothing.
  assert.equal((await get('/api/handovers/incoming', 'fri-rektor')).json().items.length, 0);
  saved = await send(
    'PUT',
    `/api/handovers/${yrsaHandover}`,
    { ...body, version: saved.json().version, toUnitId: friGymnasium },
    'specialpedagog',
  );
  const sent = await send('POST', `/api/handovers/${yrsaHandover}/send`, { version: saved.json().version }, 'specialpedagog');
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(sent.json().status, 'sent');
  const twice = await send('POST', `/api/handovers/${yrsaHandover}/send`, { version: sent.json().version }, 'specialpedagog');
  assert.equal(twice.statusCode, 409);
  const delivered = await lastLog('handovers.delivered');
  assert.equal(delivered?.tenant_id, friskola);

  const incoming = (await get('/api/handovers/incoming', 'fri-rektor')).json().items as Item[];
  assert.equal(incoming.length, 1);
  const received = (await get(`/api/handovers/${incoming[0]!.id}`, 'fri-rektor')).json();
  assert.equal(received.content.strengths, 'Tycker om bild och idrott.');
  assert.equal(received.canConfirm, true);
  const confirmed = await send('POST', `/api/handovers/${received.id}/confirm`, { version: received.version }, 'fri-rektor');
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal((await get(`/api/handovers/${yrsaHandover}`, 'specialpedagog')).json().status, 'confirmed');
  const meeting = await send(
    'PUT',
    `/api/handovers/${received.id}/meeting`,
    {
      version: confirmed.json().version,
      meetingOn: '2024-09-30',
      meetingAttendees: 'Eleven, vårdnadshavare, mentor',
      meetingMinutes: 'Genomgång.',
      meetingActions: 'Fortsätter studieplanen.',
    },
    'fri-rektor',
  );
  assert.equal(meeting.statusCode, 200, meeting.body);
  const follow = await send(
    'PUT',
    `/api/handovers/${received.id}/follow-up`,
    { version: meeting.json().version, adaptationsContinued: 'yes', followUpNote: 'Går bra.' },
    'fri-rektor',
  );
  assert.equal(follow.statusCode, 200, follow.body);
  assert.equal(follow.json().followUpDone, true);

  const pdf = await get(`/api/handovers/${received.id}/pdf`, 'fri-rektor');
  assert.equal(pdf.statusCode, 200);
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /Överlämning till ny skola/);
  assert.ok(!text.includes(yrsaCivic));

  const overview = await get('/api/handovers/overview', 'rektor');
  assert.equal(overview.statusCode, 200, overview.body);
  assert.equal(overview.json().total.sent, null, 'one handover: suppressed');
  const counts = await handoverCounts(db, [kommun], '2024-10');
  assert.deepEqual([counts.sent, counts.confirmed], [1, 1]);
  assert.deepEqual(await handoverCounts(db, [kommun], '2024-09'), { sent: 0, confirmed: 0, overdue: 0 });
});

test('a protected identity: no contacts are carried', async () => {
  const items = (await get('/api/handovers/outgoing', 'rektor')).json().items as Item[];
  const bo = items.find((i) => i.studentName.startsWith('Bo'));
  if (!bo) return; // the principal's units do not include year 9 here
  const view = (await get(`/api/handovers/${bo.id}`, 'rektor')).json();
  const saved = await send('PUT', `/api/handovers/${bo.id}`, { ...view.content, version: view.version, contacts: 'Storgatan 1' }, 'rektor');
  assert.equal(saved.json().content.contacts, '');
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM handovers WHERE content->>'contacts' LIKE '%Storgatan%'`,
  );
  assert.equal(row!.n, 0);
  assert.ok(students.bo);
});
