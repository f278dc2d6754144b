import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { kommun, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRisk } from '../../../../test/support/factories/index.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { studentRisk } from '../../db/schema/index.ts';
import { overviewCounts } from './overview-counts.ts';
import type { OverviewRows } from './queries.ts';
import { refreshTenant } from './refresh.ts';
import { loadScenario, scenarioDate } from './test-scenario.ts';

/** The overview's counts as five statements computed them before they became one (the oracle). */
async function fiveStatements(db: DbOrTx, tenantId: string, where: SQL): Promise<OverviewRows> {
  const base = sql`r.tenant_id = ${tenantId}::uuid AND ${where}`;
  const tiers = await queryRows<OverviewRows['tiers'][number]>(
    db,
    sql`SELECT r.school_unit_id, o.display_name AS school_unit_name, r.tier, count(*)::int AS n
          FROM student_risk r LEFT JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.school_unit_id
         WHERE ${base} GROUP BY 1, 2, 3 ORDER BY 2, 3`,
  );
  const indicators = await queryRows<OverviewRows['indicators'][number]>(
    db,
    sql`SELECT e.indicator, count(DISTINCT e.student_id)::int AS n
          FROM indicator_episodes e JOIN student_risk r ON r.tenant_id = e.tenant_id AND r.student_id = e.student_id
         WHERE ${base} AND e.status = 'active' GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const years = await queryRows<OverviewRows['years'][number]>(
    db,
    sql`SELECT r.school_type, r.school_year, r.tier, count(*)::int AS n FROM student_risk r WHERE ${base} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  const programmes = await queryRows<OverviewRows['programmes'][number]>(
    db,
    sql`SELECT r.programme_code, r.tier, count(*)::int AS n,
               (SELECT min(pr.name) FROM programmes pr WHERE pr.tenant_id = ${tenantId}::uuid AND pr.code = r.programme_code) AS programme_name
          FROM student_risk r WHERE ${base} AND r.school_type = 'GY' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const [asOf] = await queryRows<{ as_of: string | null }>(db, sql`SELECT max(r.as_of)::text AS as_of FROM student_risk r WHERE ${base}`);
  return { tiers, indicators, years, programmes, asOf: asOf?.as_of ?? null };
}

const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const units = ['a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003'];
// Beside the scenario's students: GR years and GY programmes over two units and three tiers, a programme the
// records do not name, and a student with no school year.
for (let i = 0; i < 23; i++) {
  const studentId = await addRisk(database.db, {
    tenantId: kommun,
    asOf: scenarioDate,
    schoolUnitId: units[i % 2]!,
    schoolType: i % 3 === 0 ? 'GR' : 'GY',
    schoolYear: i % 7 === 0 ? null : 7 + (i % 3),
    tier: 1 + (i % 3),
  });
  if (i % 3 !== 0)
    await database.db
      .update(studentRisk)
      .set({ programmeCode: i % 4 === 0 ? 'XX' : i % 2 ? 'NA' : null })
      .where(and(eq(studentRisk.tenantId, kommun), eq(studentRisk.studentId, studentId)));
}

test('the overview in one statement counts exactly as the five statements did: all units, some units, one type, none', async () => {
  const scopes = [
    sql`true`,
    sql`r.school_unit_id IN (${units[0]}::uuid)`,
    sql`r.school_type = 'GR'`,
    sql`r.student_id = ${students.alva}::uuid`,
    sql`false`,
  ];
  for (const where of scopes) {
    const expected = await fiveStatements(database.db, kommun, where);
    assert.deepEqual(await overviewCounts(database.db, kommun, where), expected);
  }
  const all = await overviewCounts(database.db, kommun, sql`true`);
  assert.ok(all.tiers.length >= 4 && all.years.length >= 4 && all.programmes.length >= 3 && all.indicators.length >= 1);
  assert.equal(all.asOf, scenarioDate);
  assert.deepEqual(await overviewCounts(database.db, kommun, sql`false`), {
    tiers: [],
    indicators: [],
    years: [],
    programmes: [],
    asOf: null,
  });
});
