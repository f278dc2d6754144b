/**
 * Statistical disclosure control for counts shown without names. Primary suppression: a count from 1 to 4 is not
 * shown ('small'). Complementary (secondary) suppression: a reader who knows a line's total — shown, or derivable from
 * other shown figures — can subtract the shown parts from it, so more cells are hidden until no suppressed count can be
 * worked out from the shown ones ('complementary').
 *
 * A table is a list of cells and a list of lines, each line saying "these parts add up to that total". The reader's
 * knowledge is modelled as linear algebra: the shown cells are known, and an unknown cell is given away when the
 * lines determine it (its unit vector lies in the row space of the lines over the unknown cells) — subtraction along
 * one line, but also along several lines at once. While a suppressed cell, or a hidden cell from 1 to 4, is given
 * away, one more cell is suppressed: for a plain subtraction, the smallest shown count of at least five in the line
 * that gives it away (or, when that line has none, in the lines that gave away its other unknown members); otherwise
 * the smallest in the lines nearest to it, preferring one that stops the leak. Zeros are never chosen (a hidden 0
 * beside a hidden small count still lets the reader subtract), and ties go to the earlier cell, so the result is
 * deterministic.
 *
 * Hidden cells are never shown but are bound by lines (a total no page shows, or the "without" part of a count whose
 * "with" part and total are shown). Fixed cells are shown elsewhere and are never chosen as complements.
 *
 * The labels give bounds too: a 'small' cell is 1–4 and a 'complementary' one at least 5 (zeros are never chosen), so
 * a small 1 hidden beside a 5 in a line with a known total is pinned (1 + 5 = 6 has one solution): such a line is
 * checked value by value and gets a further complement. Not modelled: bounds combined across several lines (a full
 * linear program); the complements are chosen for exact recovery and single-line bounds, the usual standard.
 */

/** Counts from 1 to SMALL_COUNT − 1 are never shown. */
export const SMALL_COUNT = 5;
/** Why a count is not shown: fewer than five, or to protect a small count beside it. */
export type Suppression = 'small' | 'complementary';

export interface CellInput {
  value: number;
  /** Never shown on its own (e.g. a total no page shows); still bound by its lines. */
  hidden?: boolean;
  /** Shown elsewhere: never chosen as a complement. */
  fixed?: boolean;
}
/** These parts add up to that total (cell indices). */
export interface Line {
  parts: readonly number[];
  total: number;
}

export const isSmall = (n: number): boolean => n > 0 && n < SMALL_COUNT;

/** Each cell's suppression (null: shown). */
export function protectTable(cells: readonly CellInput[], lines: readonly Line[]): (Suppression | null)[] {
  const status: (Suppression | null)[] = cells.map((c) => (!c.hidden && isSmall(c.value) ? 'small' : null));
  // Each round suppresses one more cell, so there are at most as many rounds as cells.
  for (let round = 0; round <= cells.length; round++) {
    const via = subtractions(lines, unknownCells(cells, status));
    const options = exposures(cells, lines, status).map((leak) => ({
      leak,
      candidates:
        leak.line === undefined
          ? nearestCandidates(cells, lines, status, leak.cell)
          : candidatesAlong(cells, lines, status, via, leak.line),
    }));
    // A leak with nothing shown left to hide beside it cannot be helped here; the others still can.
    const { leak, candidates } = options.find((o) => o.candidates.length > 0) ?? { leak: undefined, candidates: [] };
    if (!leak) return status;
    // The smallest that stops this leak, else the smallest (the next round goes on from there).
    const stops = candidates.find(
      (c) =>
        !exposures(
          cells,
          lines,
          status.map((x, i) => (i === c ? 'complementary' : x)),
        ).some((e) => e.cell === leak.cell),
    );
    status[stops ?? candidates[0]!] = 'complementary';
  }
  return status;
}

const unknownCells = (cells: readonly CellInput[], status: readonly (Suppression | null)[]) =>
  cells.map((c, i) => c.hidden === true || status[i] !== null);

/**
 * The suppressed cells (and hidden ones from 1 to 4) a reader can work out, each with the line to hide more in when
 * there is one: by subtraction along a line, by several lines together, or because a line leaves a single value
 * within the bounds the labels give ('small': 1–4; 'complementary': at least 5, as zeros are never chosen).
 */
function exposures(
  cells: readonly CellInput[],
  lines: readonly Line[],
  status: readonly (Suppression | null)[],
): { cell: number; line?: number }[] {
  const sensitive = (i: number) => status[i] !== null || (cells[i]!.hidden === true && isSmall(cells[i]!.value));
  const unknown = unknownCells(cells, status);
  const via = subtractions(lines, unknown);
  const bySubtraction = [...via.keys()].filter(sensitive).map((cell) => ({ cell, line: via.get(cell)! }));
  if (bySubtraction.length > 0) return bySubtraction;
  const solved = determined(lines, unknown);
  if (solved.some(sensitive)) return solved.filter(sensitive).map((cell) => ({ cell }));
  const known = unknown.map((u, i) => !u || solved.includes(i));
  const bounds = (i: number): [number, number] =>
    status[i] === 'small' ? [1, SMALL_COUNT - 1] : status[i] === 'complementary' ? [SMALL_COUNT, Infinity] : [0, Infinity];
  const out: { cell: number; line: number }[] = [];
  lines.forEach((line, l) => {
    const members = [...line.parts.map((i) => ({ i, sign: 1 })), { i: line.total, sign: -1 }];
    const open = members.filter((m) => !known[m.i]);
    if (open.length < 2) return;
    // Σ sign·x over the open members equals c.
    const c = -members.filter((m) => known[m.i]).reduce((sum, m) => sum + m.sign * cells[m.i]!.value, 0);
    const range = (m: { i: number; sign: number }): [number, number] => {
      const [lo, hi] = bounds(m.i);
      return m.sign > 0 ? [lo, hi] : [-hi, -lo];
    };
    for (const m of open) {
      if (!sensitive(m.i)) continue;
      const others = open.filter((o) => o !== m).map(range);
      const restMin = others.reduce((sum, r) => sum + r[0], 0);
      const restMax = others.reduce((sum, r) => sum + r[1], 0);
      const [lo, hi] = bounds(m.i);
      const from = Math.max(lo, m.sign > 0 ? c - restMax : restMin - c);
      const to = Math.min(hi, m.sign > 0 ? c - restMin : restMax - c);
      if (from === to) out.push({ cell: m.i, line: l });
    }
  });
  return out;
}

/** The cells a reader works out by subtracting along one line at a time, each with the line that gives it away. */
function subtractions(lines: readonly Line[], unknown: readonly boolean[]): Map<number, number> {
  const known = unknown.map((u) => !u);
  const via = new Map<number, number>();
  for (let changed = true; changed;) {
    changed = false;
    lines.forEach((line, l) => {
      const open = [...line.parts, line.total].filter((i) => !known[i]);
      if (open.length !== 1) return;
      known[open[0]!] = true;
      via.set(open[0]!, l);
      changed = true;
    });
  }
  return via;
}

/** Shown counts of at least five in line `start`, smallest first, then in the lines that gave away its derived members. */
function candidatesAlong(
  cells: readonly CellInput[],
  lines: readonly Line[],
  status: readonly (Suppression | null)[],
  via: Map<number, number>,
  start: number,
): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const l = queue.shift()!;
    if (seen.has(l)) continue;
    seen.add(l);
    const members = [...lines[l]!.parts, lines[l]!.total];
    out.push(
      ...members
        .filter((i) => eligible(cells[i]!, status[i]!) && !out.includes(i))
        .sort((a, b) => cells[a]!.value - cells[b]!.value || a - b),
    );
    for (const i of members) if (via.has(i)) queue.push(via.get(i)!);
  }
  return out;
}

const eligible = (cell: CellInput, status: Suppression | null) =>
  status === null && !cell.hidden && !cell.fixed && cell.value >= SMALL_COUNT;

/**
 * The unknown cells that the lines determine: reduced row echelon form over the unknown columns. The rows are typed
 * arrays changed in place — the same arithmetic, operation for operation, as new arrays each step, without their
 * allocations (a completion cohort's breakdown is hundreds of cells, and this runs for every candidate complement).
 */
export function determined(lines: readonly Line[], unknown: readonly boolean[]): number[] {
  const columns = unknown.flatMap((u, i) => (u ? [i] : []));
  const at = new Int32Array(unknown.length).fill(-1);
  columns.forEach((c, k) => (at[c] = k));
  const width = columns.length;
  const rows: Float64Array[] = [];
  for (const l of lines) {
    const r = new Float64Array(width);
    let any = false;
    for (const p of l.parts)
      if (at[p]! >= 0) {
        r[at[p]!]! += 1;
        any = true;
      }
    if (at[l.total]! >= 0) {
      r[at[l.total]!]! -= 1;
      any = true;
    }
    if (any && r.some((x) => x !== 0)) rows.push(r);
  }
  const zero = (x: number) => Math.abs(x) < 1e-9;
  let rank = 0;
  const pivots: number[] = [];
  for (let c = 0; c < width && rank < rows.length; c++) {
    let p = rank;
    while (p < rows.length && zero(rows[p]![c]!)) p++;
    if (p === rows.length) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    const scale = pivot[c]!;
    for (let k = 0; k < width; k++) pivot[k]! /= scale;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (i === rank || zero(row[c]!)) continue;
      const f = row[c]!;
      for (let k = 0; k < width; k++) row[k] = row[k]! - f * pivot[k]!;
    }
    pivots.push(c);
    rank++;
  }
  const alone = (row: Float64Array, c: number) => {
    for (let k = 0; k < width; k++) if (k !== c && !zero(row[k]!)) return false;
    return true;
  };
  return pivots.filter((c, i) => alone(rows[i]!, c)).map((c) => columns[c]!);
}

/** Shown cells of at least five, non-fixed, in the lines through `target`, then the lines one step further, …; smallest first. */
function nearestCandidates(
  cells: readonly CellInput[],
  lines: readonly Line[],
  status: readonly (Suppression | null)[],
  target: number,
): number[] {
  const members = (l: Line) => [...l.parts, l.total];
  const seenCells = new Set([target]);
  const seenLines = new Set<number>();
  let frontier = [target];
  while (frontier.length > 0) {
    const near = lines.map((l, k) => ({ l, k })).filter(({ l, k }) => !seenLines.has(k) && frontier.some((c) => members(l).includes(c)));
    near.forEach(({ k }) => seenLines.add(k));
    const cellsNear = [...new Set(near.flatMap(({ l }) => members(l)))].filter((c) => !seenCells.has(c)).sort((a, b) => a - b);
    const candidates = cellsNear.filter((i) => eligible(cells[i]!, status[i]!));
    if (candidates.length > 0) return candidates.sort((a, b) => cells[a]!.value - cells[b]!.value || a - b);
    cellsNear.forEach((c) => seenCells.add(c));
    frontier = cellsNear;
  }
  return [];
}

/** A shown count, or null with the reason. */
export const shown = (value: number, why: Suppression | null): number | null => (why === null ? value : null);
