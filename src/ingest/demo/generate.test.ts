import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { PersonDoc } from '../ss12000/documents.ts';
import { generateDemoRegion } from './generate.ts';
import { loadTestNumbers } from './identities.ts';

const today = '2026-11-22';
const region = generateDemoRegion({ seed: 7, scale: 0.15, today });
const persons = region.organisers.flatMap((o) => (o.documents.persons ?? []) as PersonDoc[]);
const digest = (r: unknown) => createHash('sha256').update(JSON.stringify(r)).digest('hex');

test('the same seed gives the same documents; another seed gives others', () => {
  assert.equal(digest(generateDemoRegion({ seed: 7, scale: 0.15, today })), digest(region));
  assert.notEqual(digest(generateDemoRegion({ seed: 8, scale: 0.15, today })), digest(region));
});

test("Skaraborg's 15 municipalities and independent organisers, each with a Huvudman document", () => {
  const municipal = region.organisers.filter((o) => o.kind === 'municipal').map((o) => o.municipalityCode).sort();
  assert.deepEqual(municipal, ['1444', '1445', '1446', '1447', '1470', '1471', '1472', '1473', '1493', '1494', '1495', '1496', '1497', '1498', '1499']);
  assert.ok(region.organisers.some((o) => o.kind === 'independent'));
  for (const o of region.organisers) {
    const huvudman = (o.documents.organisations as { organisationType: string }[]).filter((d) => d.organisationType === 'Huvudman');
    assert.equal(huvudman.length, 1, o.name);
  }
});

test('every civic number is one of Skatteverket\'s test numbers, belongs to one person, and matches the birth date', () => {
  const allowed = new Set([...loadTestNumbers().values()].flat());
  const owner = new Map<string, string>();
  let withNumber = 0;
  for (const p of persons) {
    const n = p.civicNo?.value;
    if (!n) continue;
    withNumber += 1;
    assert.ok(allowed.has(n), 'a civic number outside the test list');
    assert.equal(p.birthDate, `${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}`);
    const who = `${p.givenName} ${p.familyName} ${p.birthDate}`;
    assert.equal(owner.get(n) ?? who, who, 'one civic number, two people');
    owner.set(n, who);
  }
  assert.ok(withNumber > persons.length * 0.95);
});

test('students aged 6–19 are enrolled, some with protected identities, guardians as responsibles', () => {
  const students = persons.filter((p) => p.enrolments?.length);
  const ages = students.map((p) => 2026 - Number(p.birthDate!.slice(0, 4)));
  assert.ok(Math.min(...ages) <= 6 && ages.some((a) => a === 19));
  assert.ok(persons.some((p) => p.securityMarking === 'Skyddad folkbokföring' || p.securityMarking === 'Sekretessmarkering'));
  assert.ok(students.every((s) => (s.responsibles?.length ?? 0) >= 1));
  assert.ok(students.some((s) => s.enrolments!.some((e) => e.schoolType === 'GY')));
});

test('scale outside (0, 10] and a malformed date are refused with a clear message', () => {
  assert.throws(() => generateDemoRegion({ seed: 1, scale: 0 }), /--scale/);
  assert.throws(() => generateDemoRegion({ seed: 1, scale: 1, today: '22/11/2026' }), /ÅÅÅÅ-MM-DD/);
});
