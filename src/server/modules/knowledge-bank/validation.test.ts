import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { HttpError } from '../../platform/errors.ts';
import { municipalityAt } from './municipality-geometry.ts';
import { validateContent } from './validation.ts';

const database = await createTestDatabase();
const [checkAndConnect] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM knowledge_records WHERE slug = 'check-and-connect'`);
assert.ok(checkAndConnect);

/** A valid example in Kalmar (0880) with a place at Kalmar's castle. */
export const validExample = () => ({
  kind: 'example',
  nameSv: 'Läsfrämjande på högstadiet',
  summarySv: 'Lärare och bibliotekarier läser tillsammans med eleverna varje vecka.',
  descriptionSv: 'Se **beskrivningen**. <script>alert(1)</script> sparas som text.',
  municipalityCodes: ['0880'],
  places: [{ name: 'Kalmar slott', lat: 56.6574, lon: 16.3575 }],
  focusAreas: ['reading-language'],
  ageGroups: ['7-9'],
  preventionLevel: 'universal',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  costPerParticipant: 0,
  sources: [{ title: 'Rapport', url: 'https://example.se/rapport' }],
  contact: { name: 'Kim Exempel', email: 'kim@kalmar.example', url: 'https://kalmar.example' },
  methodIds: [checkAndConnect.id],
});

async function fieldsOf(content: unknown): Promise<{ field: string; message: string }[]> {
  try {
    await validateContent(database.db, content);
  } catch (error) {
    assert.ok(error instanceof HttpError);
    assert.equal(error.statusCode, 400);
    return (error.body as { fields: { field: string; message: string }[] }).fields;
  }
  assert.fail('expected a 400');
}

test('a valid example passes, with its defaults filled in; raw HTML in the description is kept as text, not refused', async () => {
  const content = await validateContent(database.db, validExample());
  assert.equal(content.nameEn, '');
  assert.deepEqual(content.levels, []);
  assert.match(content.descriptionSv, /<script>/);
  assert.equal(content.evidence, null);
});

test('blank form fields count as not given', async () => {
  const content = await validateContent(database.db, {
    ...validExample(), organisation: ' ', periodStart: '', periodEnd: '', preventionLevel: '', activityStatus: '', contact: { name: '', email: 'kim@kalmar.example', url: '' },
  });
  assert.deepEqual([content.organisation, content.periodStart, content.periodEnd, content.preventionLevel, content.activityStatus], [null, null, null, null, null]);
  assert.deepEqual(content.contact, { email: 'kim@kalmar.example' });
  assert.equal((await validateContent(database.db, { ...validExample(), contact: { name: ' ', url: '' } })).contact, null);
});

test('the municipality boundaries: points in their municipality, in the sea or abroad in none', () => {
  assert.equal(municipalityAt(59.3293, 18.0686), '0180', 'Stockholm');
  assert.equal(municipalityAt(57.7089, 11.9746), '1480', 'Göteborg');
  assert.equal(municipalityAt(67.8558, 20.2253), '2584', 'Kiruna');
  assert.equal(municipalityAt(56.6574, 16.3575, ['0880']), '0880', 'Kalmar slott, on the shore');
  assert.equal(municipalityAt(56.6574, 16.3575, ['0180']), null, 'not in Stockholm');
  assert.equal(municipalityAt(55.6761, 12.5683), null, 'Copenhagen is inside the box but not in Sweden');
  assert.equal(municipalityAt(57.0, 19.5), null, 'the Baltic Sea east of Gotland');
});

test('bad input is refused naming each field in Swedish', async () => {
  const tooLong = await fieldsOf({ ...validExample(), nameSv: 'x'.repeat(201) });
  assert.deepEqual(tooLong.map((f) => f.field), ['nameSv']);
  assert.match(tooLong[0]!.message, /Fältet 'nameSv' får ha högst 200 tecken/);

  const outside = await fieldsOf({ ...validExample(), places: [{ name: 'Oslo', lat: 59.91, lon: 10.75 }] });
  assert.deepEqual(outside.map((f) => f.field), ['places.0.lon']);
  assert.match(outside[0]!.message, /inom Sverige/);

  const copenhagen = await fieldsOf({ ...validExample(), places: [{ name: 'Köpenhamn', lat: 55.6761, lon: 12.5683 }] });
  assert.deepEqual(copenhagen.map((f) => f.field), ['places.0']);
  assert.match(copenhagen[0]!.message, /inte inom Sverige/);

  const wrongMunicipality = await fieldsOf({ ...validExample(), places: [{ name: 'Stockholm', lat: 59.3293, lon: 18.0686 }] });
  assert.deepEqual(wrongMunicipality.map((f) => f.field), ['places.0']);
  assert.match(wrongMunicipality[0]!.message, /någon av postens kommuner/);

  const unknownCode = await fieldsOf({ ...validExample(), municipalityCodes: ['0880', '9999'] });
  assert.deepEqual(unknownCode.map((f) => f.field), ['municipalityCodes.1']);
  assert.match(unknownCode[0]!.message, /ingen känd kommunkod/);

  const script = await fieldsOf({ ...validExample(), sources: [{ title: 'x', url: 'javascript:alert(1)' }], contact: { url: 'data:text/html,x', email: 'inte-en-adress' } });
  assert.deepEqual(script.map((f) => f.field).sort(), ['contact.email', 'contact.url', 'sources.0.url']);
  assert.match(script.find((f) => f.field === 'sources.0.url')!.message, /http:\/\/ eller https:\/\//);

  const many = await fieldsOf({
    ...validExample(), kind: 'story', summarySv: 'kort', focusAreas: ['sport'], costPerParticipant: -1, extra: 1,
  });
  assert.deepEqual(many.map((f) => f.field).sort(), ['content', 'costPerParticipant', 'focusAreas.0', 'kind', 'summarySv']);
  assert.ok(many.find((f) => f.field === 'content')!.message.includes('okända fält: extra'));
});

test('the period ends after it starts; an example needs a municipality; linked methods must be published methods', async () => {
  assert.deepEqual((await fieldsOf({ ...validExample(), periodEnd: '2023-12-31' })).map((f) => f.field), ['periodEnd']);
  assert.deepEqual((await fieldsOf({ ...validExample(), municipalityCodes: [], places: [] })).map((f) => f.field), ['municipalityCodes']);
  const [example] = await queryRows<{ id: string }>(database.db, sql`
    INSERT INTO knowledge_records (kind, slug, name_sv, summary_sv) VALUES ('example', 'ett-exempel', 'Ett exempel', 'Ett exempel som inte är en metod.') RETURNING id`);
  const links = await fieldsOf({ ...validExample(), methodIds: [checkAndConnect.id, example!.id, '00000000-0000-4000-8000-000000000000'] });
  assert.deepEqual(links.map((f) => f.field), ['methodIds.1', 'methodIds.2']);
  assert.deepEqual((await fieldsOf({ ...validExample(), kind: 'method' })).map((f) => f.field), ['methodIds']);
});
