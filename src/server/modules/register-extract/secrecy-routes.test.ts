import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { protectIdentity, setContact } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { openAlvaCase, sensitiveNoteText } from '../interventions/test-fixtures.ts';
import { labelFor } from '../../../shared/contract/messages.ts';
import { personParams, registerExtractApi, registerExtractBody, secrecyDecisionBody } from '../../../shared/register-extract/contract.ts';
import { pendingText, withheldText } from './document.ts';
import { reasonCategoryLabels } from './secrecy.ts';
import { pdfText } from './test-support.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const fixture = await openAlvaCase(database);
// Cem gets a sekretessmarkering with a (synthetic) address: the importer keeps it; skyddad folkbokföring keeps none.
const protectedAddress = 'Skyddsgatan 12';
const protectedEmail = 'cem.skyddad@example.invalid';
const protectedAddressOf = (streetAddress: string) => ({
  type: 'Folkbokföring',
  streetAddress,
  postalCode: '41102',
  locality: 'Göteborg',
  country: 'Sverige',
});
const protectedEmails = [{ type: 'Privat', value: protectedEmail }];
await protectIdentity(database.db, {
  tenantId: kommun,
  personId: students.cem,
  marking: 'Sekretessmarkering',
  contact: { addresses: [protectedAddressOf(protectedAddress)], emails: protectedEmails },
});
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const dpo = await signIn(app, 'dataskydd');
const admin = await signIn(app, 'admin');
const lastLog = async () => (await accessLogRows(database)).at(-1);
const reviewUrl = (personId: string) => `/api/register-extract/people/${personId}/secrecy-review`;
const decisionUrl = (personId: string) => `/api/register-extract/people/${personId}/secrecy-decisions`;
const review = (personId: string, headers: Record<string, string>) => app.inject({ url: reviewUrl(personId), headers });
const decide = (personId: string, payload: object, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: decisionUrl(personId), headers, payload });
/** The extract handed out, as the JSON's text and the PDF's text. */
async function handedOut(personId: string, headers: Record<string, string>) {
  const json = await app.inject({ method: 'POST', url: '/api/register-extract', headers, payload: { personId } });
  const pdf = await app.inject({ method: 'POST', url: '/api/register-extract', headers, payload: { personId, format: 'pdf' } });
  assert.equal(json.statusCode, 200);
  assert.equal(pdf.statusCode, 200);
  return { json: json.body, extract: json.json(), pdf: pdfText(pdf.rawPayload) };
}
const hashOf = async (personId: string, kind: string) =>
  ((await review(personId, dpo.headers)).json().items as { kind: string; contentHash: string }[]).find((i) => i.kind === kind)
    ?.contentHash ?? '';

test('every request field of the extract and the review has a Swedish and an English label (the decision body is a union the contract test does not walk)', () => {
  const { decide: endpoint } = registerExtractApi;
  const keys = new Set([
    ...Object.keys(registerExtractBody.shape),
    ...Object.keys(personParams.shape),
    ...secrecyDecisionBody.options.flatMap((option) => Object.keys(option.shape)),
  ]);
  assert.deepEqual(
    [...keys].filter((k) => !labelFor(endpoint.labels, [k], 'sv') || !labelFor(endpoint.labels, [k], 'en')),
    [],
  );
  assert.deepEqual(
    [labelFor(endpoint.labels, ['reason'], 'sv'), labelFor(endpoint.labels, ['reasonCategory'], 'sv')],
    ['Orsak', 'Sekretessgrund'],
  );
});

test('no item under secrecy leaves in an extract before the DPO has reviewed it: not for the DPO, not for an administrator', async () => {
  for (const headers of [dpo.headers, admin.headers]) {
    const alva = await handedOut(students.alva, headers);
    const cem = await handedOut(students.cem, headers);
    for (const text of [alva.json, alva.pdf]) assert.ok(!text.includes('oro hemma'), 'the sensitive note stays out');
    for (const text of [cem.json, cem.pdf]) {
      assert.ok(!text.includes(protectedAddress) && !text.includes(protectedEmail), 'the protected address stays out');
    }
    assert.equal(alva.extract.complete, false);
    assert.deepEqual(alva.extract.secrecy, { items: 1, pending: 1, released: 0, withheld: 0 });
  }
  const forDpo = await handedOut(students.alva, dpo.headers);
  assert.ok(forDpo.json.includes(pendingText) && forDpo.pdf.includes(pendingText), 'the DPO sees that an item awaits review');
  const forAdmin = await handedOut(students.alva, admin.headers);
  assert.ok(
    !forAdmin.json.includes(pendingText) && !forAdmin.json.includes('skriven av Demo: Skolpsykolog'),
    'the administrator not even the flagged item',
  );
  assert.match(forAdmin.pdf, /Väntar på sekretessprövning/);
  assert.match(forAdmin.extract.notices.join(' '), /1 uppgift omfattas av sekretess och visas bara för dataskyddsombudet/);
});

test("GET secrecy-review: 401, 400 naming the field, 403 for an administrator, 404 for another organiser's person, 200 with the content, logged", async () => {
  assert.equal((await review(students.alva, {})).statusCode, 401);
  const bad = await review('x', dpo.headers);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['personId'],
  );
  assert.equal((await review(students.alva, admin.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['register-extract.review', 'denied']);
  assert.equal((await review(students.dana, dpo.headers)).statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['register-extract.secrecy-review', 'denied', [students.dana]],
  );
  const res = await review(students.alva, dpo.headers);
  assert.equal(res.statusCode, 200);
  const [note] = res.json().items;
  assert.deepEqual(
    [note.kind, note.itemId, note.state, note.content[0].value],
    ['sensitive-note', fixture.noteIds.sensitive, 'pending', sensitiveNoteText],
  );
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.role, (await lastLog())?.subject_ids],
    ['register-extract.secrecy-review', 'allowed', 'dpo', [students.alva]],
  );
  const cem = (await review(students.cem, dpo.headers)).json();
  assert.equal(cem.items[0].kind, 'protected-contact');
  assert.ok(JSON.stringify(cem.items[0].content).includes(protectedAddress), 'the DPO reads what they decide on');
});

test('POST secrecy-decisions: 401, 400 naming the field, 403, 404, 409 on changed content; withholding is recorded and logged', async () => {
  const note = { kind: 'sensitive-note', itemId: fixture.noteIds.sensitive, contentHash: await hashOf(students.alva, 'sensitive-note') };
  const withhold = {
    ...note,
    decision: 'withhold',
    reasonCategory: 'harm-to-student',
    reason: 'Uppgifter om en närstående; prövat enligt OSL.',
  };
  assert.equal((await decide(students.alva, withhold, {})).statusCode, 401);
  const empty = await decide(students.alva, { ...withhold, reason: '  ' }, dpo.headers);
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(
    empty.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    [['reason', 'Orsak: får inte vara tom.']],
  );
  const emptyEn = await decide(students.alva, { ...withhold, reason: '' }, { ...dpo.headers, 'accept-language': 'en' });
  assert.deepEqual(
    emptyEn.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    [['reason', 'Reason: must not be empty.']],
  );
  const { reasonCategory: _r, ...noCategory } = withhold;
  const missing = (await decide(students.alva, noCategory, dpo.headers)).json();
  assert.deepEqual(
    missing.fields.map((f: { field: string }) => f.field),
    ['reasonCategory'],
  );
  assert.match(missing.error, /^Sekretessgrund: /);
  const unknown = (await decide(students.alva, { ...withhold, decision: 'maybe', contentHash: 'x' }, dpo.headers)).json();
  assert.deepEqual(unknown.fields.map((f: { field: string }) => f.field).sort(), ['decision']);
  assert.match(unknown.error, /^Beslut: /);
  for (const text of [empty.json().error, missing.error, unknown.error]) {
    assert.ok(!/reason|decision|harm-to-student|withhold/.test(text), `no key or code in «${text}»`);
  }
  assert.equal((await decide(students.alva, withhold, admin.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['register-extract.review', 'denied']);
  assert.equal((await decide(students.dana, withhold, dpo.headers)).statusCode, 404);
  assert.equal((await decide(students.bo, withhold, dpo.headers)).statusCode, 404, "the note is not Bo's");
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['register-extract.secrecy-decision', 'denied', [students.bo]],
  );
  assert.equal((await decide(students.alva, { ...withhold, contentHash: '0'.repeat(64) }, dpo.headers)).statusCode, 409);
  assert.equal((await queryRows(database.db, sql`SELECT 1 FROM secrecy_decisions`)).length, 0, 'nothing recorded by a refusal');

  const res = await decide(students.alva, withhold, dpo.headers);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    [res.json().item.state, res.json().item.decision.reasonCategory, res.json().item.decision.decidedBy],
    ['withheld', 'harm-to-student', 'Demo: Dataskyddsombud'],
  );
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.role, (await lastLog())?.subject_ids],
    ['register-extract.secrecy-decision', 'allowed', 'dpo', [students.alva]],
  );
  const [row] = await queryRows<{ tenant_id: string; decision: string; reason: string }>(
    database.db,
    sql`SELECT tenant_id::text, decision, reason FROM secrecy_decisions`,
  );
  assert.deepEqual(row, { tenant_id: (await lastLog())?.tenant_id, decision: 'withhold', reason: withhold.reason });

  const out = await handedOut(students.alva, dpo.headers);
  for (const text of [out.json, out.pdf]) {
    assert.ok(text.includes(withheldText), 'a stand-in says an item was not handed out');
    assert.ok(text.includes(reasonCategoryLabels['harm-to-student']), 'with its reason category');
    assert.ok(!text.includes('oro hemma') && !text.includes(withhold.reason), 'never the content, nor the free-text reason');
  }
  assert.equal(out.extract.complete, true);
});

test("a released protected address is in the DPO's extract only, and a changed address is reviewed again", async () => {
  const contact = { kind: 'protected-contact', itemId: students.cem, contentHash: await hashOf(students.cem, 'protected-contact') };
  const res = await decide(
    students.cem,
    { ...contact, decision: 'release', reason: 'Begäran från eleven själv, identiteten kontrollerad.' },
    dpo.headers,
  );
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().item.state, 'released');
  const forDpo = await handedOut(students.cem, dpo.headers);
  assert.ok(forDpo.json.includes(protectedAddress) && forDpo.pdf.includes(protectedAddress));
  const forAdmin = await handedOut(students.cem, admin.headers);
  assert.ok(!forAdmin.json.includes(protectedAddress) && !forAdmin.pdf.includes(protectedAddress));

  await setContact(database.db, {
    tenantId: kommun,
    personId: students.cem,
    contact: { addresses: [protectedAddressOf('Nyvägen 3')], emails: protectedEmails },
  });
  const after = await handedOut(students.cem, dpo.headers);
  assert.ok(!after.json.includes('Nyvägen 3') && !after.pdf.includes('Nyvägen 3'), 'the decision was on the old address');
  assert.equal((await review(students.cem, dpo.headers)).json().items[0].state, 'pending');
});
