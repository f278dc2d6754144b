/** Shared helpers for the importer's tests: reference data, fixtures and table snapshots. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../server/db/client.ts';
import { importOrder, type Endpoint } from './documents.ts';
import { endpointFiles } from './file-source.ts';

/** test/fixtures/ss12000/region/<name>: `kommun` (municipal) and `friskola` (independent). */
export const fixtureRegion = join(process.cwd(), 'test', 'fixtures', 'ss12000', 'region');
export const fixtureDir = (name: 'kommun' | 'friskola') => join(fixtureRegion, name);

/** All documents of a fixture directory per endpoint, for memorySource. */
export function fixtureDocuments(name: 'kommun' | 'friskola'): Partial<Record<Endpoint, unknown[]>> {
  const dir = fixtureDir(name);
  const docs: Partial<Record<Endpoint, unknown[]>> = {};
  for (const endpoint of importOrder) {
    const files = endpointFiles(dir, endpoint);
    if (files.length === 0) continue;
    docs[endpoint] = files.flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { data: unknown[] }).data);
  }
  return docs;
}

/** Deep copy of fixture documents, so a test may break one without affecting others. */
export const cloneDocuments = <T>(docs: T): T => structuredClone(docs);

export const tenantTables = [
  'organisations',
  'programmes',
  'syllabuses',
  'persons',
  'person_responsibles',
  'enrolments',
  'groups',
  'group_memberships',
  'duties',
  'duty_assignments',
  'activities',
  'activity_groups',
  'activity_teachers',
  'calendar_events',
  'attendances',
  'aggregated_attendances',
  'grades',
  'certificates',
] as const;

/** Every row of the tenant's data tables, in a stable order: for comparing two imports. */
export async function snapshotTables(db: DbOrTx, tenantId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tenantTables) {
    out[table] = await queryRows(db, sql`SELECT * FROM ${sql.raw(table)} t WHERE tenant_id = ${tenantId}::uuid ORDER BY t::text`);
  }
  return out;
}

/** Row counts of the tenant's data tables. */
export async function countRows(db: DbOrTx, tenantId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tenantTables) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE tenant_id = ${tenantId}::uuid`,
    );
    out[table] = row?.n ?? 0;
  }
  return out;
}

/** True when `path` is a directory. */
export const isDirectory = (path: string) => statSync(path).isDirectory();
/** Names in a directory, sorted. */
export const listDir = (path: string) => readdirSync(path).sort();
