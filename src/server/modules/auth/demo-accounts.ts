/**
 * Demo accounts: one per role, with scopes derived from the data in the database, so that the demo
 * region (or the importer fixtures) can be explored in every role. Idempotent.
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type DbOrTx } from '../../db/client.ts';
import { accounts, roleAssignments } from '../../db/schema/index.ts';
import { roles, type Role, type RoleDefinition } from '../../../shared/access/roles.ts';
import { hashPassword } from '../../platform/passwords.ts';

/** The one password of every demo account (printed by README and `npm start`); never for real data. */
export const demoPassword = 'fullfolj-demo';

/** Username of each role's demo account. */
export const demoUsernames: Record<Role, string> = {
  mentor: 'mentor',
  teacher: 'larare',
  kurator: 'kurator',
  skolskoterska: 'skolskoterska',
  specialpedagog: 'specialpedagog',
  psykolog: 'psykolog',
  syv: 'syv',
  rektor: 'rektor',
  analyst: 'analytiker',
  kaa: 'kaa',
  'region-coordinator': 'region',
  'steering-group': 'styrgrupp',
  editor: 'redaktor',
  admin: 'admin',
  dpo: 'dataskydd',
};

export interface DemoAccount {
  username: string;
  role: Role;
  tenantId: string;
  personId: string | null;
  unitIds: string[];
  municipalityCode: string | null;
  regionId: string | null;
}

interface ScopeData {
  personId: string | null;
  unitIds: string[];
  municipalityCode: string | null;
  regionId: string | null;
}

/**
 * Creates (or refreshes) the demo accounts in `tenantId`, by default the organiser with the most current
 * enrolments. A role whose scope finds no data (e.g. no mentor assignment) gets no account.
 */
export async function createDemoAccounts(
  database: Database,
  options: { tenantId?: string; usernamePrefix?: string; asOf?: string } = {},
): Promise<DemoAccount[]> {
  const { db } = database;
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const tenantId = options.tenantId ?? (await largestTenant(db, asOf));
  if (!tenantId) return [];
  const passwordHash = await hashPassword(demoPassword);
  const created: DemoAccount[] = [];
  await db.transaction(async (tx) => {
    for (const role of Object.keys(demoUsernames) as Role[]) {
      const scope = await scopeDataFor(tx, tenantId, role, asOf);
      if (!scope) continue;
      const username = `${options.usernamePrefix ?? ''}${demoUsernames[role]}`;
      const [account] = await tx
        .insert(accounts)
        .values({ username, displayName: `Demo: ${roles[role].label.sv}`, passwordHash })
        .onConflictDoUpdate({ target: accounts.username, set: { displayName: sql`excluded.display_name` } })
        .returning({ id: accounts.id });
      if (!account) continue;
      await tx.delete(roleAssignments).where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.accountId, account.id)));
      await tx.insert(roleAssignments).values({ tenantId, accountId: account.id, role, ...scope });
      created.push({ username, role, tenantId, ...scope });
    }
  });
  return created;
}

async function largestTenant(db: DbOrTx, asOf: string): Promise<string | undefined> {
  const [row] = await queryRows<{ tenant_id: string }>(
    db,
    sql`
    SELECT o.id AS tenant_id FROM organisers o
      LEFT JOIN enrolments e ON e.tenant_id = o.id AND e.start_date <= ${asOf}::date AND (e.end_date IS NULL OR e.end_date >= ${asOf}::date)
     GROUP BY o.id ORDER BY count(e.person_id) DESC, o.id LIMIT 1`,
  );
  return row?.tenant_id;
}

/** The scope data of `role` in the tenant, or null when the data offers none. */
async function scopeDataFor(db: DbOrTx, tenantId: string, role: Role, asOf: string): Promise<ScopeData | null> {
  const none: ScopeData = { personId: null, unitIds: [], municipalityCode: null, regionId: null };
  const definition: RoleDefinition = roles[role];
  if (definition.scope === 'mentor-groups') {
    const [row] = await queryRows<{ person_id: string }>(
      db,
      sql`
      SELECT d.person_id FROM duty_assignments da JOIN duties d ON d.tenant_id = da.tenant_id AND d.id = da.duty_id
       WHERE da.tenant_id = ${tenantId}::uuid AND da.assignment_role_type = 'Mentor'
         AND da.start_date <= ${asOf}::date AND (da.end_date IS NULL OR da.end_date >= ${asOf}::date)
         AND d.start_date <= ${asOf}::date AND (d.end_date IS NULL OR d.end_date >= ${asOf}::date)
       ORDER BY d.person_id LIMIT 1`,
    );
    return row ? { ...none, personId: row.person_id } : null;
  }
  if (definition.scope === 'teaching-groups') {
    const dutyRoles = sql.join(
      (definition.dutyRoles ?? []).map((r) => sql`${r}`),
      sql`, `,
    );
    const [row] = await queryRows<{ person_id: string }>(
      db,
      sql`
      SELECT d.person_id FROM activity_teachers at JOIN duties d ON d.tenant_id = at.tenant_id AND d.id = at.duty_id
       WHERE at.tenant_id = ${tenantId}::uuid AND d.duty_role IN (${dutyRoles})
       GROUP BY d.person_id ORDER BY count(*) DESC, d.person_id LIMIT 1`,
    );
    return row ? { ...none, personId: row.person_id } : null;
  }
  if (definition.scope === 'units') return { ...none, unitIds: await unitsFor(db, tenantId, definition.dutyRoles ?? [], asOf) };
  if (definition.scope === 'home-municipality') {
    const [row] = await queryRows<{ code: string }>(db, sql`SELECT municipality_code AS code FROM organisers WHERE id = ${tenantId}::uuid`);
    return { ...none, municipalityCode: row?.code ?? null };
  }
  if (definition.scope === 'region-aggregates') {
    // The smallest region the tenant's municipality lies in (a knowledge node before its county); none: no account.
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`
      SELECT r.id FROM organisers o JOIN region_municipalities rm ON rm.municipality_code = o.municipality_code
        JOIN regions r ON r.id = rm.region_id
       WHERE o.id = ${tenantId}::uuid ORDER BY (r.kind = 'sub-region') DESC, r.slug LIMIT 1`,
    );
    return row ? { ...none, regionId: row.id } : null;
  }
  return none;
}

/** The school units where someone holds one of `dutyRoles`; otherwise the tenant's unit with the most students. */
async function unitsFor(db: DbOrTx, tenantId: string, dutyRoles: readonly string[], asOf: string): Promise<string[]> {
  if (dutyRoles.length > 0) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      SELECT DISTINCT o.id FROM duties d JOIN organisations o ON o.tenant_id = d.tenant_id AND o.id = d.organisation_id
       WHERE d.tenant_id = ${tenantId}::uuid AND o.organisation_type = 'Skolenhet'
         AND d.duty_role IN (${sql.join(
           dutyRoles.map((r) => sql`${r}`),
           sql`, `,
         )}) ORDER BY o.id`,
    );
    if (rows.length > 0) return rows.map((r) => r.id);
  }
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`
    SELECT o.id FROM organisations o
      LEFT JOIN enrolments e ON e.tenant_id = o.tenant_id AND e.school_unit_id = o.id
       AND e.start_date <= ${asOf}::date AND (e.end_date IS NULL OR e.end_date >= ${asOf}::date)
     WHERE o.tenant_id = ${tenantId}::uuid AND o.organisation_type = 'Skolenhet'
     GROUP BY o.id ORDER BY count(e.person_id) DESC, o.id LIMIT 1`,
  );
  return row ? [row.id] : [];
}
