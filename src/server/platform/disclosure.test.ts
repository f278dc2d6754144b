import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSmall, protectTable, shown, type CellInput, type Suppression } from './disclosure.ts';

/** A line as the reader sees it: these parts add up to that total. */
type Line = { parts: number[]; total: number };

/**
 * The attacker, written independently of the module: Gaussian elimination on the relations (parts − total = 0) with
 * the shown cells moved to the right-hand side. A cell is recovered when its unit vector lies in the row space.
 */
function recoverable(cells: CellInput[], lines: Line[], status: (Suppression | null)[]): number[] {
  const unknown = cells.map((c, i) => (c.hidden || status[i] !== null ? i : -1)).filter((i) => i >= 0);
  const rows = lines.map((l) => unknown.map((u) => (l.parts.includes(u) ? 1 : 0) - (l.total === u ? 1 : 0)));
  const basis: number[][] = [];
  for (const row of rows) {
    const r = [...row];
    for (const b of basis) {
      const pivot = b.findIndex((x) => Math.abs(x) > 1e-9);
      if (Math.abs(r[pivot]!) > 1e-9) {
        const f = r[pivot]! / b[pivot]!;
        r.forEach((_, k) => {
          r[k]! -= f * b[k]!;
        });
      }
    }
    if (r.some((x) => Math.abs(x) > 1e-9)) basis.push(r);
  }
  const rank = (m: number[][]) => {
    const a = m.map((r) => [...r]);
    let rk = 0;
    for (let c = 0; c < unknown.length && rk < a.length; c++) {
      const p = a.findIndex((r, i) => i >= rk && Math.abs(r[c]!) > 1e-9);
      if (p < 0) continue;
      [a[rk], a[p]] = [a[p]!, a[rk]!];
      for (let i = 0; i < a.length; i++)
        if (i !== rk) {
          const f = a[i]![c]! / a[rk]![c]!;
          a[i] = a[i]!.map((x, k) => x - f * a[rk]![k]!);
        }
      rk++;
    }
    return rk;
  };
  const base = rank(basis);
  return unknown
    .filter((u, k) => rank([...basis, unknown.map((_, j) => (j === k ? 1 : 0))]) === base)
    .filter((u) => status[u] !== null || isSmall(cells[u]!.value));
}

const run = (values: (number | CellInput)[], lines: Line[]) => {
  const cells = values.map((v) => (typeof v === 'number' ? { value: v } : v));
  const status = protectTable(cells, lines);
  return { status, leaked: recoverable(cells, lines, status) };
};

// One line: units 0..n−1 and their total at the end.
const row = (...units: number[]): { values: number[]; lines: Line[] } => ({
  values: [...units, units.reduce((s, n) => s + n, 0)],
  lines: [{ parts: units.map((_, i) => i), total: units.length }],
});

const cases: { name: string; values: number[]; lines: Line[]; expect: (Suppression | null)[] }[] = [
  { name: 'nothing small: nothing hidden', ...row(6, 7, 8), expect: [null, null, null, null] },
  { name: 'one small cell: the next smallest is hidden too', ...row(3, 9, 8), expect: ['small', null, 'complementary', null] },
  { name: 'two small cells protect each other', ...row(3, 2, 8), expect: ['small', 'small', null, null] },
  { name: 'a zero is never the complement', ...row(3, 0, 12, 6), expect: ['small', null, null, 'complementary', null] },
  { name: 'ties go to the earlier cell', ...row(2, 7, 7), expect: ['small', 'complementary', null, null] },
  { name: 'all small: the total is small too', ...row(1, 2, 1), expect: ['small', 'small', 'small', 'small'] },
  { name: 'the total itself small beside one cell', ...row(3, 0), expect: ['small', null, 'small'] },
  { name: 'one other cell: it is the complement', ...row(4, 5), expect: ['small', 'complementary', null] },
  { name: 'all zero', ...row(0, 0, 0), expect: [null, null, null, null] },
];

for (const c of cases) {
  test(`disclosure: ${c.name}`, () => {
    const { status, leaked } = run(c.values, c.lines);
    assert.deepEqual(status, c.expect);
    assert.deepEqual(leaked, [], 'no suppressed or small hidden cell can be worked out');
  });
}

test('disclosure: the subtraction attack works without complements and not with them', () => {
  const { values, lines } = row(3, 9, 8); // total 20, other units 17
  const primaryOnly = values.map((v) => (isSmall(v) ? ('small' as const) : null));
  assert.deepEqual(
    recoverable(
      values.map((value) => ({ value })),
      lines,
      primaryOnly,
    ),
    [0],
  );
  assert.equal(values[3]! - values[1]! - values[2]!, 3);
  assert.deepEqual(run(values, lines).leaked, []);
});

test('disclosure: a complement that opens another line is protected there too (two-way table)', () => {
  // Units × {with, without} with unit totals and column totals: cells 0..5 (a with, a without, b with, b without, c …),
  // unit totals 6..8, column totals 9, 10, grand total 11.
  const values = [3, 7, 8, 9, 6, 10, 10, 17, 16, 17, 26, 43];
  const lines: Line[] = [
    { parts: [0, 1], total: 6 },
    { parts: [2, 3], total: 7 },
    { parts: [4, 5], total: 8 },
    { parts: [0, 2, 4], total: 9 },
    { parts: [1, 3, 5], total: 10 },
    { parts: [9, 10], total: 11 },
  ];
  const { status, leaked } = run(values, lines);
  assert.deepEqual(leaked, []);
  assert.equal(status[0], 'small');
  assert.equal(status.filter((s) => s !== null).length, 4, 'a rectangle: two cells in each of two rows and two columns');
});

test('disclosure: a hidden small count (a derived "without" part) is protected like a shown one', () => {
  // with 7 shown, without 2 never shown, total 9 shown: the reader would subtract.
  const cells: CellInput[] = [{ value: 7 }, { value: 2, hidden: true }, { value: 9 }];
  const status = protectTable(cells, [{ parts: [0, 1], total: 2 }]);
  assert.deepEqual(status, ['complementary', null, null]);
  assert.deepEqual(recoverable(cells, [{ parts: [0, 1], total: 2 }], status), []);
});

test('disclosure: a total shown elsewhere is fixed, and a hidden total derived from another breakdown is followed', () => {
  // Tier total 20 (shown on another page: fixed). Units 3, 9, 8; years 12, 8 — the years give the total anyway.
  const cells: CellInput[] = [{ value: 3 }, { value: 9 }, { value: 8 }, { value: 12 }, { value: 8 }, { value: 20, fixed: true }];
  const status = protectTable(cells, [
    { parts: [0, 1, 2], total: 5 },
    { parts: [3, 4], total: 5 },
  ]);
  assert.deepEqual(status, ['small', null, 'complementary', null, null, null]);
  // Without the shown total, years alone reveal it: a hidden total is followed through the years line.
  const hiddenTotal = protectTable(
    cells.map((c, i) => (i === 5 ? { value: 20, hidden: true } : c)),
    [
      { parts: [0, 1, 2], total: 5 },
      { parts: [3, 4], total: 5 },
    ],
  );
  assert.deepEqual(hiddenTotal, ['small', null, 'complementary', null, null, null]);
  const nowhere = protectTable(
    [{ value: 3 }, { value: 9 }, { value: 20, hidden: true }, { value: 4 }, { value: 8 }],
    [
      { parts: [0, 1], total: 2 },
      { parts: [3, 4], total: 2 },
    ],
  );
  assert.deepEqual(
    nowhere,
    ['small', null, null, 'small', null],
    'two small cells, one per breakdown, with the total unknown: nothing to subtract',
  );
});

test('disclosure: shown() gives the value only when not suppressed', () => {
  assert.equal(shown(7, null), 7);
  assert.equal(shown(7, 'complementary'), null);
  assert.equal(shown(3, 'small'), null);
});

test('disclosure: random two-way tables (units × categories, all margins shown) never give a suppressed cell away', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let n = 0; n < 300; n++) {
    const rows = 2 + Math.floor(random() * 4);
    const cols = 2 + Math.floor(random() * 3);
    const inner = Array.from({ length: rows * cols }, () => [0, 1, 2, 3, 4, 5, 6, 8, 12, 20][Math.floor(random() * 10)]!);
    const rowTotals = Array.from({ length: rows }, (_, r) => inner.slice(r * cols, r * cols + cols).reduce((s, v) => s + v, 0));
    const colTotals = Array.from({ length: cols }, (_, c) => rowTotals.reduce((s, _, r) => s + inner[r * cols + c]!, 0));
    const values = [...inner, ...rowTotals, ...colTotals, rowTotals.reduce((s, v) => s + v, 0)];
    const rt = (r: number) => rows * cols + r;
    const ct = (c: number) => rows * cols + rows + c;
    const lines: Line[] = [
      ...Array.from({ length: rows }, (_, r) => ({ parts: Array.from({ length: cols }, (_, c) => r * cols + c), total: rt(r) })),
      ...Array.from({ length: cols }, (_, c) => ({ parts: Array.from({ length: rows }, (_, r) => r * cols + c), total: ct(c) })),
      { parts: Array.from({ length: rows }, (_, r) => rt(r)), total: values.length - 1 },
    ];
    assert.deepEqual(run(values, lines).leaked, [], `table ${n}: ${JSON.stringify(values)}`);
  }
});

test("disclosure: the labels' bounds cannot pin a value (a small 1 beside a complementary 5 sums to 6, which only 1 + 5 makes)", () => {
  // Units 1, 5, 20, total 26: hiding 1 and 5 would leave 1 + 5 = 6 with small ∈ 1–4 and complementary ≥ 5: pinned.
  assert.deepEqual(
    run(...(Object.values(row(1, 5, 20)) as [number[], Line[]])).status,
    ['small', null, 'complementary', null],
    'the 20 leaves 1–4 open',
  );
  // Units 2, 5, 9: 2 + 5 = 7 leaves 1–2, not one value: the 5 suffices.
  assert.deepEqual(run(...(Object.values(row(2, 5, 9)) as [number[], Line[]])).status, ['small', 'complementary', null, null]);
});
