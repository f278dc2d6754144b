/** Reads of the access log, always within the reviewer's tenant, and the names its ids stand for. */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { AccessLogFilter } from '../../../shared/access-log/contract.ts';

export interface AccessLogRow extends Record<string, unknown> {
  id: number;
  /** ISO timestamp in UTC (`…Z`). */
  at: string;
  /** The same moment on the Swedish clock, `YYYY-MM-DD HH:MM:SS` (the CSV's). */
  local_at: string;
  account_id: string | null;
  username: string | null;
  display_name: string | null;
  role: string | null;
  unit: string | null;
  action: string;
  subject_ids: string[];
  purpose: string;
  outcome: 'allowed' | 'denied';
  request_id: string;
  ip: string | null;
  total: number;
}

/** The filter as SQL conditions on `l` (access_log); dates are whole days in Swedish time. */
function conditions(tenantId: string, f: Omit<AccessLogFilter, 'page' | 'pageSize'>): SQL {
  const parts: SQL[] = [sql`l.tenant_id = ${tenantId}::uuid`];
  if (f.accountId) parts.push(sql`l.account_id = ${f.accountId}::uuid`);
  if (f.username) parts.push(sql`l.account_id = (SELECT id FROM accounts WHERE username = ${f.username})`);
  if (f.subjectId) parts.push(sql`l.subject_ids @> ARRAY[${f.subjectId}::uuid]`);
  if (f.from) parts.push(sql`l.at >= (${f.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'`);
  if (f.to) parts.push(sql`l.at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'`);
  if (f.action) parts.push(sql`l.action = ${f.action}`);
  if (f.outcome) parts.push(sql`l.outcome = ${f.outcome}`);
  return sql.join(parts, sql` AND `);
}

/** Access-log rows, newest first: one page, or up to `limit` rows for an export. */
export function listAccessLog(db: DbOrTx, tenantId: string, f: AccessLogFilter, limit?: number): Promise<AccessLogRow[]> {
  const take = limit ?? f.pageSize;
  const skip = limit ? 0 : (f.page - 1) * f.pageSize;
  return queryRows<AccessLogRow>(
    db,
    sql`
    SELECT l.id, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
           to_char(l.at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI:SS') AS local_at, l.account_id, a.username,
           a.display_name, l.role, l.unit, l.action, l.subject_ids::text[] AS subject_ids, l.purpose, l.outcome, l.request_id, l.ip,
           count(*) OVER ()::int AS total
      FROM access_log l LEFT JOIN accounts a ON a.id = l.account_id
     WHERE ${conditions(tenantId, f)}
     ORDER BY l.at DESC, l.id DESC
     LIMIT ${take} OFFSET ${skip}`,
  );
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of a comma-separated column (`unit`), uuid-shaped ones only. */
export const idsOf = (list: string | null): string[] => (list ? list.split(',').filter((id) => uuidShape.test(id)) : []);

/** Names of the tenant's persons by id ("Alva Testsson"); ids of other organisers are simply absent. */
export async function personNames(db: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`
    SELECT id, concat_ws(' ', given_name, family_name) AS name
      FROM persons WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${`{${unique.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of the tenant's organisation units (school units) by id. */
export async function unitNames(db: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`
    SELECT id, display_name AS name
      FROM organisations WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${`{${unique.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Persons of the tenant with this civic number (normally one). */
export function personsByCivicNo(db: DbOrTx, tenantId: string, civicNo: string) {
  return queryRows<{ id: string; given_name: string; family_name: string }>(
    db,
    sql`
    SELECT id, given_name, family_name FROM persons WHERE tenant_id = ${tenantId}::uuid AND civic_no = ${civicNo}
    UNION ALL
    -- A young person the municipality knows only from its KAA register or population file (never a student here).
    SELECT k.id, k.given_name, k.family_name FROM (
      SELECT y.id, y.given_name, y.family_name FROM kaa_youth y WHERE y.tenant_id = ${tenantId}::uuid AND y.civic_no = ${civicNo}
      UNION ALL
      SELECT pop.id, pop.given_name, pop.family_name FROM kaa_population pop
       WHERE pop.tenant_id = ${tenantId}::uuid AND pop.civic_no = ${civicNo}
         AND NOT EXISTS (SELECT 1 FROM kaa_youth y WHERE y.tenant_id = pop.tenant_id AND y.civic_no = pop.civic_no)) k
     WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.tenant_id = ${tenantId}::uuid AND p.civic_no = ${civicNo})
    ORDER BY id`,
  );
}
