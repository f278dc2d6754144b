import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countCohorts, cutOff, schoolYearOf, statusBy, type StarterRow } from './cohorts.ts';
import { protectCohort } from './completion-disclosure.ts';

const base: StarterRow = {
  startDate: '2019-08-15',
  lastEnd: '2022-06-15',
  examen: null,
  studiebevis: null,
  hasPersonnummer: true,
  programmeType: 'vocational',
  programme: { code: 'EE', name: 'El- och energiprogrammet' },
  schoolUnit: { id: 'u1', name: 'Gymnasiet' },
  homeMunicipality: { code: '1496', name: 'Skövde' },
  sex: 'Kvinna',
};
const row = (over: Partial<StarterRow>): StarterRow => ({ ...base, ...over });

test('a cohort is the school year of the first start; within n years is 30 June of its n-th school year', () => {
  assert.equal(schoolYearOf('2019-08-15'), 2019);
  assert.equal(schoolYearOf('2020-01-10'), 2019);
  assert.equal(cutOff(2019, 3), '2022-06-30');
});

test('status by a date: examen before studiebevis before still enrolled before left', () => {
  assert.equal(statusBy(row({ examen: '2022-06-10', studiebevis: '2021-06-10' }), '2022-06-30'), 'examen');
  assert.equal(statusBy(row({ examen: '2023-06-10', studiebevis: '2022-06-10' }), '2022-06-30'), 'studiebevis');
  assert.equal(statusBy(row({ lastEnd: null }), '2022-06-30'), 'studying');
  assert.equal(statusBy(row({ lastEnd: '2022-06-30' }), '2022-06-30'), 'studying');
  assert.equal(statusBy(row({ lastEnd: '2020-12-31' }), '2022-06-30'), 'left');
});

test('counts per cohort and group, only horizons reached, students without a personnummer left out', () => {
  const rows = [
    ...Array.from({ length: 8 }, () => row({ examen: '2022-06-10' })),
    row({ examen: '2023-06-10', lastEnd: '2023-06-15' }),
    row({ lastEnd: '2020-12-31', programmeType: 'introduction', programme: { code: 'IMPRO', name: 'Programinriktat val' } }),
    row({ hasPersonnummer: false, examen: '2022-06-10' }),
    row({ startDate: '2023-08-20', lastEnd: null }),
  ];
  const cohorts = countCohorts(rows, '2024-10-01', 2015);
  assert.deepEqual(
    cohorts.map((c) => c.startYear),
    [2019, 2023],
  );
  const all = cohorts[0]!.groups.find((g) => g.dimension === 'all')!;
  assert.equal(all.starters, 10);
  assert.deepEqual(all.within[3], { examen: 8, studiebevis: 0, studying: 1, left: 1 });
  assert.deepEqual(all.within[4], { examen: 9, studiebevis: 0, studying: 0, left: 1 });
  assert.deepEqual(all.within[5], { examen: 9, studiebevis: 0, studying: 0, left: 1 });
  const national = cohorts[0]!.groups.find((g) => g.dimension === 'national')!;
  assert.equal(national.starters, 9);
  assert.equal(cohorts[1]!.groups.find((g) => g.dimension === 'all')!.within[3], undefined, 'the 2023 cohort has not reached 3 years');
});

test('suppression: counts of 1–4 hidden, and enough beside them that none can be subtracted out', () => {
  const rows = [
    ...Array.from({ length: 20 }, () => row({ examen: '2022-06-10' })),
    ...Array.from({ length: 3 }, () => row({ studiebevis: '2022-06-10' })),
    ...Array.from({ length: 7 }, () => row({ lastEnd: '2020-12-31' })),
  ];
  const [cohort] = countCohorts(rows, '2022-10-01', 2015);
  const why = protectCohort(cohort!);
  const k = cohort!.groups.findIndex((g) => g.dimension === 'all');
  const w = why[k]!.within[3]!;
  assert.equal(w.studiebevis, 'small');
  // 20 + 3 + 0 + 7 = 30: with the starters shown, a second count must be hidden so the 3 cannot be worked out.
  assert.equal(w.left, 'complementary');
  assert.equal(w.examen, null);
  assert.equal(why[k]!.starters, null);
});

test('a small group in a breakdown is hidden with a complement in the same breakdown; the total stays shown', () => {
  const rows = [
    ...Array.from({ length: 30 }, (_, i) =>
      row({ examen: '2022-06-10', homeMunicipality: { code: '1496', name: 'Skövde' }, sex: i % 2 ? 'Man' : 'Kvinna' }),
    ),
    ...Array.from({ length: 8 }, () => row({ examen: '2022-06-10', homeMunicipality: { code: '1494', name: 'Lidköping' } })),
    ...Array.from({ length: 2 }, () => row({ lastEnd: '2020-12-31', homeMunicipality: { code: '1497', name: 'Hjo' } })),
    ...Array.from({ length: 6 }, () => row({ lastEnd: '2020-12-31', homeMunicipality: { code: '1496', name: 'Skövde' } })),
  ];
  const [cohort] = countCohorts(rows, '2022-10-01', 2015);
  const why = protectCohort(cohort!);
  const at = (d: string, key = '') => why[cohort!.groups.findIndex((g) => g.dimension === d && (key === '' || g.key === key))]!;
  assert.deepEqual([at('all').starters, at('all').within[3]], [null, { examen: null, studiebevis: null, studying: null, left: null }]);
  assert.equal(at('home-municipality', '1497').starters, 'small');
  assert.equal(at('home-municipality', '1494').starters, 'complementary', 'the smallest other municipality hides beside it');
  assert.equal(at('home-municipality', '1496').starters, null);
});
