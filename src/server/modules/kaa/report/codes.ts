/**
 * The SCB code lists and file layout for the half-year report, read once from assets/kaa/scb-kaa-codes.json (one
 * documented, versioned file: docs/kaa-report.md). The register stores our own keys (`dropout-national`); only the
 * file carries SCB's codes, and a person only ever reads the labels.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Label } from '../../../../shared/contract/endpoint.ts';

const entry = z.object({ key: z.string(), code: z.string(), sv: z.string(), en: z.string() });
const list = z.object({ verified: z.boolean(), codes: z.array(entry).min(1) });

export const columnKeys = [
  'municipality',
  'civicNo',
  'registrationReason',
  'contactDate',
  'occupationAtContact',
  'measureStart',
  'measureKind',
  'measureEnd',
  'occupationAfter',
  'endedOn',
  'endReason',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

const codeFile = z.object({
  version: z.string(),
  validFrom: z.string(),
  sources: z.array(z.string()),
  file: z.object({
    verified: z.boolean(),
    separator: z.string().length(1),
    header: z.boolean(),
    encoding: z.literal('utf-8'),
    lineEnd: z.string(),
    dateFormat: z.enum(['YYYYMMDD', 'YYYY-MM-DD']),
    rowPerMeasure: z.boolean(),
    columns: z
      .array(z.object({ key: z.enum(columnKeys), name: z.string(), block: z.number().int().min(1).max(5) }))
      .length(columnKeys.length),
  }),
  registrationReasons: list,
  occupations: list,
  measureKinds: list,
  endReasons: list,
});
export type CodeFile = z.output<typeof codeFile>;
export type CodeListName = 'registrationReasons' | 'occupations' | 'measureKinds' | 'endReasons';

/** Reads and checks a code-list file (the shipped one by default). */
export function loadCodes(path = new URL('../../../../../assets/kaa/scb-kaa-codes.json', import.meta.url)): CodeFile {
  return codeFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

let shipped: CodeFile | null = null;
/** The shipped code lists (read once). */
export function scbCodes(): CodeFile {
  shipped ??= loadCodes();
  return shipped;
}

/** SCB's code for one of our keys, or null when the list has none. */
export function codeFor(codes: CodeFile, listName: CodeListName, key: string | null | undefined): string | null {
  if (!key) return null;
  return codes[listName].codes.find((c) => c.key === key)?.code ?? null;
}

/** The label of one of our keys (or of a code in the file), never the key or code itself. */
export function labelOf(codes: CodeFile, listName: CodeListName, value: { key?: string | null; code?: string | null }): Label {
  const found = codes[listName].codes.find((c) => (value.key != null ? c.key === value.key : c.code === value.code));
  return found ? { sv: found.sv, en: found.en } : { sv: 'Okänt värde', en: 'Unknown value' };
}

/** The choices of a list for a form: key and label. */
export function choices(codes: CodeFile, listName: CodeListName): { key: string; label: Label }[] {
  return codes[listName].codes.map((c) => ({ key: c.key, label: { sv: c.sv, en: c.en } }));
}

/** True while some part of the file has not been checked against SCB's instructions. */
export function unverified(codes: CodeFile): boolean {
  return (
    !codes.file.verified || (['registrationReasons', 'occupations', 'measureKinds', 'endReasons'] as const).some((n) => !codes[n].verified)
  );
}
