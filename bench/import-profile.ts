/**
 * Where an import's time goes (issue #17 item 3), not a benchmark: `npx tsx bench/import-profile.ts` (PGlite) or with
 * `DATABASE_URL` (PostgreSQL). The `import rows/s` benchmark's documents: everything but attendance through the importer,
 * then every attendance page step by step — JSON parse of the page (what a file source does), the text walk, the schema
 * validation, the domain checks, the reference look-ups, the rows' mapping — and each write path on the same pages, every
 * page committed, each path on its own fresh database: the importer's write (`upsertRows`), the same without the change queue, COPY into a staging table plus the merge, and a bare COPY into the table (the baseline). Milliseconds summed
 * over the pages on stderr. Synthetic people only.
 */
import { sql } from 'drizzle-orm';
import { importSs12000, memorySource } from '../src/ingest/ss12000/index.ts';
import { checkDocument } from '../src/ingest/ss12000/domain-checks.ts';
import { checkReferences } from '../src/ingest/ss12000/reference-checks.ts';
import { validateAgainstSpec } from '../src/ingest/ss12000/schema-validation.ts';
import { checkText } from '../src/ingest/ss12000/text-checks.ts';
import { upsertRows } from '../src/ingest/ss12000/bulk-upsert.ts';
import { attendanceWriter } from '../src/ingest/ss12000/writers-results.ts';
import type { AttendanceDoc } from '../src/ingest/ss12000/documents.ts';
import { queryRows, type Database, type DbOrTx } from '../src/server/db/client.ts';
import { transactionCopy } from '../src/server/db/copy.ts';
import { openFreshDatabase } from '../test/support/database.ts';
import { syntheticOrganiser } from './import.bench.ts';

const PAGE = 5000;
const totals = new Map<string, number>();
const time = async <T>(step: string, fn: () => T | Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await fn();
  totals.set(step, (totals.get(step) ?? 0) + performance.now() - start);
  return result;
};

/** COPY on the transaction's own connection (the shared helper, src/server/db/copy.ts). */
async function copyIn(_kind: Database['kind'], tx: DbOrTx, target: string, columns: string[], csv: string) {
  const copy = transactionCopy(tx);
  if (!copy) throw new Error('COPY needs a transaction');
  await copy(target, columns, csv);
}

type Row = Record<string, unknown>;
const csvField = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v));
const COLS = [
  'id',
  'calendar_event_id',
  'student_id',
  'is_reported',
  'attendance_minutes',
  'valid_absence_minutes',
  'invalid_absence_minutes',
  'other_attendance_minutes',
  'absence_reason',
  'reported_at',
  'source_modified',
];
const asCsv = (rows: Row[]) => rows.map((r) => COLS.map((c) => csvField(r[c])).join(',')).join('\n');
const stage = (tx: DbOrTx) =>
  tx.execute(sql.raw(`create temporary table stage_att on commit drop as select ${COLS.join(', ')} from attendances with no data`));
const queue = (tenantId: string) =>
  sql`insert into early_warning_changes (tenant_id, student_id) select distinct ${tenantId}::uuid, student_id from written on conflict do nothing`;
const fromStage = (tenantId: string) => sql`insert into attendances as t (tenant_id, ${sql.raw(COLS.join(', '))}, lesson_date)
  select ${tenantId}::uuid, ${sql.raw(COLS.map((c) => `r.${c}`).join(', '))}, (ce.start_time at time zone 'Europe/Stockholm')::date
  from stage_att r join calendar_events ce on ce.tenant_id = ${tenantId}::uuid and ce.id = r.calendar_event_id`;

/** Each write path, on its own fresh database, every page committed. */
const variants: Record<string, (kind: Database['kind'], tx: DbOrTx, tenantId: string, rows: Row[]) => Promise<unknown>> = {
  'a the importer (stored keys, COPY into staging, INSERT … SELECT with the join, change queue)': (_, tx, tenantId, rows) =>
    upsertRows(tx, tenantId, attendanceWriter.upsert, rows),
  'b the importer without the change queue': (_, tx, tenantId, rows) => {
    const { changes: _c, ...noQueue } = attendanceWriter.upsert;
    return upsertRows(tx, tenantId, noQueue, rows);
  },
  'c COPY into staging + merge (join, ON CONFLICT … WHERE newer, change queue)': async (kind, tx, tenantId, rows) => {
    await stage(tx);
    await copyIn(kind, tx, 'stage_att', COLS, asCsv(rows));
    await tx.execute(sql`with written as (${fromStage(tenantId)}
      on conflict (tenant_id, id) do update set attendance_minutes = excluded.attendance_minutes
      where excluded.source_modified > t.source_modified returning t.student_id) ${queue(tenantId)}`);
  },
  'd COPY into staging + plain INSERT … SELECT (join, change queue)': async (kind, tx, tenantId, rows) => {
    await stage(tx);
    await copyIn(kind, tx, 'stage_att', COLS, asCsv(rows));
    await tx.execute(sql`with written as (${fromStage(tenantId)} returning t.student_id) ${queue(tenantId)}`);
  },
  'e existing keys + lesson dates + COPY straight into attendances + change queue': async (kind, tx, tenantId, rows) => {
    const ids = `{${rows.map((r) => r.id as string).join(',')}}`;
    const existing = await queryRows<{ id: string }>(
      tx,
      sql`select id::text from attendances where tenant_id = ${tenantId}::uuid and id = any(${ids}::uuid[])`,
    );
    const events = `{${[...new Set(rows.map((r) => r.calendar_event_id as string))].join(',')}}`;
    const dates = await queryRows<{ id: string; d: string }>(
      tx,
      sql`select id::text, (start_time at time zone 'Europe/Stockholm')::date::text as d from calendar_events where tenant_id = ${tenantId}::uuid and id = any(${events}::uuid[])`,
    );
    const dateOf = new Map(dates.map((r) => [r.id, r.d]));
    const known = new Set(existing.map((r) => r.id));
    const csv = rows
      .filter((r) => !known.has(r.id as string))
      .map((r) => [tenantId, ...COLS.map((c) => csvField(r[c])), dateOf.get(r.calendar_event_id as string)].join(','))
      .join('\n');
    await copyIn(kind, tx, 'attendances', ['tenant_id', ...COLS, 'lesson_date'], csv);
    const students = `{${[...new Set(rows.map((r) => r.student_id as string))].join(',')}}`;
    await tx.execute(
      sql`insert into early_warning_changes (tenant_id, student_id) select ${tenantId}::uuid, s from unnest(${students}::uuid[]) s on conflict do nothing`,
    );
  },
  'f bare COPY into attendances, lesson date given (baseline)': (kind, tx, tenantId, rows) =>
    copyIn(
      kind,
      tx,
      'attendances',
      ['tenant_id', ...COLS, 'lesson_date'],
      rows.map((r) => [tenantId, ...COLS.map((c) => csvField(r[c])), '2025-09-01'].join(',')).join('\n'),
    ),
};

const docs = syntheticOrganiser();
const { attendances, ...rest } = docs;
const only = process.argv[2];
let first = true;
for (const [name, write] of Object.entries(variants)) {
  if (only && !name.startsWith(only)) continue;
  const database = await openFreshDatabase(process.env.DATABASE_URL || undefined);
  try {
    await importSs12000(database, memorySource(rest, PAGE), { analyze: false });
    const [{ id: tenantId } = { id: '' }] = await queryRows<{ id: string }>(database.db, sql`select id::text from organisers limit 1`);
    const municipalityCodes = new Set<string>(['1496']);
    for (let start = 0; start < attendances.length; start += PAGE) {
      const slice = attendances.slice(start, start + PAGE);
      let page = slice as unknown as AttendanceDoc[];
      if (first) {
        const json = JSON.stringify(slice);
        page = await time('1 JSON.parse of the page', () => JSON.parse(json) as AttendanceDoc[]);
        await time('2 text walk (checkText)', () => page.map((d) => checkText(d)));
        await time('3 schema (ajv)', () => page.map((d) => validateAgainstSpec('attendances', d)));
        await time('4 domain checks', () => page.map((d) => checkDocument('attendances', d, { municipalityCodes })));
        await time('5 references (2 queries)', () => checkReferences(database.db, tenantId, 'attendances', new Map(page.entries())));
      }
      const rows = await time('6 rows mapped', () => page.map((d) => attendanceWriter.row(d, { runStartedAt: '' }) as Row));
      await time(`7${name}`, () => database.db.transaction((tx) => write(database.kind, tx, tenantId, rows)));
    }
    first = false;
    process.stderr.write(`${database.kind}, ${attendances.length} attendance documents in pages of ${PAGE}:\n`);
  } finally {
    await database.close();
  }
}
for (const [step, ms] of [...totals].sort()) process.stderr.write(`  ${step}: ${ms.toFixed(0)} ms\n`);
