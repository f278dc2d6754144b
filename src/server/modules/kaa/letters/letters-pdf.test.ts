import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfText } from '../../../../../test/support/pdf-text.ts';
import { lettersPdf, planLetters, type LetterCandidate } from './letters-pdf.ts';
import { fill, letterTemplates, templateFor } from './templates.ts';

const address = { streetAddress: 'Storgatan 1', postalCode: '541 30', locality: 'Skövde' };
const candidate = (n: number, overrides: Partial<LetterCandidate> = {}): LetterCandidate => ({
  personId: `00000000-0000-4000-8000-00000000000${n}`,
  givenName: `Förnamn${n}`,
  familyName: `Efternamn${n}`,
  securityMarking: 'Ingen',
  address,
  ...overrides,
});
const context = {
  municipality: 'Skövde kommun',
  officer: 'Kim Handläggare',
  phone: '0500-49 80 00',
  email: 'kaa@skovde.example',
  date: '3 december 2026',
};

test('a protected identity and a young person without an address get no printed letter, and are listed', () => {
  const plan = planLetters([
    candidate(2),
    candidate(1, {
      securityMarking: 'Skyddad folkbokföring',
      address: { streetAddress: 'Hemlig väg 9', postalCode: '111 11', locality: 'X' },
    }),
    candidate(3, { address: null }),
    candidate(4, { securityMarking: 'Sekretessmarkering' }),
  ]);
  assert.deepEqual(
    plan.recipients.map((r) => r.name),
    ['Förnamn2 Efternamn2'],
  );
  assert.deepEqual(
    plan.skipped.map((s) => [s.name, s.reason]),
    [
      ['Förnamn1 Efternamn1', 'protected-identity'],
      ['Förnamn3 Efternamn3', 'no-address'],
      ['Förnamn4 Efternamn4', 'protected-identity'],
    ],
  );
});

test('one PDF with a letter per recipient in plain Swedish, never a protected identity’s address', async () => {
  const plan = planLetters([
    candidate(1),
    candidate(2),
    candidate(3, {
      securityMarking: 'Skyddad folkbokföring',
      address: { streetAddress: 'Hemlig väg 9', postalCode: '111 11', locality: 'X' },
    }),
  ]);
  const pdf = await lettersPdf(templateFor('sv')!, plan.recipients, context);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(pdf);
  assert.match(text, /Hej Förnamn1!/);
  assert.match(text, /Hej Förnamn2!/);
  assert.match(text, /Storgatan 1/);
  assert.match(text, /Vi vill gärna prata med dig/);
  assert.match(text, /Telefon: 0500-49 80 00/);
  assert.match(text, /Skövde kommun den 3 december 2026/);
  assert.doesNotMatch(text, /Hemlig väg|Förnamn3/);
  assert.equal((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length, 2, 'one page per letter');
});

test('other languages are data: the English letter', async () => {
  assert.deepEqual(
    letterTemplates().map((t) => t.language),
    ['sv', 'en'],
  );
  const text = pdfText(await lettersPdf(templateFor('en')!, planLetters([candidate(1)]).recipients, context));
  assert.match(text, /Hello Förnamn1,/);
  assert.match(text, /How to reach me/);
  assert.equal(templateFor('xx'), null);
  assert.equal(fill('{firstName} {unknown}!', { firstName: 'Alva' }), 'Alva !');
});
