/**
 * The KAA register: a young person leaves the municipality's activity responsibility at 20 (skollagen 29 kap. 9 §);
 * the cutoff counts from that birthday. Everything under the young person goes, with the population rows of people
 * past it. A notice not matched to anyone (or sent by a school) carries no birth date: it concerned someone of 16–19,
 * so four years after its event the person is past 20.
 */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

const youthTables = [
  'kaa_registrations',
  'kaa_dismissals',
  'kaa_completions',
  'kaa_contacts',
  'kaa_occupations',
  'kaa_plans',
  'kaa_measures',
];

export const kaaRegisterRule: RuleSql = {
  targets(tenantId, cutoff) {
    const past20 = sql`${ofTenant(tenantId)} AND birth_date + interval '20 years' < ${cutoff}::date`;
    const gone = sql`SELECT y.id FROM kaa_youth y WHERE y.tenant_id = ${tenantId}::uuid AND y.birth_date + interval '20 years' < ${cutoff}::date
      AND NOT EXISTS (SELECT 1 FROM kaa_registrations r WHERE r.tenant_id = y.tenant_id AND r.youth_id = y.id AND r.deregistered_on IS NULL)`;
    return [
      ...youthTables.map((table) => ({ table, where: sql`${ofTenant(tenantId)} AND youth_id IN (${gone})` })),
      {
        table: 'kaa_notices',
        where: sql`${ofTenant(tenantId)} AND (youth_id IN (${gone}) OR (youth_id IS NULL AND event_date < ${cutoff}::date - interval '4 years'))`,
      },
      { table: 'kaa_youth', where: sql`${ofTenant(tenantId)} AND id IN (${gone})` },
      { table: 'kaa_population', where: past20 },
    ];
  },
};
