import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AggregatedAttendanceDoc, AttendanceDoc, CertificateDoc, GradeDoc, PersonDoc } from '../ss12000/documents.ts';
import { generateDemoRegion } from './generate.ts';
import { demoReport } from './report.ts';

const region = generateDemoRegion({ seed: 1, scale: 1, today: '2026-11-22' });

test('the demo region matches the published figures within ±2 percentage points', () => {
  const figures = demoReport(region);
  assert.deepEqual(
    figures.map((f) => f.name),
    ['diploma-within-4-years-incl-introduction', 'diploma-within-3-years-national', 'kaa-share-16-19'],
  );
  for (const f of figures) assert.ok(Math.abs(f.generated - f.target) <= 0.02, `${f.name}: ${f.generated} vs ${f.target}`);
});

test('latent risk hangs together: non-completers have far more invalid absence and failed grades', () => {
  const stats = { diploma: { invalid: 0, offered: 0, failed: 0, grades: 0 }, none: { invalid: 0, offered: 0, failed: 0, grades: 0 } };
  for (const org of region.organisers) {
    const d = org.documents;
    const upperSecondary = new Set(
      ((d.persons ?? []) as PersonDoc[])
        .filter((p) => p.enrolments?.some((e) => e.schoolType === 'GY' && e.startDate <= '2023-08-31'))
        .map((p) => p.id),
    );
    const diploma = new Set(
      ((d.certificates ?? []) as CertificateDoc[]).filter((c) => c.kind === 'gymnasieexamen').map((c) => c.student.id),
    );
    const group = (id: string) => (upperSecondary.has(id) ? stats[diploma.has(id) ? 'diploma' : 'none'] : undefined);
    for (const a of (d.aggregatedAttendance ?? []) as AggregatedAttendanceDoc[]) {
      const g = group(a.student.id);
      if (g) {
        g.invalid += a.invalidAbsenceSum ?? 0;
        g.offered += a.offeredSum ?? 0;
      }
    }
    for (const a of (d.attendances ?? []) as AttendanceDoc[]) {
      const g = group(a.student.id);
      if (g && a.isReported) {
        g.invalid += a.invalidAbsenceMinutes ?? 0;
        g.offered += 80;
      }
    }
    for (const x of (d.grades ?? []) as GradeDoc[]) {
      const g = group(x.student.id);
      if (g) {
        g.grades += 1;
        if (x.gradeValue === 'F' || x.gradeValue === '-') g.failed += 1;
      }
    }
  }
  const invalidShare = (s: typeof stats.none) => s.invalid / s.offered;
  const failShare = (s: typeof stats.none) => s.failed / s.grades;
  assert.ok(
    invalidShare(stats.none) > 2 * invalidShare(stats.diploma),
    `invalid absence ${invalidShare(stats.none)} vs ${invalidShare(stats.diploma)}`,
  );
  assert.ok(failShare(stats.none) > 3 * failShare(stats.diploma), `F share ${failShare(stats.none)} vs ${failShare(stats.diploma)}`);
});

/** Pearson correlation. */
function correlation(xs: number[], ys: number[]): number {
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, i) => {
    const dy = (ys[i] as number) - my;
    sxy += (x - mx) * dy;
    sxx += (x - mx) ** 2;
    syy += dy ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

test('invalid absence follows latent risk far more than valid absence does', () => {
  const riskOf = new Map(region.truth.students.flatMap((s) => (s.civicNo ? [[s.civicNo, s.risk] as const] : [])));
  const perStudent = new Map<string, { risk: number; valid: number; invalid: number; offered: number }>();
  for (const org of region.organisers) {
    const civic = new Map(((org.documents.persons ?? []) as PersonDoc[]).map((p) => [p.id, p.civicNo?.value]));
    const add = (id: string, valid: number, invalid: number, offered: number) => {
      const c = civic.get(id);
      const risk = c ? riskOf.get(c) : undefined;
      if (!c || risk === undefined) return;
      const s = perStudent.get(c) ?? { risk, valid: 0, invalid: 0, offered: 0 };
      s.valid += valid;
      s.invalid += invalid;
      s.offered += offered;
      perStudent.set(c, s);
    };
    for (const a of (org.documents.aggregatedAttendance ?? []) as AggregatedAttendanceDoc[])
      add(a.student.id, a.validAbsenceSum ?? 0, a.invalidAbsenceSum ?? 0, a.offeredSum ?? 0);
  }
  const rows = [...perStudent.values()].filter((s) => s.offered > 0);
  const risk = rows.map((s) => s.risk);
  const invalid = correlation(
    risk,
    rows.map((s) => s.invalid / s.offered),
  );
  const valid = correlation(
    risk,
    rows.map((s) => s.valid / s.offered),
  );
  assert.ok(invalid > 0.3 && invalid > 2 * Math.abs(valid), `invalid ${invalid.toFixed(2)}, valid ${valid.toFixed(2)}`);
});

test('introduktionsprogram and non-completion go with higher latent risk; newly arrived start on IMSPR', () => {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const risk = (kinds: string[]) => mean(region.truth.students.filter((s) => kinds.includes(s.path) && !s.newlyArrived).map((s) => s.risk));
  assert.ok(
    risk(['imLeave']) > risk(['natDrop', 'natSB']) && risk(['natDrop', 'natSB']) > risk(['nat4']) && risk(['nat4']) > risk(['nat3']),
  );
  const arrivedIm = region.truth.students.filter((s) => s.newlyArrived && s.programmes.length > 0);
  assert.ok(arrivedIm.length > 0 && arrivedIm.every((s) => s.programmes[0] === 'IMSPR'));
});

test('protected identities: about 0.1 % skyddad folkbokföring and 0.5 % sekretessmarkering', () => {
  const persons = region.organisers.flatMap((o) => (o.documents.persons ?? []) as PersonDoc[]);
  const share = (m: string) => persons.filter((p) => p.securityMarking === m).length / persons.length;
  assert.ok(share('Skyddad folkbokföring') > 0.0003 && share('Skyddad folkbokföring') < 0.003, String(share('Skyddad folkbokföring')));
  assert.ok(share('Sekretessmarkering') > 0.002 && share('Sekretessmarkering') < 0.01, String(share('Sekretessmarkering')));
});
