/**
 * The population file (folkbokföringsuttag) import (docs/kaa.md, "The population file"): a semicolon-separated CSV
 * with a fixed header, one row per person. Each bad row is refused with its row number and the column as the layout
 * names it (never the value); the good rows are kept. A protected identity's address is never stored. The file is a
 * full extract: people of an earlier file who are missing from this one (and not among its refused rows) are removed,
 * and the target group is recomputed at once.
 */
import { parse } from 'csv-parse/sync';
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { kaaPopulation, kaaPopulationImports, type KaaAddress, type KaaImportProblem } from '../../db/schema/index.ts';
import { parseCivicNo } from '../../../ingest/ss12000/civic-number.ts';
import { isCalendarDate, textProblem } from '../../../shared/input/index.ts';
import type { RefreshSummary } from '../../../shared/kaa/contract.ts';
import { refreshTargetGroup } from './refresh.ts';

export const populationLayout = 'fullfolj-kaa-befolkning-1';

/** The columns, in order, with what a person reads for each (the header row must name them exactly). */
export const populationColumns = [
  { key: 'personnummer', label: 'Personnummer', required: true },
  { key: 'fornamn', label: 'Förnamn', required: true },
  { key: 'efternamn', label: 'Efternamn', required: true },
  { key: 'kommunkod', label: 'Kommunkod', required: true },
  { key: 'folkbokford_datum', label: 'Folkbokförd i kommunen sedan', required: false },
  { key: 'invandrad_datum', label: 'Invandringsdatum', required: false },
  { key: 'status', label: 'Status', required: true },
  { key: 'status_datum', label: 'Statusdatum', required: false },
  { key: 'skyddad', label: 'Skyddad identitet', required: true },
  { key: 'utdelningsadress', label: 'Utdelningsadress', required: false },
  { key: 'postnummer', label: 'Postnummer', required: false },
  { key: 'postort', label: 'Postort', required: false },
] as const;
type ColumnKey = (typeof populationColumns)[number]['key'];

const statuses = { folkbokford: 'resident', utflyttad: 'moved-out', utvandrad: 'emigrated', avliden: 'deceased' } as const;
const yes = new Set(['ja', 'j', '1', 'true']);
const no = new Set(['nej', 'n', '0', 'false', '']);

export interface PopulationRow {
  civicNo: string;
  civicNoKind: 'personnummer' | 'samordningsnummer';
  givenName: string;
  familyName: string;
  birthDate: string;
  municipalityCode: string;
  registeredInMunicipalityOn: string | null;
  registeredInSwedenOn: string | null;
  status: (typeof statuses)[keyof typeof statuses];
  statusDate: string | null;
  protected: boolean;
  address: KaaAddress | null;
}

/** A problem with a row, for a person: «Rad 4, Personnummer: …». */
export interface RowProblem {
  row: number;
  /** The column's key in the layout, or `fil` for the file as a whole. */
  field: string;
  /** What is wrong, in Swedish, without the value. */
  problem: string;
}

export interface ParsedPopulation {
  rows: PopulationRow[];
  problems: RowProblem[];
  /** Civic numbers of refused rows that could be read (kept as they were, not removed). */
  refusedCivicNos: string[];
  total: number;
}

/** The label of a column key, for messages. */
export const columnLabel = (key: string): string => populationColumns.find((c) => c.key === key)?.label ?? 'Filen';

/** A problem as a person reads it. */
export const problemMessage = (p: { row: number; field: string; problem: string }): string =>
  p.row === 0 ? `${columnLabel(p.field)}: ${p.problem}.` : `Rad ${p.row}, ${columnLabel(p.field)}: ${p.problem}.`;

/** The day a twelve-digit personnummer or samordningsnummer encodes (day + 60 for a samordningsnummer). */
function birthDateOf(civicNo: string): string {
  const day = Number(civicNo.slice(6, 8));
  return `${civicNo.slice(0, 4)}-${civicNo.slice(4, 6)}-${String(day > 60 ? day - 60 : day).padStart(2, '0')}`;
}

/**
 * Parses and checks a population file. An unknown layout (the header differs) refuses the whole file on row 1; every
 * other problem refuses only its row. `municipalities` is the set of SCB codes that exist.
 */
export function parsePopulationFile(text: string, municipalities: ReadonlySet<string>): ParsedPopulation {
  const out: ParsedPopulation = { rows: [], problems: [], refusedCivicNos: [], total: 0 };
  const content = text.replace(/^\uFEFF/, '');
  const fileProblem = textProblem(content, true);
  if (fileProblem) {
    out.problems.push({ row: 0, field: 'fil', problem: 'innehåller otillåtna tecken' });
    return out;
  }
  let records: string[][];
  try {
    records = parse(content, { delimiter: ';', relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    out.problems.push({ row: 0, field: 'fil', problem: 'går inte att läsa som semikolonseparerad CSV' });
    return out;
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const expected = populationColumns.map((c) => c.key);
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    out.problems.push({
      row: 1,
      field: 'fil',
      problem: `okänd filuppställning: första raden ska vara kolumnnamnen ${expected.join(';')}`,
    });
    return out;
  }
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    out.total += 1;
    const problems: RowProblem[] = [];
    const refuse = (field: ColumnKey, problem: string) => problems.push({ row, field, problem });
    if (record.length !== expected.length) {
      out.problems.push({ row, field: 'fil', problem: `raden har ${record.length} kolumner, ska ha ${expected.length}` });
      return;
    }
    const value = Object.fromEntries(expected.map((k, i) => [k, record[i] ?? ''])) as Record<ColumnKey, string>;
    for (const c of populationColumns) {
      const v = value[c.key];
      if (textProblem(v, false)) refuse(c.key, 'innehåller otillåtna tecken');
      else if (c.required && v === '') refuse(c.key, 'saknas');
      else if (v.length > 200) refuse(c.key, 'är för långt (högst 200 tecken)');
    }
    const civic = parseCivicNo(value.personnummer);
    let civicNo: string | null = null;
    if (!civic.ok) refuse('personnummer', 'är inte ett giltigt personnummer eller samordningsnummer');
    else if (civic.kind === 'temporary')
      refuse('personnummer', 'är ett tillfälligt nummer; folkbokföringen har personnummer eller samordningsnummer');
    else {
      civicNo = civic.civicNo;
      const first = seen.get(civicNo);
      if (first !== undefined) refuse('personnummer', `samma person finns redan på rad ${first}`);
      else seen.set(civicNo, row);
    }
    if (value.kommunkod !== '' && !municipalities.has(value.kommunkod)) refuse('kommunkod', 'är inte en kommunkod som finns');
    for (const k of ['folkbokford_datum', 'invandrad_datum', 'status_datum'] as const)
      if (value[k] !== '' && !isCalendarDate(value[k])) refuse(k, 'ska vara ett datum som finns, ÅÅÅÅ-MM-DD');
    const status = statuses[value.status.toLowerCase() as keyof typeof statuses];
    if (value.status !== '' && !status) refuse('status', 'ska vara folkbokford, utflyttad, utvandrad eller avliden');
    const skyddad = value.skyddad.toLowerCase();
    if (!yes.has(skyddad) && !no.has(skyddad)) refuse('skyddad', 'ska vara ja eller nej');
    if (problems.length > 0) {
      out.problems.push(...problems);
      if (civicNo && !problems.some((p) => p.field === 'personnummer')) out.refusedCivicNos.push(civicNo);
      return;
    }
    const isProtected = yes.has(skyddad);
    const hasAddress = value.utdelningsadress !== '' || value.postnummer !== '' || value.postort !== '';
    out.rows.push({
      civicNo: civicNo!,
      civicNoKind: (civic as { kind: 'personnummer' | 'samordningsnummer' }).kind,
      givenName: value.fornamn,
      familyName: value.efternamn,
      birthDate: birthDateOf(civicNo!),
      municipalityCode: value.kommunkod,
      registeredInMunicipalityOn: value.folkbokford_datum || null,
      registeredInSwedenOn: value.invandrad_datum || null,
      status: status!,
      statusDate: value.status_datum || null,
      protected: isProtected,
      // Never stored for a protected identity, whatever the file holds.
      address:
        isProtected || !hasAddress
          ? null
          : { streetAddress: value.utdelningsadress, postalCode: value.postnummer, locality: value.postort },
    });
  });
  return out;
}

export interface PopulationImportOutcome {
  id: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  problems: RowProblem[];
  refresh: RefreshSummary;
}

/** Imports a population file into `tenantId` (one transaction: the caller's), then recomputes the target group. */
export async function importPopulation(
  tx: DbOrTx,
  tenantId: string,
  text: string,
  options: { asOf: string; importedBy: string | null },
): Promise<PopulationImportOutcome> {
  const codes = new Set((await queryRows<{ code: string }>(tx, sql`SELECT code FROM municipalities`)).map((r) => r.code));
  const parsed = parsePopulationFile(text, codes);
  const rejectedRows = new Set(parsed.problems.map((p) => p.row)).size;
  const layoutRefused = parsed.problems.some((p) => p.row <= 1);
  const [run] = await tx
    .insert(kaaPopulationImports)
    .values({
      tenantId,
      importedBy: options.importedBy,
      layout: populationLayout,
      rowsTotal: parsed.total,
      rowsAccepted: parsed.rows.length,
      rowsRejected: rejectedRows,
      problems: parsed.problems satisfies KaaImportProblem[],
    })
    .returning({ id: kaaPopulationImports.id });
  if (!layoutRefused) {
    for (let i = 0; i < parsed.rows.length; i += 500) {
      await tx
        .insert(kaaPopulation)
        .values(parsed.rows.slice(i, i + 500).map((r) => ({ tenantId, ...r, importId: run!.id })))
        .onConflictDoUpdate({
          target: [kaaPopulation.tenantId, kaaPopulation.civicNo],
          set: {
            civicNoKind: sql`excluded.civic_no_kind`,
            givenName: sql`excluded.given_name`,
            familyName: sql`excluded.family_name`,
            birthDate: sql`excluded.birth_date`,
            municipalityCode: sql`excluded.municipality_code`,
            registeredInMunicipalityOn: sql`excluded.registered_in_municipality_on`,
            registeredInSwedenOn: sql`excluded.registered_in_sweden_on`,
            status: sql`excluded.status`,
            statusDate: sql`excluded.status_date`,
            protected: sql`excluded.protected`,
            address: sql`excluded.address`,
            importId: sql`excluded.import_id`,
            // The proposed row's default, now(): the same time, and an immutable expression, which Citus requires here.
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
    // A full extract: whoever is neither in it (written by this import) nor among its refused rows is no longer registered here.
    if (parsed.rows.length > 0)
      await tx
        .delete(kaaPopulation)
        .where(
          and(
            eq(kaaPopulation.tenantId, tenantId),
            ne(kaaPopulation.importId, run!.id),
            parsed.refusedCivicNos.length > 0 ? notInArray(kaaPopulation.civicNo, parsed.refusedCivicNos) : undefined,
          ),
        );
  }
  const refresh = layoutRefused
    ? { inGroup: 0, registered: 0, deregistered: 0, evaluated: 0 }
    : await refreshTargetGroup(tx, tenantId, options.asOf);
  return {
    id: run!.id,
    rowsTotal: parsed.total,
    rowsAccepted: layoutRefused ? 0 : parsed.rows.length,
    rowsRejected: rejectedRows,
    problems: parsed.problems,
    refresh,
  };
}

/** The civic numbers of the given population rows that exist (for tests and the demo). */
export async function populationCivicNos(db: DbOrTx, tenantId: string, civicNos: string[]): Promise<string[]> {
  if (civicNos.length === 0) return [];
  const rows = await db
    .select({ civicNo: kaaPopulation.civicNo })
    .from(kaaPopulation)
    .where(and(eq(kaaPopulation.tenantId, tenantId), inArray(kaaPopulation.civicNo, civicNos)));
  return rows.map((r) => r.civicNo);
}
