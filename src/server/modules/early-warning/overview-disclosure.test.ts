import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protectOverview } from './overview-disclosure.ts';
import type { OverviewRows } from './queries.ts';

const unit = (id: string, tier: number, n: number) => ({ school_unit_id: id, school_unit_name: id, tier, n });

test('overview: the tier total is known, so a lone small unit gets a complement; other tiers are separate lines', () => {
  const rows: OverviewRows = {
    asOf: '2024-10-01',
    tiers: [unit('a', 1, 12), unit('b', 1, 30), unit('a', 3, 2), unit('b', 3, 9), unit('c', 3, 14)],
    indicators: [
      { indicator: 'attendance', n: 3 },
      { indicator: 'failed-grades', n: 7 },
    ],
    years: [
      { school_type: 'GR', school_year: 8, tier: 1, n: 42 },
      { school_type: 'GR', school_year: 8, tier: 3, n: 11 },
      { school_type: 'GY', school_year: 1, tier: 3, n: 14 },
    ],
    programmes: [{ programme_code: 'NA', tier: 3, n: 14 }],
  };
  const why = protectOverview(rows);
  assert.deepEqual(why.tiers, [null, null, 'small', 'complementary', null], 'tier 3: the 2 and the next smallest, 9');
  assert.deepEqual(why.indicators, ['small', null], 'indicators overlap: primary suppression only');
  assert.deepEqual(why.years, [null, null, null]);
  assert.deepEqual(why.programmes, [null]);
});

test('overview: a small programme is protected through the upper-secondary total the years give away', () => {
  const rows: OverviewRows = {
    asOf: '2024-10-01',
    tiers: [unit('a', 2, 20)],
    indicators: [],
    // GY tier 2: years 8 + 12 = 20, shown in full, so the programmes' total (20) is known: 3 + 6 + 11.
    years: [
      { school_type: 'GY', school_year: 1, tier: 2, n: 8 },
      { school_type: 'GY', school_year: 2, tier: 2, n: 12 },
    ],
    programmes: [
      { programme_code: 'EK', tier: 2, n: 3 },
      { programme_code: 'NA', tier: 2, n: 6 },
      { programme_code: 'SA', tier: 2, n: 11 },
    ],
  };
  assert.deepEqual(protectOverview(rows).programmes, ['small', 'complementary', null]);
});

test("overview: a small school type is not given away by the other type's years (GR = tier total − GY)", () => {
  const rows: OverviewRows = {
    asOf: '2024-10-01',
    tiers: [unit('a', 3, 9), unit('b', 3, 7)],
    indicators: [],
    // 16 in tier 3: GY 13 shown in full would leave GR's 3 (year 9: 2, year 8: 1, both small) by subtraction.
    years: [
      { school_type: 'GR', school_year: 8, tier: 3, n: 1 },
      { school_type: 'GR', school_year: 9, tier: 3, n: 2 },
      { school_type: 'GY', school_year: 1, tier: 3, n: 13 },
    ],
    programmes: [{ programme_code: 'NA', tier: 3, n: 13 }],
  };
  const why = protectOverview(rows);
  assert.deepEqual(why.years, ['small', 'small', 'complementary']);
  assert.deepEqual(why.programmes, ['complementary'], 'the programmes add up to the same GY total');
});
