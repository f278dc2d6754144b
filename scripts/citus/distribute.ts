/**
 * Makes a migrated Fullfölj database on a Citus coordinator a distributed one (issue #17, item 6; scripts/citus/README.md):
 * every table whose primary key starts with `tenant_id` is distributed by `tenant_id` (all colocated, so a tenant's rows
 * of every table live on the same node and a tenant's joins never leave it); every other table — the tenant-free
 * catalogues (municipalities, organisers, regions, the knowledge bank, Kolada) and the installation's own (accounts,
 * sessions, job runs, events) — becomes a reference table, copied to every node, so tenant queries may join it.
 * The tables are read from the catalogue, not listed by hand, so a new migration's table is classified the same way.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/server/db/client.ts';

export interface Distribution {
  distributed: string[];
  reference: string[];
}

/** The public tables, split by whether their primary key starts with `tenant_id`, references in foreign-key order. */
export async function classifyTables(db: Db): Promise<Distribution> {
  const tables = await queryRows<{ name: string; tenant_first: boolean }>(
    db,
    sql`SELECT c.relname AS name,
               coalesce((SELECT a.attname = 'tenant_id' FROM pg_index i
                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                          WHERE i.indrelid = c.oid AND i.indisprimary), false) AS tenant_first
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY 1`,
  );
  const references = await queryRows<{ src: string; dst: string }>(
    db,
    sql`SELECT conrelid::regclass::text AS src, confrelid::regclass::text AS dst
          FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid`,
  );
  const distributed = tables.filter((t) => t.tenant_first).map((t) => t.name);
  // A reference table may only point at reference tables made before it: order them so every target comes first.
  const pending = new Set(tables.filter((t) => !t.tenant_first).map((t) => t.name));
  const reference: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !references.some((r) => r.src === t && pending.has(r.dst)));
    if (ready.length === 0) throw new Error(`Cirkulära främmande nycklar mellan ${[...pending].join(', ')}`);
    for (const t of ready.sort()) {
      reference.push(t);
      pending.delete(t);
    }
  }
  return { distributed, reference };
}

/** Turns the coordinator's local tables into reference and distributed tables; returns what went where. */
export async function distribute(db: Db, log: (message: string) => void = () => {}): Promise<Distribution> {
  const plan = await classifyTables(db);
  for (const table of plan.reference) {
    await db.execute(sql`SELECT create_reference_table(${table})`);
  }
  log(`${plan.reference.length} referenstabeller (reference tables)`);
  for (const table of plan.distributed) {
    await db.execute(sql`SELECT create_distributed_table(${table}, 'tenant_id', colocate_with => 'default')`);
  }
  log(`${plan.distributed.length} tabeller fördelade på tenant_id (distributed by tenant_id)`);
  // The data-version triggers in the form a shard can run (data-versions.sql).
  await db.execute(sql.raw(readFileSync(new URL('./data-versions.sql', import.meta.url), 'utf8')));
  log('dataversionernas triggrar för klustret (the data-version triggers for the cluster)');
  return plan;
}
