import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPermission, permissions } from './permissions.ts';
import { grants, roleForDuty, roleNames, roles, studentHealthRoles } from './roles.ts';

test('every role grants only known permissions', () => {
  for (const r of roleNames) for (const p of roles[r].permissions) assert.ok(isPermission(p), `${r}: ${p}`);
  assert.equal(new Set(permissions).size, permissions.length);
});

test('the administrator reads no student data unless also given a role', () => {
  for (const p of ['students.list', 'students.read', 'attendance.read', 'grades.read', 'youth-register.read'] as const) {
    assert.equal(grants(['admin'], p), false, p);
  }
  assert.equal(grants(['admin', 'rektor'], 'students.read'), true);
});

test('the analyst sees aggregates only, the editor only the knowledge bank', () => {
  assert.equal(roles.analyst.scope, 'organiser-aggregates');
  assert.equal(grants(['analyst'], 'students.list'), false);
  assert.deepEqual(
    roles.editor.permissions.filter((p) => !p.startsWith('knowledge-bank.') && p !== 'session.self'),
    [],
  );
});

test('anyone with an account may propose a knowledge-bank record; only the regional editor moderates', () => {
  for (const r of roleNames) assert.equal(grants([r], 'knowledge-bank.submit'), true, r);
  assert.deepEqual(
    roleNames.filter((r) => grants([r], 'knowledge-bank.moderate')),
    ['editor'],
  );
});

test('teachers get attendance and grades, not early-warning or cases', () => {
  assert.equal(grants(['teacher'], 'grades.read'), true);
  assert.equal(grants(['teacher'], 'early-warning.read'), false);
  assert.equal(grants(['teacher'], 'interventions.read'), false);
  assert.equal(grants(['teacher'], 'contact.read'), false, 'a teacher sees no contact details');
  assert.equal(grants(['teacher'], 'students.read'), true, 'the student page, limited to attendance and grades');
});

test('the data protection officer reviews the access log and makes register extracts, and reads no student pages', () => {
  assert.deepEqual([...roles.dpo.permissions].sort(), [
    'access-log.read',
    'knowledge-bank.submit',
    'register-extract.create',
    'register-extract.review',
    'session.self',
  ]);
  assert.equal(roles.dpo.scope, 'none');
});

test('SS 12000 duty roles map onto platform roles', () => {
  assert.equal(roleForDuty('Kurator'), 'kurator');
  assert.equal(roleForDuty('Speciallärare/specialpedagog'), 'specialpedagog');
  assert.equal(roleForDuty('Skolpsykolog'), 'psykolog');
  assert.equal(roleForDuty('Rektor'), 'rektor');
  assert.equal(roleForDuty('Bibliotekarie'), undefined);
  for (const r of studentHealthRoles) assert.equal(roles[r].scope, 'units');
});
