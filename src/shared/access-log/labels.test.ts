import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { permissions } from '../access/permissions.ts';
import { actionLabel, actionLabels, roleLabel } from './labels.ts';

/** Every non-test TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// The areas actions are named in: every permission's, plus sign-in and the person lookup.
const areas = new Set([...permissions.map((p) => p.split('.')[0]!), 'auth', 'people']);
const quoted = /'([a-z-]+)\.([a-z][a-z.-]*[a-z])'/g;

test('every action the server logs has a Swedish and English phrase: its own actions and every permission (refusals are logged by permission)', () => {
  const found = new Set<string>(permissions);
  for (const file of sources('src/server')) {
    for (const [, area, rest] of readFileSync(file, 'utf8').matchAll(quoted)) {
      // File names in strings (`'report.pdf'`, `'index.ts'`) are not actions; the PDF downloads' actions end in `.pdf`.
      if (areas.has(area!) && !/\.(ts|csv|json|geojson)$/.test(rest!)) found.add(`${area}.${rest}`);
    }
  }
  assert.ok(found.has('students.read') && found.has('auth.sign-in') && found.has('interventions.summary.pdf'), 'the scan finds actions');
  assert.deepEqual([...found].filter((a) => !Object.hasOwn(actionLabels, a)).sort(), []);
});

test('phrases are words in both languages; an unknown action or role reads as a generic label, never the code', () => {
  for (const [code, label] of Object.entries(actionLabels)) {
    assert.ok(label.sv && label.en && !label.sv.includes(code) && !/[._]/.test(label.sv + label.en.replace(/\.$/, '')), code);
  }
  assert.deepEqual(actionLabel('toString'), { sv: 'Annan åtgärd', en: 'Other action' });
  assert.deepEqual(actionLabel('students.delete'), { sv: 'Annan åtgärd', en: 'Other action' });
  assert.deepEqual(roleLabel('dpo'), { sv: 'Dataskyddsombud', en: 'Data protection officer' });
  assert.deepEqual(roleLabel('constructor'), { sv: 'Annan roll', en: 'Other role' });
});
