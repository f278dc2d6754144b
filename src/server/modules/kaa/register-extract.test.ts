// The register extract (GDPR art. 15) for young people the municipality knows only from its KAA work: Ylva, in the
// target group but never a student at any organiser here, and Olle, only in the population file (not yet 16). Both are
// found by personnummer and get their extract, with what the register holds and the access log about them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureClock, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const officer = await signIn(app, 'kaa');
const dpo = await signIn(app, 'dataskydd');

const ylva = '200701032385';
const olle = '200901022392';
const populationFile = [
  'personnummer;fornamn;efternamn;kommunkod;folkbokford_datum;invandrad_datum;status;status_datum;skyddad;utdelningsadress;postnummer;postort',
  `${ylva};Ylva;Ytterberg;1480;;;folkbokford;;nej;Testgatan 5;41101;Göteborg`,
  `${olle};Olle;Ungsson;1480;;;folkbokford;;nej;Testgatan 7;41101;Göteborg`,
].join('\n');

const post = (session: typeof dpo, url: string, payload: object) => app.inject({ method: 'POST', url, payload, headers: session.headers });

interface Extract {
  person: { name: string };
  sections: { key: string; parts: { heading: string; entries: { title?: string; facts: { label: string; value: string }[] }[] }[] }[];
}
const text = (extract: Extract, key: string) => JSON.stringify(extract.sections.find((s) => s.key === key) ?? null);

test('a young person only in the KAA register or the population file is found by personnummer and gets an extract', async () => {
  assert.equal((await post(officer, '/api/kaa/population/imports', { content: populationFile })).statusCode, 200);
  const list = await app.inject({ method: 'GET', url: '/api/kaa/youth', headers: officer.headers });
  const ylvaId = list.json().items.find((i: { name: string }) => i.name === 'Ylva Ytterberg')?.id as string;
  assert.ok(ylvaId, 'Ylva is in the target group');
  assert.equal(
    (await post(officer, `/api/kaa/youth/${ylvaId}/contacts`, { contactedOn: '2024-09-20', kind: 'phone', outcome: 'reached' })).statusCode,
    201,
  );

  for (const [civicNo, name] of [
    [ylva, 'Ylva'],
    [olle, 'Olle'],
  ] as const) {
    const lookup = await post(dpo, '/api/people/lookup', { civicNo });
    assert.equal(lookup.statusCode, 200, lookup.body);
    const [match] = lookup.json().matches as { id: string; givenName: string }[];
    assert.equal(match?.givenName, name, `${name} is found by personnummer`);
    const res = await post(dpo, '/api/register-extract', { personId: match!.id, format: 'json' });
    assert.equal(res.statusCode, 200, res.body);
    const extract = res.json() as Extract;
    assert.match(extract.person.name, new RegExp(name));
    assert.match(text(extract, 'identity'), new RegExp(`${civicNo.slice(0, 8)}-${civicNo.slice(8)}`));
    const register = text(extract, 'youth-register');
    assert.match(register, /Testgatan/, `${name}: the population file's row`);
    if (name === 'Ylva') {
      assert.match(register, /Har inte påbörjat gymnasieutbildning/, 'the registration with its reason');
      assert.match(register, /Telefon/, 'the contact');
      assert.match(text(extract, 'access-log'), /aktivitetsansvar/i, 'the officer reading her register is in the log section');
    }
    const pdf = await post(dpo, '/api/register-extract', { personId: match!.id, format: 'pdf' });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  }
});
