/** Counts that describe what a database holds, for start-up output and the health check. */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';

export interface DatabaseSummary {
  organisers: number;
  schoolUnits: number;
  /** Persons with an enrolment (every tenant: the same person at two organisers counts twice). */
  students: number;
}

/** Aggregate counts only: no personal data. */
export async function summarizeDatabase(db: DbOrTx): Promise<DatabaseSummary> {
  const [row] = await queryRows<{ organisers: number; school_units: number; students: number }>(
    db,
    sql`
    SELECT (SELECT count(*)::int FROM organisers) AS organisers,
           (SELECT count(*)::int FROM organisations WHERE organisation_type = 'Skolenhet') AS school_units,
           (SELECT count(*)::int FROM (SELECT DISTINCT tenant_id, person_id FROM enrolments) e) AS students`,
  );
  return { organisers: row?.organisers ?? 0, schoolUnits: row?.school_units ?? 0, students: row?.students ?? 0 };
}
