/**
 * Loader for Cortez & Silva's student-performance data (assets/uci-student-performance, CC BY 4.0): `;`-separated,
 * values optionally in double quotes. Every field is checked against the attribute description (student.txt); a bad
 * row is refused with its line number and field name.
 */
import { readFileSync } from 'node:fs';
import type { FeatureRow, FeatureSpec } from '../model/encoding.ts';

/** The two subjects: Mathematics and Portuguese. */
export type UciSubject = 'mat' | 'por';

type Field = { name: string; kind: 'numeric'; min: number; max: number } | { name: string; kind: 'binary' | 'nominal'; levels: string[] };

const num = (name: string, min: number, max: number): Field => ({ name, kind: 'numeric', min, max });
const bin = (name: string, ...levels: string[]): Field => ({ name, kind: 'binary', levels });
const nom = (name: string, ...levels: string[]): Field => ({ name, kind: 'nominal', levels });
const JOBS = ['teacher', 'health', 'services', 'at_home', 'other'];

/** The 33 columns in file order, with their allowed values (student.txt). */
export const UCI_FIELDS: readonly Field[] = [
  bin('school', 'GP', 'MS'),
  bin('sex', 'F', 'M'),
  num('age', 15, 22),
  bin('address', 'U', 'R'),
  bin('famsize', 'LE3', 'GT3'),
  bin('Pstatus', 'T', 'A'),
  num('Medu', 0, 4),
  num('Fedu', 0, 4),
  nom('Mjob', ...JOBS),
  nom('Fjob', ...JOBS),
  nom('reason', 'home', 'reputation', 'course', 'other'),
  nom('guardian', 'mother', 'father', 'other'),
  num('traveltime', 1, 4),
  num('studytime', 1, 4),
  num('failures', 0, 4),
  ...['schoolsup', 'famsup', 'paid', 'activities', 'nursery', 'higher', 'internet', 'romantic'].map((n) => bin(n, 'yes', 'no')),
  ...['famrel', 'freetime', 'goout', 'Dalc', 'Walc', 'health'].map((n) => num(n, 1, 5)),
  num('absences', 0, 93),
  num('G1', 0, 20),
  num('G2', 0, 20),
  num('G3', 0, 20),
];

/** A parse failure naming the file, line (1-based, header = line 1) and field. */
export class UciParseError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly field: string,
    detail: string,
  ) {
    super(`${source} rad ${line}, fält ${field}: ${detail}`);
    this.name = 'UciParseError';
  }
}

const unquote = (v: string) => v.trim().replace(/^"(.*)"$/, '$1');

/** Parses one subject's CSV text into typed rows; throws UciParseError on the first bad row. */
export function parseUciCsv(text: string, source = 'csv'): FeatureRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(';').map(unquote);
  UCI_FIELDS.forEach((f, i) => {
    if (header[i] !== f.name) throw new UciParseError(source, 1, f.name, `kolumn ${i + 1} heter "${header[i] ?? ''}" (unexpected header)`);
  });
  return lines.slice(1).map((line, index) => {
    const lineNumber = index + 2;
    const values = line.split(';').map(unquote);
    if (values.length !== UCI_FIELDS.length) {
      throw new UciParseError(source, lineNumber, '*', `${values.length} fält, väntade ${UCI_FIELDS.length} (wrong field count)`);
    }
    const row: Record<string, string | number> = {};
    UCI_FIELDS.forEach((f, i) => {
      const raw = values[i] as string;
      if (f.kind === 'numeric') {
        const x = Number(raw);
        if (raw === '' || !Number.isInteger(x) || x < f.min || x > f.max) {
          throw new UciParseError(source, lineNumber, f.name, `"${raw}" är inte ett heltal ${f.min}–${f.max} (not an integer in range)`);
        }
        row[f.name] = x;
      } else {
        if (!f.levels.includes(raw)) throw new UciParseError(source, lineNumber, f.name, `"${raw}" är inte ett av ${f.levels.join(', ')}`);
        row[f.name] = raw;
      }
    });
    return row;
  });
}

/** Reads one subject's shipped file from assets/uci-student-performance. */
export function loadUciSubject(subject: UciSubject): FeatureRow[] {
  const url = new URL(`../../../../../assets/uci-student-performance/student-${subject}.csv`, import.meta.url);
  return parseUciCsv(readFileSync(url, 'utf8'), `student-${subject}.csv`);
}

/** The paper's setups: A = all inputs incl. G1 and G2, B = without G2, C = without G1 and G2. */
export type UciSetup = 'A' | 'B' | 'C';

/** The input features of a setup (every attribute but G3, minus the grades the setup leaves out). */
export function uciFeatureSpecs(setup: UciSetup): FeatureSpec[] {
  const excluded = new Set(['G3', ...(setup === 'A' ? [] : setup === 'B' ? ['G2'] : ['G1', 'G2'])]);
  return UCI_FIELDS.filter((f) => !excluded.has(f.name)).map((f): FeatureSpec =>
    f.kind === 'numeric'
      ? { name: f.name, kind: 'numeric' }
      : f.kind === 'binary'
        ? { name: f.name, kind: 'binary', positive: f.levels[0] as string }
        : { name: f.name, kind: 'nominal' },
  );
}

/** The binary target: 1 = pass (G3 ≥ 10). */
export function uciPassed(row: FeatureRow): number {
  return Number(row.G3) >= 10 ? 1 : 0;
}
