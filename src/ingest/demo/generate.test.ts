import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { CertificateDoc, DutyDoc, GradeDoc, GroupDoc, OrganisationDoc, PersonDoc, ProgrammeDoc } from '../ss12000/documents.ts';
import { generateDemoRegion } from './generate.ts';
import { loadTestNumbers } from './identities.ts';

const today = '2026-11-22';
const region = generateDemoRegion({ seed: 7, scale: 0.15, today });
const persons = region.organisers.flatMap((o) => (o.documents.persons ?? []) as PersonDoc[]);
const all = <T>(endpoint: keyof (typeof region.organisers)[number]['documents']) =>
  region.organisers.flatMap((o) => (o.documents[endpoint] ?? []) as T[]);
const digest = (r: unknown) => createHash('sha256').update(JSON.stringify(r)).digest('hex');

test('the same seed gives the same documents; another seed gives others', () => {
  assert.equal(digest(generateDemoRegion({ seed: 7, scale: 0.15, today })), digest(region));
  assert.notEqual(digest(generateDemoRegion({ seed: 8, scale: 0.15, today })), digest(region));
});

test("Skaraborg's 15 municipalities and independent organisers, each with a Huvudman document", () => {
  const municipal = region.organisers
    .filter((o) => o.kind === 'municipal')
    .map((o) => o.municipalityCode)
    .sort();
  assert.deepEqual(municipal, [
    '1444',
    '1445',
    '1446',
    '1447',
    '1470',
    '1471',
    '1472',
    '1473',
    '1493',
    '1494',
    '1495',
    '1496',
    '1497',
    '1498',
    '1499',
  ]);
  assert.ok(region.organisers.some((o) => o.kind === 'independent'));
  for (const o of region.organisers) {
    const huvudman = (o.documents.organisations as { organisationType: string }[]).filter((d) => d.organisationType === 'Huvudman');
    assert.equal(huvudman.length, 1, o.name);
  }
});

test("every civic number is one of Skatteverket's test numbers, belongs to one person, and matches the birth date", () => {
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

test('organisers carry synthetic organisation numbers; units carry 8-digit school unit codes and their school forms', () => {
  for (const o of region.organisers) assert.match(o.organisationNumber, o.kind === 'municipal' ? /^212000\d{4}$/ : /^5569\d{6}$/);
  const units = all<OrganisationDoc>('organisations').filter((d) => d.organisationType === 'Skolenhet');
  assert.ok(units.every((u) => /^\d{8}$/.test(u.schoolUnitCode ?? '')));
  assert.equal(new Set(units.map((u) => u.schoolUnitCode)).size, units.length);
  const forms = new Set(units.flatMap((u) => u.schoolTypes ?? []));
  for (const f of ['FKLASS', 'GR', 'GRS', 'GY', 'GYS']) assert.ok(forms.has(f), f);
});

test("programmes with Skolverket's codes, including every introduktionsprogram", () => {
  const codes = new Set(all<ProgrammeDoc>('programmes').map((p) => `${p.type}:${p.code}`));
  for (const c of ['BA', 'BF', 'EE', 'EK', 'ES', 'FT', 'HA', 'HU', 'HT', 'IN', 'NA', 'NB', 'RL', 'SA', 'TE', 'VF', 'VO']) {
    assert.ok(
      [...codes].some((x) => x.endsWith(`:${c}`) && !x.startsWith('Intru')),
      c,
    );
  }
  for (const c of ['IMPRE', 'IMPRO', 'IMYRK', 'IMIND', 'IMSPR']) assert.ok(codes.has(`Intruduktionsprogram:${c}`), c);
});

test('classes, mentor groups with a mentor, teaching groups; interim and final grades; every kind of certificate', () => {
  const groups = all<GroupDoc>('groups');
  for (const t of ['Klass', 'Mentor', 'Undervisning'])
    assert.ok(
      groups.some((g) => g.groupType === t),
      t,
    );
  const mentorGroups = new Set(groups.filter((g) => g.groupType === 'Mentor').map((g) => g.id));
  const assigned = all<DutyDoc>('duties')
    .flatMap((d) => d.assignmentRole ?? [])
    .filter((a) => a.assignmentRoleType === 'Mentor');
  assert.ok(assigned.some((a) => mentorGroups.has(a.group.id)));
  const roles = new Set(all<DutyDoc>('duties').map((d) => d.dutyRole));
  for (const r of [
    'Rektor',
    'Lärare',
    'Kurator',
    'Skolsköterska',
    'Skolpsykolog',
    'Speciallärare/specialpedagog',
    'Studie- och yrkesvägledare',
  ])
    assert.ok(roles.has(r), r);
  const grades = all<GradeDoc>('grades');
  assert.ok(grades.some((g) => g.finalGrade) && grades.some((g) => !g.finalGrade));
  assert.ok(
    grades.some((g) => g.gradeValue === 'F') && grades.some((g) => g.gradeValue === '-') && grades.some((g) => g.gradeValue === 'A'),
  );
  assert.ok(new Set(grades.map((g) => g.year)).size >= 3, 'grades for at least three school years');
  const kinds = new Set(all<CertificateDoc>('certificates').map((c) => c.kind));
  for (const k of ['gymnasieexamen', 'studiebevis', 'slutbetyg-grundskola', 'gymnasiesarskolebevis'])
    assert.ok(kinds.has(k as CertificateDoc['kind']), k);
  assert.ok(all<CertificateDoc>('certificates').some((c) => c.kind === 'slutbetyg-grundskola' && c.eligibleNationalProgramme === false));
});

test("each organiser holds only its own students: a student at two organisers has a record at each, with only that organiser's enrolments", () => {
  for (const o of region.organisers) {
    const units = new Set(((o.documents.organisations ?? []) as OrganisationDoc[]).map((d) => d.id));
    for (const p of (o.documents.persons ?? []) as PersonDoc[])
      for (const e of p.enrolments ?? []) assert.ok(units.has(e.enroledAt.id), o.name);
  }
  const organisersPerCivicNo = new Map<string, number>();
  for (const p of persons)
    if (p.civicNo && p.enrolments?.length) organisersPerCivicNo.set(p.civicNo.value, (organisersPerCivicNo.get(p.civicNo.value) ?? 0) + 1);
  assert.ok([...organisersPerCivicNo.values()].some((n) => n >= 2));
});

test("youths out of school without a diploma are in their home municipality's documents", () => {
  const home = new Map(
    region.organisers
      .filter((o) => o.kind === 'municipal')
      .map((o) => [
        o.municipalityCode,
        new Set(((o.documents.persons ?? []) as PersonDoc[]).flatMap((p) => (p.civicNo ? [p.civicNo.value] : []))),
      ]),
  );
  const outside = region.truth.students.filter(
    (s) =>
      s.civicNo &&
      s.path !== 'adapted' &&
      s.birthDate >= '2007-01-01' &&
      (s.path === 'none' || ((s.path === 'natDrop' || s.path === 'imLeave') && (s.upperSecondaryEnd ?? '') < today)),
  );
  assert.ok(outside.length > 10);
  for (const s of outside) assert.ok(home.get(s.homeMunicipality)?.has(s.civicNo!), `${s.path} not at home ${s.homeMunicipality}`);
});

test('scale outside (0, 10] and a malformed date are refused with a clear message', () => {
  assert.throws(() => generateDemoRegion({ seed: 1, scale: 0 }), /--scale/);
  assert.throws(() => generateDemoRegion({ seed: 1, scale: 1, today: '22/11/2026' }), /ÅÅÅÅ-MM-DD/);
});
