import assert from 'node:assert/strict';
import { test } from 'node:test';
import { friskola } from '../../../../test/support/access.ts';
import { admittedAtFriskola, handoverTestApp, leavingYear9WithSupport } from './test-app.ts';

const civicNo = '200801032392';
const { db, specialpedagog, request, lastLog } = await handoverTestApp();
// Ture leaves year 9 in June with support; the independent upper-secondary school has admitted him.
const ture = await leavingYear9WithSupport(db, {
  givenName: 'Ture',
  familyName: 'Testsson',
  civicNo,
  responsibleId: specialpedagog,
  intervention: 'Lugn plats',
});
await admittedAtFriskola(db, { givenName: 'Ture', familyName: 'Testsson', civicNo });
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
