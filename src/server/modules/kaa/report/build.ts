/**
 * The half-year file for SCB, built from the register as plain data (no database here: load.ts reads it): one row per
 * young person and measure (Block 1 and 2 repeated on each), the logical checks (checks.ts), a summary counted from the
 * file itself, and a digest of file and failures that the export must send back.
 */
import { createHash } from 'node:crypto';
import { halfYearBounds, type ReportFailure, type ReportSummary } from '../../../../shared/kaa/report.ts';
import { checkYouth } from './checks.ts';
import { codeFor, labelOf, type CodeFile, type ColumnKey } from './codes.ts';

/** One young person in the register during the half-year, with our own keys (never SCB's codes). */
export interface ReportYouth {
  personId: string;
  name: string;
  /** Twelve characters as stored (personnummer, samordningsnummer, or a temporary number). */
  civicNo: string | null;
  birthDate: string | null;
  /** The SCB municipality code of the home municipality. */
  municipalityCode: string | null;
  registeredOn: string;
  registrationReason: string | null;
  /** Contacts that reached the young person (attempts are not contacts). */
  contacts: { date: string; occupation: string | null }[];
  measures: { id: string; kind: string | null; startedOn: string | null; endedOn: string | null; occupationAfter: string | null }[];
  endedOn: string | null;
  endReason: string | null;
}

export interface ReportInput {
  half: string;
  municipality: { code: string; name: string };
  youths: readonly ReportYouth[];
}

export interface BuiltReport {
  half: string;
  file: string;
  rows: Record<ColumnKey, string>[];
  /** The young people in the file, in its order. */
  youthIds: string[];
  failures: ReportFailure[];
  summary: ReportSummary;
  digest: string;
}

const inside = (date: string | null, from: string, to: string) => date !== null && date >= from && date <= to;

function formatDate(codes: CodeFile, date: string | null): string {
  if (!date) return '';
  return codes.file.dateFormat === 'YYYYMMDD' ? date.replaceAll('-', '') : date;
}

/** The rows of one young person: one per measure started before the half-year ended (or one without a measure). */
function rowsOf(codes: CodeFile, half: string, youth: ReportYouth): Record<ColumnKey, string>[] {
  const { from, to } = halfYearBounds(half);
  const contacts = youth.contacts.filter((c) => inside(c.date, from, to)).sort((a, b) => b.date.localeCompare(a.date));
  const latest = contacts[0] ?? null;
  // A measure belongs to the half-year when it ran during it: started by its end, not ended before its start.
  const measures = youth.measures
    .filter((m) => m.startedOn !== null && m.startedOn <= to && (m.endedOn === null || m.endedOn >= from))
    .sort((a, b) => (a.startedOn ?? '').localeCompare(b.startedOn ?? ''));
  const ended = inside(youth.endedOn, from, to);
  const base = {
    municipality: youth.municipalityCode ?? '',
    civicNo: youth.civicNo ?? '',
    registrationReason: codeFor(codes, 'registrationReasons', youth.registrationReason) ?? '',
    contactDate: formatDate(codes, latest?.date ?? null),
    occupationAtContact: latest ? (codeFor(codes, 'occupations', latest.occupation) ?? '') : '',
    endedOn: ended ? formatDate(codes, youth.endedOn) : '',
    endReason: ended ? (codeFor(codes, 'endReasons', youth.endReason) ?? '') : '',
  };
  const noMeasure = { measureStart: '', measureKind: '', measureEnd: '', occupationAfter: '' };
  if (measures.length === 0) return [{ ...base, ...noMeasure }];
  return measures.map((m) => {
    const endedInHalf = inside(m.endedOn, from, to);
    return {
      ...base,
      measureStart: formatDate(codes, m.startedOn),
      measureKind: codeFor(codes, 'measureKinds', m.kind) ?? '',
      measureEnd: endedInHalf ? formatDate(codes, m.endedOn) : '',
      occupationAfter: endedInHalf ? (codeFor(codes, 'occupations', m.occupationAfter) ?? '') : '',
    };
  });
}

/** The file's text: a header of SCB's variable names, then the rows, separated as the code list says. */
export function fileText(codes: CodeFile, rows: readonly Record<ColumnKey, string>[]): string {
  const { separator, lineEnd, columns, header } = codes.file;
  const line = (values: string[]) => values.map((v) => v.replaceAll(separator, ' ').replace(/[\r\n]/g, ' ')).join(separator);
  const lines = rows.map((r) => line(columns.map((c) => r[c.key])));
  return (header ? [line(columns.map((c) => c.name)), ...lines] : lines).join(lineEnd) + lineEnd;
}

/** Reads a file back into rows (for the summary, which must count what the file holds). */
export function parseFile(codes: CodeFile, text: string): Record<ColumnKey, string>[] {
  const { separator, columns, header } = codes.file;
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  return (header ? lines.slice(1) : lines).map((l) => {
    const values = l.split(separator);
    return Object.fromEntries(columns.map((c, i) => [c.key, values[i] ?? ''])) as Record<ColumnKey, string>;
  });
}

/** The summary of a file, counted from its rows: young people, contacts, measures and ended responsibilities by label. */
export function summarise(codes: CodeFile, text: string): ReportSummary {
  const rows = parseFile(codes, text);
  const byPerson = new Map<string, Record<ColumnKey, string>>();
  for (const r of rows) if (!byPerson.has(r.civicNo)) byPerson.set(r.civicNo, r);
  const persons = [...byPerson.values()];
  const tally = (list: 'registrationReasons' | 'measureKinds' | 'endReasons', values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    const known = codes[list].codes
      .filter((c) => counts.has(c.code))
      .map((c) => ({ label: { sv: c.sv, en: c.en }, count: counts.get(c.code)! }));
    const unknown = [...counts].filter(([code]) => !codes[list].codes.some((c) => c.code === code)).reduce((s, [, n]) => s + n, 0);
    return unknown ? [...known, { label: labelOf(codes, list, { code: null, key: '' }), count: unknown }] : known;
  };
  const started = rows.filter((r) => r.measureStart);
  const ended = rows.filter((r) => r.measureEnd);
  const deregistered = persons.filter((p) => p.endedOn);
  return {
    youths: persons.length,
    rows: rows.length,
    registrationReasons: tally(
      'registrationReasons',
      persons.map((p) => p.registrationReason),
    ),
    contacted: persons.filter((p) => p.contactDate).length,
    measuresStarted: started.length,
    measureKinds: tally(
      'measureKinds',
      started.map((r) => r.measureKind),
    ),
    measuresEnded: ended.length,
    deregistered: deregistered.length,
    endReasons: tally(
      'endReasons',
      deregistered.map((p) => p.endReason),
    ),
  };
}

/** The proof of one preview: the same data gives the same digest, any change in the file or its failures another. */
export function reportDigest(half: string, codeVersion: string, file: string, failures: readonly ReportFailure[]): string {
  return createHash('sha256').update(JSON.stringify({ half, codeVersion, file, failures })).digest('hex');
}

/** Builds the file, runs the checks and counts the summary. Young people are ordered by name, then civic number. */
export function buildReport(codes: CodeFile, input: ReportInput): BuiltReport {
  const youths = [...input.youths].sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.civicNo ?? '').localeCompare(b.civicNo ?? ''));
  const rows = youths.flatMap((y) => rowsOf(codes, input.half, y));
  const failures = youths.flatMap((y) => checkYouth(codes, input.half, input.municipality.code, y));
  const file = fileText(codes, rows);
  return {
    half: input.half,
    file,
    rows,
    youthIds: youths.map((y) => y.personId),
    failures,
    summary: summarise(codes, file),
    digest: reportDigest(input.half, codes.version, file, failures),
  };
}
