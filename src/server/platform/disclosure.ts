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
 * the smallest in the lines nearest to it, preferring one that stops the leak. Zeros are never chosen (a hidden 0 beside a hidden small count still lets the reader
 * subtract), and ties go to the earlier cell, so the result is deterministic.
 *
 * Hidden cells are never shown but are bound by lines (a total no page shows, or the "without" part of a count whose
 * "with" part and total are shown). Fixed cells are shown elsewhere and are never chosen as complements.
 *
 * Not modelled: the bounds a reader gets from knowing that a 'small' cell is 1–4 and a 'complementary' one is 0 or at
 * least 5 (with one small and one complementary cell summing to 6, both follow); the lines keep each such pair ≥ 6.
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
export interface Line { parts: readonly number[]; total: number }

export const isSmall = (n: number): boolean => n > 0 && n < SMALL_COUNT;

/** Each cell's suppression (null: shown). */
export function protectTable(cells: readonly CellInput[], lines: readonly Line[]): (Suppression | null)[] {
  const status: (Suppression | null)[] = cells.map((c) => (!c.hidden && isSmall(c.value) ? 'small' : null));
  const unknown = (s: readonly (Suppression | null)[]) => cells.map((c, i) => c.hidden === true || s[i] !== null);
  const sensitive = (i: number) => status[i] !== null || (cells[i]!.hidden === true && isSmall(cells[i]!.value));
  // Each round suppresses one more cell, so there are at most as many rounds as cells.
  for (let round = 0; round <= cells.length; round++) {
    // First the plain subtraction along one line at a time: the complement goes into the line that gives the cell away.
    const via = subtractions(lines, unknown(status));
    const byLine = [...via.keys()].filter(sensitive).map((i) => complementAlong(cells, lines, status, via, via.get(i)!)).find((c) => c !== undefined);
    if (byLine !== undefined) { status[byLine] = 'complementary'; continue; }
    // Then what several lines give away together.
    const exposed = determined(lines, unknown(status)).filter(sensitive);
    if (exposed.length === 0) return status;
    const target = exposed[0]!;
    const candidates = nearestCandidates(cells, lines, status, target);
    if (candidates.length === 0) return status; // nothing shown is left to hide beside it
    const stops = candidates.find((c) => !determined(lines, unknown(status.map((s, i) => (i === c ? 'complementary' : s)))).includes(target));
    status[stops ?? candidates[0]!] = 'complementary';
  }
  return status;
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

/** The smallest shown count of at least five in line `start`, else in the lines that gave away its derived members. */
function complementAlong(
  cells: readonly CellInput[], lines: readonly Line[], status: readonly (Suppression | null)[], via: Map<number, number>, start: number,
): number | undefined {
  const seen = new Set<number>();
  const queue = [start];
  while (queue.length > 0) {
    const l = queue.shift()!;
    if (seen.has(l)) continue;
    seen.add(l);
    const members = [...lines[l]!.parts, lines[l]!.total];
    const candidates = members.filter((i) => eligible(cells[i]!, status[i]!));
    if (candidates.length > 0) return candidates.reduce((best, i) => (cells[i]!.value < cells[best]!.value || (cells[i]!.value === cells[best]!.value && i < best) ? i : best));
    for (const i of members) if (via.has(i)) queue.push(via.get(i)!);
  }
  return undefined;
}

const eligible = (cell: CellInput, status: Suppression | null) => status === null && !cell.hidden && !cell.fixed && cell.value >= SMALL_COUNT;

/** The unknown cells that the lines determine: reduced row echelon form over the unknown columns. */
export function determined(lines: readonly Line[], unknown: readonly boolean[]): number[] {
  const columns = unknown.flatMap((u, i) => (u ? [i] : []));
  const at = new Map(columns.map((c, k) => [c, k]));
  const rows = lines.map((l) => {
    const r = new Array<number>(columns.length).fill(0);
    for (const p of l.parts) if (at.has(p)) r[at.get(p)!]! += 1;
    if (at.has(l.total)) r[at.get(l.total)!]! -= 1;
    return r;
  }).filter((r) => r.some((x) => x !== 0));
  const zero = (x: number) => Math.abs(x) < 1e-9;
  let rank = 0;
  const pivots: number[] = [];
  for (let c = 0; c < columns.length && rank < rows.length; c++) {
    const p = rows.findIndex((r, i) => i >= rank && !zero(r[c]!));
    if (p < 0) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    const scale = pivot[c]!;
    for (let k = 0; k < pivot.length; k++) pivot[k]! /= scale;
    for (let i = 0; i < rows.length; i++) {
      if (i === rank || zero(rows[i]![c]!)) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, k) => x - f * pivot[k]!);
    }
    pivots.push(c);
    rank++;
  }
  return pivots.filter((c, i) => rows[i]!.every((x, k) => k === c || zero(x))).map((c) => columns[c]!);
}

/** Shown cells of at least five, non-fixed, in the lines through `target`, then the lines one step further, …; smallest first. */
function nearestCandidates(cells: readonly CellInput[], lines: readonly Line[], status: readonly (Suppression | null)[], target: number): number[] {
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
