/**
 * Reads a user's CSV file for `fullfolj model evaluate --csv`: a UTF-8 byte-order mark is dropped, CRLF and LF line
 * ends both work, fields may be in double quotes (a quote inside doubled: ""), and the separator — `;` (Swedish Excel),
 * `,` or tab — is detected from the header and the first rows. A bad file is refused with the row and column named,
 * never with the value it holds.
 */

/** A refusal naming where in the file: `row` is 1 for the header, 2 for the first data row (0 when not row-bound). */
export class CsvInputError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
    readonly row = 0,
    readonly column = '',
  ) {
    super(`${sv} (${en})`);
    this.name = 'CsvInputError';
  }
}

/** A parsed table: the header's column names and the data rows as text. */
export interface CsvTable {
  separator: ';' | ',' | '\t';
  header: string[];
  rows: string[][];
}

const SEPARATORS = [';', ',', '\t'] as const;

/** Splits text into records of fields for one separator, honouring quotes (which may hold separators and newlines). */
function records(text: string, separator: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      out.push(record);
      record = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    out.push(record);
  }
  return out.filter((r) => !(r.length === 1 && (r[0] as string).trim() === ''));
}

/** Parses CSV text; `source` names the file in messages. */
export function parseCsv(text: string): CsvTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') throw new CsvInputError('Filen är tom', 'the file is empty', 1);
  // The separator: among those that split the header into two or more columns, the one that splits at least half of
  // the first 20 rows into as many (a stray row is then reported by number below); ties go to more columns.
  let best: { separator: CsvTable['separator']; table: string[][]; score: number } | undefined;
  for (const separator of SEPARATORS) {
    const table = records(clean, separator);
    const width = table[0]?.length ?? 0;
    if (width < 2) continue;
    const sample = table.slice(1, 21);
    const matching = sample.filter((r) => r.length === width).length;
    if (matching * 2 < sample.length) continue;
    const score = matching * 1000 + width;
    if (!best || score > best.score) best = { separator, table, score };
  }
  if (!best) {
    throw new CsvInputError(
      'Kan inte avgöra avgränsaren: rubrikraden och de första raderna delas inte lika av ; , eller tabb',
      'cannot detect the separator: the header and the first rows do not split alike on ; , or tab',
      1,
    );
  }
  const header = (best.table[0] as string[]).map((h) => h.trim());
  header.forEach((name, j) => {
    if (name === '') throw new CsvInputError(`Kolumn ${j + 1} saknar namn i rubrikraden`, `column ${j + 1} has no name in the header`, 1);
    if (header.indexOf(name) !== j)
      throw new CsvInputError(`Kolumnen ${name} finns två gånger i rubrikraden`, `column ${name} appears twice in the header`, 1, name);
  });
  const rows = best.table.slice(1);
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new CsvInputError(
        `Rad ${i + 2} har ${r.length} fält, rubrikraden ${header.length}`,
        `row ${i + 2} has ${r.length} fields, the header ${header.length}`,
        i + 2,
      );
    }
  });
  if (rows.length === 0) throw new CsvInputError('Filen har inga datarader', 'the file has no data rows', 2);
  return { separator: best.separator, header, rows: rows.map((r) => r.map((v) => v.trim())) };
}
