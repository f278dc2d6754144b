import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AggregatedAttendanceDoc, AttendanceDoc, CertificateDoc, GradeDoc, PersonDoc } from '../ss12000/documents.ts';
import { generateDemoRegion } from './generate.ts';
import { demoReport } from './report.ts';

const region = generateDemoRegion({ seed: 1, scale: 1, today: '2026-11-22' });

test('the demo region matches the published figures within ±2 percentage points', () => {
  const figures = demoReport(region);
  assert.deepEqual(figures.map((f) => f.name), ['diploma-within-4-years-incl-introduction', 'diploma-within-3-years-national', 'kaa-share-16-19']);
  for (const f of figures) assert.ok(Math.abs(f.generated - f.target) <= 0.02, `${f.name}: ${f.generated} vs ${f.target}`);
});

test('latent risk hangs together: non-completers have far more invalid absence and failed grades', () => {
  const stats = { diploma: { invalid: 0, offered: 0, failed: 0, grades: 0 }, none: { invalid: 0, offered: 0, failed: 0, grades: 0 } };
  for (const org of region.organisers) {
    const d = org.documents;
    const upperSecondary = new Set(((d.persons ?? []) as PersonDoc[]).filter((p) => p.enrolments?.some((e) => e.schoolType === 'GY' && e.startDate <= '2023-08-31')).map((p) => p.id));
    const diploma = new Set(((d.certificates ?? []) as CertificateDoc[]).filter((c) => c.kind === 'gymnasieexamen').map((c) => c.student.id));
    const group = (id: string) => (upperSecondary.has(id) ? stats[diploma.has(id) ? 'diploma' : 'none'] : undefined);
    for (const a of (d.aggregatedAttendance ?? []) as AggregatedAttendanceDoc[]) {
      const g = group(a.student.id);
      if (g) { g.invalid += a.invalidAbsenceSum ?? 0; g.offered += a.offeredSum ?? 0; }
    }
    for (const a of (d.attendances ?? []) as AttendanceDoc[]) {
      const g = group(a.student.id);
      if (g && a.isReported) { g.invalid += a.invalidAbsenceMinutes ?? 0; g.offered += 80; }
    }
    for (const x of (d.grades ?? []) as GradeDoc[]) {
      const g = group(x.student.id);
      if (g) { g.grades += 1; if (x.gradeValue === 'F' || x.gradeValue === '-') g.failed += 1; }
    }
  }
  const invalidShare = (s: typeof stats.none) => s.invalid / s.offered;
  const failShare = (s: typeof stats.none) => s.failed / s.grades;
  assert.ok(invalidShare(stats.none) > 2 * invalidShare(stats.diploma), `invalid absence ${invalidShare(stats.none)} vs ${invalidShare(stats.diploma)}`);
  assert.ok(failShare(stats.none) > 3 * failShare(stats.diploma), `F share ${failShare(stats.none)} vs ${failShare(stats.diploma)}`);
});
