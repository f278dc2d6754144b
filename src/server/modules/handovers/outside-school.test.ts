import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { kommun } from '../../../../test/support/access.ts';
import { handoverCounts } from './overview.ts';
import { outsidePurpose } from './outside-school.ts';
import { handoverTestApp, leavingYear9WithSupport } from './test-app.ts';

const { db, specialpedagog, request, lastLog } = await handoverTestApp();
// Ola leaves year 9 for a school in Göteborg that does not use this installation.
const ola = await leavingYear9WithSupport(db, {
  givenName: 'Ola',
  familyName: 'Utanförsson',
  civicNo: '200801102393',
  responsibleId: specialpedagog,
  intervention: 'Anpassad läxhjälp',
});
const form = {
  studentId: ola,
  unitName: 'Hvitfeldtska gymnasiet',
  unitCode: '19283746',
  municipalityCode: '1480',
  schoolType: 'GY',
  startsOn: '2024-11-04',
  admitted: true,
};

test('the sender sees the students leaving their unit and the municipalities; others are refused', async () => {
  const url = '/api/handovers/outside/options';
  assert.equal((await request('GET', url)).statusCode, 401);
  assert.equal((await request('GET', '/api/handovers/outside/options?x=1', 'specialpedagog')).statusCode, 400);
  const analyst = await request('GET', url, 'analytiker');
  assert.equal(analyst.statusCode, 403);
  const options = await request('GET', url, 'specialpedagog');
  assert.equal(options.statusCode, 200, options.body);
  const o = options.json();
  assert.ok(o.students.some((s: { id: string; name: string }) => s.id === ola && s.name === 'Ola Utanförsson'));
  assert.ok(o.municipalities.some((m: { name: string }) => m.name === 'Göteborg'));
  const log = await lastLog('handovers.outside.options');
  assert.equal(log?.outcome, 'allowed');
  assert.ok(log?.subject_ids.includes(ola));
});

test('the outside school is named by a valid skolenhetskod, a municipality and the admission; refusals name the field', async () => {
  const url = '/api/handovers/outside';
  assert.equal((await request('POST', url, undefined, form)).statusCode, 401);
  const badCode = await request('POST', url, 'specialpedagog', { ...form, unitCode: '1234' });
  assert.equal(badCode.statusCode, 400);
  assert.match(badCode.json().error, /Skolenhetskod: ska vara skolenhetskoden: åtta siffror/);
  const notAdmitted = await request('POST', url, 'specialpedagog', { ...form, admitted: false });
  assert.equal(notAdmitted.statusCode, 400);
  assert.match(notAdmitted.json().error, /Skolan har placerat eller antagit eleven/);
  const impossible = await request('POST', url, 'specialpedagog', { ...form, startsOn: '2024-02-30' });
  assert.equal(impossible.statusCode, 400);
  assert.match(impossible.json().error, /Börjar i den nya skolan/);
  const noTown = await request('POST', url, 'specialpedagog', { ...form, municipalityCode: '9999' });
  assert.equal(noTown.statusCode, 400);
  assert.match(noTown.json().error, /Kommun: välj en kommun i listan/);
  const inside = await request('POST', url, 'specialpedagog', { ...form, unitCode: '11223344' });
  assert.equal(inside.statusCode, 400);
  assert.match(inside.json().error, /Skolenhetskod: skolenheten finns i Fullfölj/);
  const stranger = await request('POST', url, 'specialpedagog', { ...form, studentId: '00000000-0000-4000-8000-000000000009' });
  assert.equal(stranger.statusCode, 404);
  assert.equal((await lastLog('handovers.outside.create'))?.outcome, 'denied');
  assert.equal((await request('POST', url, 'analytiker', form)).statusCode, 403);
});

test('the draft goes out only as the file, logged with its reason, and counts as sent', async () => {
  const made = await request('POST', '/api/handovers/outside', 'specialpedagog', form);
  assert.equal(made.statusCode, 200, made.body);
  const { id, existing } = made.json();
  assert.equal(existing, false);
  assert.deepEqual((await request('POST', '/api/handovers/outside', 'specialpedagog', form)).json(), { id, existing: true });
  const view = (await request('GET', `/api/handovers/${id}`, 'specialpedagog')).json();
  assert.equal(view.outside, true);
  assert.equal(view.toUnitName, 'Hvitfeldtska gymnasiet');
  assert.equal(view.toOrganiserName, 'Göteborg');
  assert.equal(view.route, 'year9-to-upper-secondary');
  assert.match(view.content.adaptations, /Anpassad läxhjälp/);
  const send = await request('POST', `/api/handovers/${id}/send`, 'specialpedagog', { version: view.version });
  assert.equal(send.statusCode, 400);
  assert.match(send.json().error, /Mottagande skolenhet: skolan finns utanför Fullfölj; lämna överlämningen som fil/);
  const exported = await request('POST', `/api/handovers/${id}/file`, 'specialpedagog', {});
  assert.equal(exported.statusCode, 200, exported.body);
  const file = JSON.parse(exported.body);
  assert.equal(file.handover.to.unitCode, '19283746');
  assert.equal(file.handover.to.unitName, 'Hvitfeldtska gymnasiet');
  const log = await lastLog('handovers.file.export');
  assert.ok(log?.subject_ids.includes(ola));
  const [why] = await queryRows<{ purpose: string }>(
    db,
    sql`SELECT purpose FROM access_log WHERE action = 'handovers.file.export' AND request_id = ${log?.request_id ?? ''}`,
  );
  assert.equal(why?.purpose, outsidePurpose, 'the reason it left by file is logged');
  assert.equal((await request('GET', `/api/handovers/${id}`, 'specialpedagog')).json().status, 'sent');
  assert.equal((await handoverCounts(db, [kommun], '2024-10')).sent, 1);
});
