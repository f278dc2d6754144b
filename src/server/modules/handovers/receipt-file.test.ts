import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { admittedAtFriskola, handoverTestApp, leavingYear9WithSupport } from './test-app.ts';

const civicNo = '200801112384';
const { db, specialpedagog, request, lastLog } = await handoverTestApp();
// Kim leaves year 9; the handover goes by file, the receiving school imports and confirms it and sends a receipt back.
const kim = await leavingYear9WithSupport(db, {
  givenName: 'Kim',
  familyName: 'Kvittensson',
  civicNo,
  responsibleId: specialpedagog,
  intervention: 'Tydliga instruktioner',
});
await admittedAtFriskola(db, { givenName: 'Kim', familyName: 'Kvittensson', civicNo });
const sign = (receipt: unknown) => `sha256:${createHash('sha256').update(JSON.stringify({ receipt })).digest('hex')}`;

const items = (await request('GET', '/api/handovers/outgoing', 'specialpedagog')).json().items;
const sent: string = items.find((i: { studentName: string }) => i.studentName.startsWith('Kim')).id;
const fileText = (await request('POST', `/api/handovers/${sent}/file`, 'specialpedagog', {})).body;
const received: string = (await request('POST', '/api/handovers/import', 'fri-rektor', { content: fileText })).json().id;

let receiptText = '';
test('the receiving school exports a receipt once it has confirmed, and only for a handover that came by file', async () => {
  const url = `/api/handovers/${received}/receipt`;
  assert.equal((await request('POST', url, undefined, {})).statusCode, 401);
  assert.equal((await request('POST', '/api/handovers/nope/receipt', 'fri-rektor', {})).statusCode, 400);
  assert.equal((await request('POST', url, 'rektor', {})).statusCode, 404);
  assert.equal((await lastLog('handovers.receipt.export'))?.outcome, 'denied');
  const early = await request('POST', url, 'fri-rektor', {});
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error, /Bekräfta mottagandet/);
  const view = (await request('GET', `/api/handovers/${received}`, 'fri-rektor')).json();
  assert.equal((await request('POST', `/api/handovers/${received}/confirm`, 'fri-rektor', { version: view.version })).statusCode, 200);
  const exported = await request('POST', url, 'fri-rektor', {});
  assert.equal(exported.statusCode, 200, exported.body);
  receiptText = exported.body;
  const file = JSON.parse(receiptText);
  assert.equal(file.format, 'fullfolj-handover-receipt');
  assert.equal(file.receipt.unit.unitCode, '11223344');
  assert.ok(!receiptText.includes(civicNo) && !receiptText.includes('Kvittensson'), 'no personal data in the receipt');
  assert.equal((await lastLog('handovers.receipt.export'))?.outcome, 'allowed');
});

test('the sender imports the receipt once; unknown, tampered and foreign receipts are refused naming the file', async () => {
  const url = '/api/handovers/receipts/import';
  assert.equal((await request('POST', url, undefined, { content: receiptText })).statusCode, 401);
  assert.equal((await request('POST', url, 'specialpedagog', { content: '' })).statusCode, 400);
  assert.equal((await request('POST', url, 'analytiker', { content: receiptText })).statusCode, 403);
  const file = JSON.parse(receiptText);
  const tampered = await request('POST', url, 'specialpedagog', {
    content: JSON.stringify({ ...file, receipt: { ...file.receipt, confirmedAt: '2024-01-01T00:00:00.000Z' } }),
  });
  assert.equal(tampered.statusCode, 400);
  assert.match(tampered.json().error, /^Kvittensfil: kontrollsumman stämmer inte/);
  const unknownReceipt = { ...file.receipt, deliveryId: '00000000-0000-4000-8000-00000000abcd' };
  const unknown = await request('POST', url, 'specialpedagog', {
    content: JSON.stringify({ ...file, receipt: unknownReceipt, checksum: sign(unknownReceipt) }),
  });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.json().error, /Kvittensfil: kvittensen gäller ingen överlämning som du har skickat/);
  const foreignReceipt = { ...file.receipt, unit: { ...file.receipt.unit, unitCode: '99999999' } };
  const foreign = await request('POST', url, 'specialpedagog', {
    content: JSON.stringify({ ...file, receipt: foreignReceipt, checksum: sign(foreignReceipt) }),
  });
  assert.match(foreign.json().error, /kvittensen kommer från en annan skolenhet/);
  const notJson = await request('POST', url, 'specialpedagog', { content: 'kvittens' });
  assert.match(notJson.json().error, /Kvittensfil: filen går inte att läsa som JSON/);
  assert.equal((await request('GET', `/api/handovers/${sent}`, 'specialpedagog')).json().status, 'sent');

  const imported = await request('POST', url, 'specialpedagog', { content: receiptText });
  assert.equal(imported.statusCode, 200, imported.body);
  assert.deepEqual(imported.json(), { id: sent, duplicate: false });
  const log = await lastLog('handovers.receipt.import');
  assert.ok(log?.subject_ids.includes(kim));
  const view = (await request('GET', `/api/handovers/${sent}`, 'specialpedagog')).json();
  assert.equal(view.status, 'confirmed');
  assert.equal(view.receiptByFile, true);
  assert.equal(view.confirmedOn, new Date(file.receipt.confirmedAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }));
  const again = await request('POST', url, 'specialpedagog', { content: receiptText });
  assert.deepEqual(again.json(), { id: sent, duplicate: true });
  assert.equal((await request('GET', `/api/handovers/${sent}`, 'specialpedagog')).json().version, view.version, 'nothing changed');
});
