/**
 * From a parsed CSV table to the model's input: the target column and its positive value give the 0/1 labels, the
 * remaining columns (less those excluded) become inputs — numeric when the column's values are numbers (a decimal
 * comma is read when the separator is not a comma), nominal otherwise or when named in `nominal`. Bad input is refused
 * with the row and the column named (as the file's header names it), never the value.
 */
import type { FeatureRow, FeatureSpec } from '../model/encoding.ts';
import { CsvInputError, type CsvTable } from './csv.ts';

/** How the user described the file. */
export interface DatasetOptions {
  target: string;
  positive: string;
  nominal?: string[];
  exclude?: string[];
}

/** Rows, labels and input specs ready for the protocol, and which columns were read how. */
export interface Dataset {
  rows: FeatureRow[];
  labels: number[];
  specs: FeatureSpec[];
  numeric: string[];
  nominal: string[];
}

/** The value of an empty cell in a nominal column: a level of its own. */
export const MISSING_LEVEL = '(saknas)';

/** A number as written in the file, or NaN: an optional sign, digits, one decimal point (or comma when allowed). */
export function parseNumber(value: string, decimalComma: boolean): number {
  const text = decimalComma ? value.replace(',', '.') : value;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
}

function checkColumns(table: CsvTable, names: readonly string[], option: string): void {
  for (const name of names) {
    if (!table.header.includes(name)) {
      throw new CsvInputError(`${option}: kolumnen ${name} finns inte i filen`, `${option}: the file has no column ${name}`, 1, name);
    }
  }
}

/**
 * The test for the positive outcome: the value itself, or a comparison with a number (`>=10`, `>10`, `<=3`, `<3`),
 * e.g. a final grade of at least 10 as in Cortez & Silva.
 */
export function positiveTest(positive: string, decimalComma: boolean): (value: string) => boolean {
  const match = /^(>=|<=|>|<)\s*(.+)$/.exec(positive.trim());
  if (!match) return (value) => value === positive;
  const bound = parseNumber(match[2] as string, decimalComma);
  if (!Number.isFinite(bound)) {
    throw new CsvInputError('--positive: efter jämförelsen måste ett tal stå', '--positive: a number must follow the comparison');
  }
  const op = match[1] as '>=' | '<=' | '>' | '<';
  return (value) => {
    const x = parseNumber(value, decimalComma);
    if (!Number.isFinite(x)) return false;
    return op === '>=' ? x >= bound : op === '<=' ? x <= bound : op === '>' ? x > bound : x < bound;
  };
}

/** Builds the data set; throws CsvInputError naming row and column. */
export function buildDataset(table: CsvTable, options: DatasetOptions): Dataset {
  checkColumns(table, [options.target], '--target');
  checkColumns(table, options.nominal ?? [], '--nominal');
  checkColumns(table, options.exclude ?? [], '--exclude');
  const targetIndex = table.header.indexOf(options.target);
  const isPositive = positiveTest(options.positive, table.separator !== ',');
  const labels = table.rows.map((r, i): number => {
    const value = r[targetIndex] as string;
    if (value === '')
      throw new CsvInputError(
        `Rad ${i + 2}, kolumn ${options.target}: utfallet saknas`,
        `row ${i + 2}, column ${options.target}: the target is empty`,
        i + 2,
        options.target,
      );
    return isPositive(value) ? 1 : 0;
  });
  const positives = labels.reduce((s, y) => s + y, 0);
  if (positives === 0) {
    throw new CsvInputError(
      `--positive: inget värde i kolumnen ${options.target} är lika med det angivna`,
      `--positive: no value in column ${options.target} equals the one given`,
      0,
      options.target,
    );
  }
  if (positives === labels.length) {
    throw new CsvInputError(
      `Kolumnen ${options.target} har bara det positiva utfallet; båda utfallen behövs`,
      `column ${options.target} holds only the positive outcome; both outcomes are needed`,
      0,
      options.target,
    );
  }
  const decimalComma = table.separator !== ',';
  const forcedNominal = new Set(options.nominal ?? []);
  const skipped = new Set([options.target, ...(options.exclude ?? [])]);
  const specs: FeatureSpec[] = [];
  const numeric: string[] = [];
  const nominal: string[] = [];
  const columns: { name: string; index: number; kind: 'numeric' | 'nominal' }[] = [];
  table.header.forEach((name, index) => {
    if (skipped.has(name)) return;
    const values = table.rows.map((r) => r[index] as string);
    const filled = values.filter((v) => v !== '');
    const numbers = filled.filter((v) => Number.isFinite(parseNumber(v, decimalComma))).length;
    // A column is numeric when most of its values are numbers; then every value must be one.
    const kind = !forcedNominal.has(name) && filled.length > 0 && numbers * 2 > filled.length ? 'numeric' : 'nominal';
    if (kind === 'nominal') {
      const distinct = new Set(values).size;
      if (distinct > 20 && distinct * 2 > values.length) {
        throw new CsvInputError(
          `Kolumnen ${name} har ${distinct} olika värden på ${values.length} rader, som ett id; uteslut den med --exclude ${name}`,
          `column ${name} has ${distinct} distinct values in ${values.length} rows, like an id; leave it out with --exclude ${name}`,
          0,
          name,
        );
      }
    }
    columns.push({ name, index, kind });
    (kind === 'numeric' ? numeric : nominal).push(name);
    specs.push({ name, kind });
  });
  if (specs.length === 0) throw new CsvInputError('Inga indatakolumner kvar', 'no input columns left', 1);
  const rows = table.rows.map((r, i) => {
    const row: Record<string, string | number> = {};
    for (const c of columns) {
      const value = r[c.index] as string;
      if (c.kind === 'nominal') {
        row[c.name] = value === '' ? MISSING_LEVEL : value;
        continue;
      }
      const x = parseNumber(value, decimalComma);
      if (value === '') {
        throw new CsvInputError(
          `Rad ${i + 2}, kolumn ${c.name}: värde saknas i en talkolumn; uteslut kolumnen (--exclude) eller ange den som kategori (--nominal)`,
          `row ${i + 2}, column ${c.name}: a value is missing in a numeric column; leave the column out (--exclude) or name it a category (--nominal)`,
          i + 2,
          c.name,
        );
      }
      if (!Number.isFinite(x)) {
        throw new CsvInputError(
          `Rad ${i + 2}, kolumn ${c.name}: värdet är inte ett tal, men kolumnen är en talkolumn; rätta värdet eller ange kolumnen som kategori (--nominal)`,
          `row ${i + 2}, column ${c.name}: the value is not a number in a numeric column; correct it or name the column a category (--nominal)`,
          i + 2,
          c.name,
        );
      }
      row[c.name] = x;
    }
    return row;
  });
  return { rows, labels, specs, numeric, nominal };
}

/** A rule baseline `<column> <op> <value>`: score 1 where it holds, else 0. */
export interface Rule {
  column: string;
  op: '>=' | '>' | '<=' | '<' | '=' | '!=';
  value: string;
}

/** Parses `--rule "<column> <op> <value>"`. */
export function parseRule(text: string): Rule {
  const match = /^\s*(.+?)\s*(>=|<=|!=|>|<|=)\s*(.+?)\s*$/.exec(text);
  if (!match) {
    throw new CsvInputError(
      '--rule: skriv "<kolumn> <jämförelse> <värde>", t.ex. "frånvaro >= 15" (jämförelser: >= > <= < = !=)',
      '--rule: write "<column> <op> <value>", e.g. "absence >= 15" (ops: >= > <= < = !=)',
    );
  }
  return { column: match[1] as string, op: match[2] as Rule['op'], value: match[3] as string };
}

/** The rule's 0/1 score for every row of the table (numeric comparison when both sides are numbers). */
export function ruleScores(table: CsvTable, rule: Rule, target: string): number[] {
  checkColumns(table, [rule.column], '--rule');
  if (rule.column === target)
    throw new CsvInputError('--rule får inte använda utfallskolumnen', '--rule must not use the target column', 0, rule.column);
  const index = table.header.indexOf(rule.column);
  const decimalComma = table.separator !== ',';
  const right = parseNumber(rule.value, decimalComma);
  return table.rows.map((r, i) => {
    const raw = r[index] as string;
    const left = parseNumber(raw, decimalComma);
    const numeric = Number.isFinite(left) && Number.isFinite(right);
    if (!numeric && rule.op !== '=' && rule.op !== '!=') {
      throw new CsvInputError(
        `Rad ${i + 2}, kolumn ${rule.column}: --rule jämför storlek men värdet är inte ett tal`,
        `row ${i + 2}, column ${rule.column}: --rule compares sizes but the value is not a number`,
        i + 2,
        rule.column,
      );
    }
    const holds = numeric
      ? { '>=': left >= right, '>': left > right, '<=': left <= right, '<': left < right, '=': left === right, '!=': left !== right }[
          rule.op
        ]
      : rule.op === '='
        ? raw === rule.value
        : raw !== rule.value;
    return holds ? 1 : 0;
  });
}
