import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn, evaluate, rules, type PersonFacts } from './criteria.ts';

const asOf = '2026-12-03';
const home = '1496';
/** A 17-year-old folkbokförd here who finished compulsory school and has never started upper secondary: in the group. */
const base = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  birthDate: '2009-04-10',
  municipalityCode: home,
  status: 'resident',
  registeredInSwedenOn: null,
  enrolments: [],
  certificates: [],
  dismissed: false,
  ...over,
});
const rule = (criterion: string) => rules.find((r) => r.criterion === criterion)!;

test('the six criteria are rules in the order of the law, each citing its source', () => {
  assert.deepEqual(
    rules.map((r) => r.criterion),
    ['under-20', 'compulsory-done', 'not-in-upper-secondary', 'no-diploma', 'no-special-certificate', 'no-equivalent'],
  );
  for (const r of rules) assert.match(r.source, /Skollagen 29 kap\. 9 §/);
});

test('a young person who never started is in the group, with every criterion explained', () => {
  const e = evaluate(base(), asOf, home);
  assert.equal(e.inGroup, true);
  assert.equal(e.registrationReason, 'never-started');
  assert.ok(e.criteria.every((c) => c.holds && c.source));
});

test('1 under 20: 19 is in, 20 is out (turned-20)', () => {
  assert.equal(rule('under-20').evaluate(base({ birthDate: '2006-12-04' }), asOf).holds, true);
  const twenty = evaluate(base({ birthDate: '2006-12-03' }), asOf, home);
  assert.equal(twenty.inGroup, false);
  assert.equal(twenty.deregistrationReason, 'turned-20');
  assert.equal(ageOn('2006-12-03', asOf), 20);
});

test('2 compulsory school done: a 15-year-old is out; a leaving certificate or a late arrival in Sweden puts one in', () => {
  assert.equal(rule('compulsory-done').evaluate(base({ birthDate: '2011-02-01' }), asOf).holds, false);
  const early = base({
    birthDate: '2011-02-01',
    certificates: [{ source: 'own-certificates', kind: 'slutbetyg-grundskola', date: '2026-06-12', organiserName: null }],
  });
  assert.equal(rule('compulsory-done').evaluate(early, asOf).source, 'own-certificates');
  assert.equal(rule('compulsory-done').evaluate(early, asOf).holds, true);
  const arrived = base({ birthDate: '2008-05-01', registeredInSwedenOn: '2025-09-01' });
  assert.equal(rule('compulsory-done').evaluate(arrived, asOf).holds, true);
  assert.equal(evaluate(arrived, asOf, home).registrationReason, 'moved-in-after-compulsory-age');
});

test('3 not in upper secondary: a current national programme takes one out, an ended one puts one in as a dropout', () => {
  const studying = base({
    enrolments: [
      {
        source: 'notice-received',
        schoolType: 'GY',
        programmeCode: 'NA',
        startDate: '2025-08-18',
        endDate: null,
        organiserName: 'Friskolan AB',
      },
    ],
  });
  const c = rule('not-in-upper-secondary').evaluate(studying, asOf);
  assert.deepEqual([c.holds, c.source, c.organiserName], [false, 'notice-received', 'Friskolan AB']);
  const left = base({
    enrolments: [
      {
        source: 'own-enrolments',
        schoolType: 'GY',
        programmeCode: 'EE',
        startDate: '2025-08-18',
        endDate: '2026-03-01',
        organiserName: null,
      },
    ],
  });
  const e = evaluate(left, asOf, home);
  assert.deepEqual([e.inGroup, e.registrationReason, e.criteria[2]!.source], [true, 'dropout-national', 'own-enrolments']);
});

test('3 introduktionsprogram students are not in the group (SFS 2018:749); leaving one puts a young person in', () => {
  const im = base({
    enrolments: [
      { source: 'own-enrolments', schoolType: 'GY', programmeCode: 'IMYRK', startDate: '2025-08-18', endDate: null, organiserName: null },
    ],
  });
  const e = evaluate(im, asOf, home);
  assert.equal(e.inGroup, false);
  assert.equal(e.deregistrationReason, 'started-introduction');
  const left = base({
    enrolments: [
      {
        source: 'own-enrolments',
        schoolType: 'GY',
        programmeCode: 'IMYRK',
        startDate: '2025-08-18',
        endDate: '2026-02-01',
        organiserName: null,
      },
    ],
  });
  assert.equal(evaluate(left, asOf, home).registrationReason, 'left-introduction');
});

test('4 no gymnasieexamen: a diploma takes one out; a studiebevis does not', () => {
  const diploma = base({ certificates: [{ source: 'own-certificates', kind: 'gymnasieexamen', date: '2026-06-10', organiserName: null }] });
  const e = evaluate(diploma, asOf, home);
  assert.equal(e.inGroup, false);
  assert.equal(e.deregistrationReason, 'completed-equivalent');
  const bevis = base({ certificates: [{ source: 'own-certificates', kind: 'studiebevis', date: '2026-06-10', organiserName: null }] });
  const b = evaluate(bevis, asOf, home);
  assert.equal(b.inGroup, true);
  assert.equal(b.registrationReason, 'studiebevis');
});

test('5 no gymnasiebevis from anpassad gymnasieskola: one takes a young person out', () => {
  const f = base({
    certificates: [{ source: 'own-certificates', kind: 'gymnasiesarskolebevis', date: '2026-06-10', organiserName: null }],
  });
  assert.equal(rule('no-special-certificate').evaluate(f, asOf).holds, false);
  assert.equal(rule('no-special-certificate').evaluate(base(), asOf).holds, true);
});

test('6 no equivalent education: an IB diploma, a diploma from abroad or folkhögskola with eligibility takes one out', () => {
  for (const kind of ['ib-diploma', 'foreign-diploma', 'folkhogskola-eligibility']) {
    const f = base({ certificates: [{ source: 'completion-record', kind, date: '2026-06-10', organiserName: null }] });
    const c = rule('no-equivalent').evaluate(f, asOf);
    assert.deepEqual([c.holds, c.source], [false, 'completion-record'], kind);
  }
  assert.equal(rule('no-equivalent').evaluate(base(), asOf).holds, true);
});

test('the home municipality: moved, emigrated, deceased are out with their reason; a dismissal is kept out', () => {
  assert.equal(evaluate(base({ municipalityCode: '1494' }), asOf, home).deregistrationReason, 'moved');
  assert.equal(evaluate(base({ status: 'emigrated' }), asOf, home).deregistrationReason, 'emigrated');
  assert.equal(evaluate(base({ status: 'deceased' }), asOf, home).deregistrationReason, 'deceased');
  const dismissed = evaluate(base({ dismissed: true }), asOf, home);
  assert.deepEqual([dismissed.inGroup, dismissed.criteriaHold, dismissed.deregistrationReason], [false, true, 'dismissed']);
});
