/**
 * The notice file (docs/kaa.md, "The notice file"): notices from organisers outside this installation, imported by the
 * home municipality's officer as JSON (`{ format: 'fullfolj-kaa-notices', version: 1, notices: [...] }`) or as CSV
 * with the same field names as a header, separated by semicolons. A bad record is refused with its row and field; the
 * others are kept; a record already imported counts as a duplicate; a notice about someone the municipality does not
 * have is kept as unmatched and listed.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { kaaNotices } from '../../db/schema/index.ts';
import { noticeFileRecord, type NoticeFileRecord } from '../../../shared/kaa/contract.ts';
import { parseCivicNo } from '../../../ingest/ss12000/civic-number.ts';
import { textProblem } from '../../../shared/input/index.ts';

const fields = Object.keys(noticeFileRecord.shape) as (keyof NoticeFileRecord)[];
/** What a person reads for each field of the file. */
export const noticeFieldLabels: Record<string, string> = {
  kind: 'Typ',
  personnummer: 'Personnummer',
  fornamn: 'Förnamn',
  efternamn: 'Efternamn',
  skolenhetskod: 'Skolenhetskod',
  skolenhet: 'Skolenhet',
  programkod: 'Programkod',
  program: 'Program',
  datum: 'Datum',
  orsak: 'Orsak',
  hemkommun: 'Hemkommun',
  avsandare: 'Avsändare',
  fil: 'Filen',
};

export interface NoticeImportOutcome {
  rowsTotal: number;
  imported: number;
  duplicates: number;
  unmatched: number;
  problems: { row: number; field: string; message: string }[];
}

const message = (row: number, field: string, what: string) => ({
  row,
  field: noticeFieldLabels[field] ?? 'Filen',
  message:
    row === 0 ? `${noticeFieldLabels[field] ?? 'Filen'}: ${what}.` : `Rad ${row}, ${noticeFieldLabels[field] ?? 'ett fält'}: ${what}.`,
});

/** The records of a notice file (unchecked), numbered as a person counts them: JSON records from 1, CSV rows from 2. */
function records(format: 'json' | 'csv', content: string): { rows: { row: number; value: unknown }[]; problem?: string } {
  if (textProblem(content, true)) return { rows: [], problem: 'innehåller otillåtna tecken' };
  if (format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(content);
    } catch {
      return { rows: [], problem: 'går inte att läsa som JSON' };
    }
    const d = doc as { format?: unknown; version?: unknown; notices?: unknown };
    if (d?.format !== 'fullfolj-kaa-notices' || d.version !== 1 || !Array.isArray(d.notices))
      return { rows: [], problem: "okänt format: ska vara { format: 'fullfolj-kaa-notices', version: 1, notices: [...] }" };
    return { rows: d.notices.map((value, i) => ({ row: i + 1, value })) };
  }
  let table: string[][];
  try {
    table = parse(content.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { rows: [], problem: 'går inte att läsa som semikolonseparerad CSV' };
  }
  const header = table[0] ?? [];
  if (header.length !== fields.length || header.some((h, i) => h.toLowerCase() !== fields[i]))
    return { rows: [], problem: `okänd filuppställning: första raden ska vara ${fields.join(';')}` };
  return {
    rows: table.slice(1).map((r, i) => ({
      row: i + 2,
      value: Object.fromEntries(
        fields.map((f, k) => [f, ['skolenhetskod', 'programkod', 'program'].includes(f) && !r[k] ? null : (r[k] ?? '')]),
      ),
    })),
  };
}

/** Imports a notice file into the home municipality `tenantId` (its SCB code `municipalityCode`). */
export async function importNoticeFile(
  tx: DbOrTx,
  tenantId: string,
  municipalityCode: string,
  file: { format: 'json' | 'csv'; content: string },
  now: Date,
): Promise<NoticeImportOutcome & { youthIds: string[] }> {
  const out: NoticeImportOutcome & { youthIds: string[] } = {
    rowsTotal: 0,
    imported: 0,
    duplicates: 0,
    unmatched: 0,
    problems: [],
    youthIds: [],
  };
  const { rows, problem } = records(file.format, file.content);
  if (problem) {
    out.problems.push(message(file.format === 'csv' ? 1 : 0, 'fil', problem));
    return out;
  }
  out.rowsTotal = rows.length;
  const good: { row: number; record: NoticeFileRecord }[] = [];
  for (const { row, value } of rows) {
    const parsed = noticeFileRecord.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) {
        const field = String(issue.path[0] ?? 'fil');
        out.problems.push(
          message(row, field, issue.code === 'invalid_type' && issue.input === undefined ? 'saknas' : 'har ett ogiltigt värde'),
        );
      }
      continue;
    }
    const civic = parseCivicNo(parsed.data.personnummer);
    if (!civic.ok || civic.kind === 'temporary') {
      out.problems.push(message(row, 'personnummer', 'är inte ett giltigt personnummer eller samordningsnummer'));
      continue;
    }
    if (parsed.data.hemkommun !== municipalityCode) {
      out.problems.push(message(row, 'hemkommun', 'är inte den här kommunen'));
      continue;
    }
    good.push({ row, record: { ...parsed.data, personnummer: civic.civicNo } });
  }
  if (good.length === 0) return out;
  const known = new Set(
    (
      await queryRows<{ civic_no: string }>(
        tx,
        sql`SELECT civic_no FROM kaa_population WHERE tenant_id = ${tenantId}::uuid
            UNION SELECT civic_no FROM kaa_youth WHERE tenant_id = ${tenantId}::uuid`,
      )
    ).map((r) => r.civic_no),
  );
  const youth = new Map(
    (
      await queryRows<{ id: string; civic_no: string }>(tx, sql`SELECT id, civic_no FROM kaa_youth WHERE tenant_id = ${tenantId}::uuid`)
    ).map((r) => [r.civic_no, r.id]),
  );
  for (const { record: r } of good) {
    const dedupeKey = `file:${r.kind}:${r.personnummer}:${r.skolenhetskod ?? r.skolenhet}:${r.datum}`;
    const [row] = await tx
      .insert(kaaNotices)
      .values({
        tenantId,
        deliveryId: randomUUID(),
        direction: 'received',
        kind: r.kind,
        channel: 'file',
        status: 'received',
        civicNo: r.personnummer,
        givenName: r.fornamn,
        familyName: r.efternamn,
        schoolUnitCode: r.skolenhetskod,
        schoolUnitName: r.skolenhet,
        programmeCode: r.programkod || null,
        programmeName: r.program || null,
        eventDate: r.datum,
        reason: r.orsak,
        homeMunicipalityCode: r.hemkommun,
        counterpartName: r.avsandare,
        youthId: youth.get(r.personnummer) ?? null,
        dedupeKey,
        receivedAt: now.toISOString(),
      })
      .onConflictDoNothing()
      .returning({ id: kaaNotices.id });
    if (!row) {
      out.duplicates += 1;
      continue;
    }
    out.imported += 1;
    if (!known.has(r.personnummer)) out.unmatched += 1;
    const y = youth.get(r.personnummer);
    if (y) out.youthIds.push(y);
  }
  return out;
}
