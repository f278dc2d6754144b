import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importOrder } from './documents.ts';
import { parseDeletedEntities } from './envelope.ts';
import { errata } from './spec-errata.ts';
import { loadPatchedSchemas, validateAgainstSpec, validatorFor } from './schema-validation.ts';
import { fixtureDocuments } from './test-helpers.ts';

test('every errata patch applies to the vendored spec and Grade requires organisation, not schoolUnit', () => {
  const schemas = loadPatchedSchemas();
  assert.ok(errata.length >= 5);
  const required = schemas.Grade?.required as string[];
  assert.ok(required.includes('organisation'));
  for (const gone of ['schoolUnit', 'adaptedStudyPlan', 'registeredBy']) assert.ok(!required.includes(gone), gone);
});

test('every endpoint has a compiled validator and every fixture document passes it', () => {
  for (const endpoint of importOrder) {
    for (const doc of fixtureDocuments('kommun')[endpoint] ?? []) assert.deepEqual(validateAgainstSpec(endpoint, doc), [], endpoint);
  }
});

test('errors name the JSON path and never the value', () => {
  const issues = validateAgainstSpec('persons', {
    id: 'd0000000-0000-4000-8000-000000000001',
    meta: { created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z' },
    givenName: 'A',
    familyName: 'B',
    civicNo: { value: 200701012395 },
    enrolments: [{ enroledAt: { id: 'x' }, schoolType: 'GY', startDate: '2024-13-01' }],
  });
  assert.deepEqual(
    issues.map((i) => i.field),
    ['civicNo.value', 'enrolments[0].enroledAt.id', 'enrolments[0].startDate'],
  );
  assert.ok(!JSON.stringify(issues).includes('200701012395'));
});

test('the Certificate extension is validated in the same style', () => {
  const [issue] = validateAgainstSpec('certificates', {
    id: 'd0000000-0000-4000-8000-000000000001',
    meta: { created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z' },
    student: { id: 'd0000000-0000-4000-8000-000000000001' },
    schoolUnit: { id: 'd0000000-0000-4000-8000-000000000001' },
    kind: 'diplom',
    issuedDate: '2024-06-14',
  });
  assert.equal(issue?.field, 'kind');
});

test('DeletedEntities: nullable pageToken, and the spec\'s "activitites" spelling as well as "activities"', () => {
  assert.equal(validatorFor('DeletedEntities')({ data: { activitites: [], activities: [] }, pageToken: null }), true);
  assert.throws(() => parseDeletedEntities(JSON.stringify({ data: { persons: ['not-a-uuid'] } })), /DeletedEntities/);
});
