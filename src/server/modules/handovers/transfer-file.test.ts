import assert from 'node:assert/strict';
import { test } from 'node:test';
import { friskola } from '../../../../test/support/access.ts';
import { admittedAtFriskola, handoverTestApp, leavingYear9WithSupport } from './test-app.ts';

const civicNo = '200801052390';
const { db, specialpedagog, request, lastLog } = await handoverTestApp();
// Vera leaves year 9 with support for a school the sender reaches only by file; the receiving school has admitted her.
const vera = await leavingYear9WithSupport(db, {
  givenName: 'Vera',
  familyName: 'Vidarefil',
  civicNo,
  responsibleId: specialpedagog,
  intervention: 'Förlängd tid på prov',
});
const friVera = await admittedAtFriskola(db, { givenName: 'Vera', familyName: 'Vidarefil', civicNo });

let fileText = '';
let handover = '';
test('the sender exports the draft as a file with a version and a checksum; that sends it, once', async () => {
  const items = (await request('GET', '/api/handovers/outgoing', 'specialpedagog')).json().items;
  handover = items.find((i: { studentName: string }) => i.studentName.startsWith('Vera')).id;
  const view = (await request('GET', `/api/handovers/${handover}`, 'specialpedagog')).json();
  const url = `/api/handovers/${handover}/file`;
  assert.equal((await request('POST', url, undefined, {})).statusCode, 401);
  assert.equal((await request('POST', '/api/handovers/not-a-uuid/file', 'specialpedagog', {})).statusCode, 400);
  assert.equal((await request('POST', url, 'kurator', {})).statusCode, 404);
  assert.equal((await lastLog('handovers.file.export'))?.outcome, 'denied');
  const exported = await request('POST', url, 'specialpedagog', {});
  assert.equal(exported.statusCode, 200, exported.body);
  fileText = exported.body;
  const file = JSON.parse(fileText);
  assert.equal(file.format, 'fullfolj-handover');
  assert.equal(file.version, 1);
  assert.match(file.checksum, /^sha256:[0-9a-f]{64}$/);
  assert.equal(file.handover.to.unitCode, '11223344');
  assert.match(file.handover.content.adaptations, /Förlängd tid på prov/);
  assert.ok((await lastLog('handovers.file.export'))?.subject_ids.includes(vera));
  const after = (await request('GET', `/api/handovers/${handover}`, 'specialpedagog')).json();
  assert.equal(after.status, 'sent');
  const twice = await request('POST', `/api/handovers/${handover}/send`, 'specialpedagog', { version: after.version });
  assert.equal(twice.statusCode, 409, 'sent by file: not sent again');
  assert.equal(view.status, 'draft');
});

test('the receiving principal imports it once; bad files are refused naming the file, never echoing it', async () => {
  const url = '/api/handovers/import';
  assert.equal((await request('POST', url, undefined, { content: fileText })).statusCode, 401);
  assert.equal((await request('POST', url, 'fri-analytiker', { content: fileText })).statusCode, 403);
  const notJson = await request('POST', url, 'fri-rektor', { content: 'Vera;Vidarefil' });
  assert.equal(notJson.statusCode, 400);
  assert.match(notJson.json().error, /Överlämningsfil: filen går inte att läsa som JSON/);
  assert.ok(!notJson.body.includes('Vidarefil'));
  const tampered = fileText.replace('Förlängd tid på prov', 'Något annat');
  const changed = await request('POST', url, 'fri-rektor', { content: tampered });
  assert.equal(changed.statusCode, 400);
  assert.match(changed.json().error, /kontrollsumman stämmer inte/);
  const broken = JSON.parse(fileText);
  broken.handover.student.personnummer = '2008-01-05';
  const invalid = await request('POST', url, 'fri-rektor', { content: JSON.stringify(broken) });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.json().error, /Överlämningsfil: uppgifterna om eleven saknas eller är ogiltiga/);
  // A NUL written as a JSON escape passes the raw-text check; the content's contract (src/shared/input) refuses it.
  const nul = JSON.parse(fileText);
  nul.handover.facts.grades = [{ subject: 'Svenska\u0000', grade: 'A' }];
  nul.handover.content.strengths = 'Bra\u0000';
  const nulAnswer = await request('POST', url, 'fri-rektor', { content: JSON.stringify(nul) });
  assert.equal(nulAnswer.statusCode, 400);
  assert.match(nulAnswer.json().error, /Överlämningsfil: överlämningens innehåll saknas eller är ogiltiga/);
  const notMine = await request('POST', url, 'rektor', { content: fileText });
  assert.equal(notMine.statusCode, 400);
  assert.match(notMine.json().error, /inte en av dina skolenheter/);

  const imported = await request('POST', url, 'fri-rektor', { content: fileText });
  assert.equal(imported.statusCode, 200, imported.body);
  assert.equal(imported.json().duplicate, false);
  const log = await lastLog('handovers.file.import');
  assert.equal(log?.tenant_id, friskola);
  assert.ok(log?.subject_ids.includes(friVera));
  const again = await request('POST', url, 'fri-rektor', { content: fileText });
  assert.deepEqual(again.json(), { id: imported.json().id, duplicate: true });
  const incoming = (await request('GET', '/api/handovers/incoming', 'fri-rektor')).json().items;
  assert.equal(incoming.length, 1);
  const received = (await request('GET', `/api/handovers/${incoming[0].id}`, 'fri-rektor')).json();
  assert.match(received.content.adaptations, /Förlängd tid på prov/);
  assert.equal(received.canConfirm, true);
});
