import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRecord } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { HttpError } from '../../platform/errors.ts';
import { municipalityAt } from './municipality-geometry.ts';
import { validateContent } from './validation.ts';

const database = await createTestDatabase();
const [checkAndConnect] = await queryRows<{ id: string }>(
  database.db,
  sql`SELECT id FROM knowledge_records WHERE slug = 'check-and-connect'`,
);
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

async function fieldsOf(content: unknown, language: 'sv' | 'en' = 'sv'): Promise<{ field: string; message: string }[]> {
  try {
    await validateContent(database.db, content, language);
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
    ...validExample(),
    organisation: ' ',
    periodStart: '',
    periodEnd: '',
    preventionLevel: '',
    activityStatus: '',
    contact: { name: '', email: 'kim@kalmar.example', url: '' },
  });
  assert.deepEqual(
    [content.organisation, content.periodStart, content.periodEnd, content.preventionLevel, content.activityStatus],
    [null, null, null, null, null],
  );
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

test('bad input is refused naming each field by its label (Swedish by default, English when asked); the field is the path in the body', async () => {
  const tooLong = await fieldsOf({ ...validExample(), nameSv: 'x'.repeat(201) });
  assert.deepEqual(
    tooLong.map((f) => f.field),
    ['content.nameSv'],
  );
  assert.equal(tooLong[0]!.message, 'Namn: får ha högst 200 tecken.');
  const english = await fieldsOf({ ...validExample(), nameSv: 'x'.repeat(201) }, 'en');
  assert.equal(english[0]!.message, 'Name: may have at most 200 characters.');

  const outside = await fieldsOf({ ...validExample(), places: [{ name: 'Oslo', lat: 59.91, lon: 10.75 }] });
  assert.deepEqual(
    outside.map((f) => f.field),
    ['content.places.0.lon'],
  );
  assert.equal(outside[0]!.message, 'Longitud för plats 1: måste ligga inom Sverige.');

  const copenhagen = await fieldsOf({ ...validExample(), places: [{ name: 'Köpenhamn', lat: 55.6761, lon: 12.5683 }] });
  assert.deepEqual(
    copenhagen.map((f) => f.field),
    ['content.places.0'],
  );
  assert.equal(copenhagen[0]!.message, 'Plats 1: ligger inte inom Sverige (utanför kommungränserna).');

  const wrongMunicipality = await fieldsOf({ ...validExample(), places: [{ name: 'Stockholm', lat: 59.3293, lon: 18.0686 }] }, 'en');
  assert.deepEqual(
    wrongMunicipality.map((f) => f.field),
    ['content.places.0'],
  );
  assert.equal(wrongMunicipality[0]!.message, "Place 1: does not lie in any of the record's municipalities.");

  const unknownCode = await fieldsOf({ ...validExample(), municipalityCodes: ['0880', '9999'] });
  assert.deepEqual(
    unknownCode.map((f) => f.field),
    ['content.municipalityCodes.1'],
  );
  assert.equal(unknownCode[0]!.message, 'Kommun 2: är ingen känd kommun.');

  const script = await fieldsOf({
    ...validExample(),
    sources: [{ title: 'x', url: 'javascript:alert(1)' }],
    contact: { url: 'data:text/html,x', email: 'inte-en-adress' },
  });
  assert.deepEqual(script.map((f) => f.field).sort(), ['content.contact.email', 'content.contact.url', 'content.sources.0.url']);
  assert.equal(
    script.find((f) => f.field === 'content.sources.0.url')!.message,
    'Webbadress till källa 1: måste vara en webbadress som börjar med http:// eller https://.',
  );

  const many = await fieldsOf({
    ...validExample(),
    kind: 'story',
    summarySv: 'kort',
    focusAreas: ['sport'],
    costPerParticipant: -1,
    extra: 1,
  });
  assert.deepEqual(many.map((f) => f.field).sort(), [
    'content.costPerParticipant',
    'content.extra',
    'content.focusAreas.0',
    'content.kind',
    'content.summarySv',
  ]);
  assert.equal(many.find((f) => f.field === 'content.focusAreas.0')!.message, 'Inriktning 1: har ett värde som inte finns bland valen.');
  // No message repeats a key, a code or the typed value.
  for (const f of many) assert.doesNotMatch(f.message, /story|sport|extra|costPerParticipant|summarySv|Fältet '/, f.message);
});

test('the period ends after it starts; an example needs a municipality; linked methods must be published methods', async () => {
  assert.deepEqual(
    (await fieldsOf({ ...validExample(), periodEnd: '2023-12-31' })).map((f) => f.field),
    ['content.periodEnd'],
  );
  assert.deepEqual(
    (await fieldsOf({ ...validExample(), municipalityCodes: [], places: [] })).map((f) => f.field),
    ['content.municipalityCodes'],
  );
  const example = await addRecord(database.db, {
    kind: 'example',
    slug: 'ett-exempel',
    nameSv: 'Ett exempel',
    summarySv: 'Ett exempel som inte är en metod.',
  });
  const links = await fieldsOf({ ...validExample(), methodIds: [checkAndConnect.id, example, '00000000-0000-4000-8000-000000000000'] });
  assert.deepEqual(
    links.map((f) => f.field),
    ['content.methodIds.1', 'content.methodIds.2'],
  );
  assert.deepEqual(
    (await fieldsOf({ ...validExample(), kind: 'method' })).map((f) => f.field),
    ['content.methodIds'],
  );
});
