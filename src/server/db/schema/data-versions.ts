/**
 * Each organiser's data version: a stamp the database renews, at commit, in every transaction that changed one of the
 * tables a scoped student read depends on (who the students are, where they are enrolled, their groups and teachers,
 * the units' names). A server process keeps a read's answer beside the stamp it was read at, and serves it again only
 * while the stamp is unchanged (platform/read-cache.ts, docs/scaling.md *Reads answered from memory*). The triggers
 * that keep it are in the migrations, so no writer, present or future, can forget them: the tables a page takes its
 * scope from read the organisers from the written rows (0027); the early-detection refresh's own tables note the
 * organiser their writer names, or every organiser when none is named (0029, data-versions.ts `nameWriter`).
 */
import { bigint, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from './columns.ts';

/** The organiser's current stamp: random, so that a database restored from a backup can never repeat a newer one. */
export const dataVersions = pgTable('data_versions', {
  tenantId: tenantId().primaryKey(),
  stamp: uuid('stamp').notNull(),
});

/** The organisers a transaction has changed so far; emptied by the same transaction at its commit. */
export const dataVersionsPending = pgTable(
  'data_versions_pending',
  {
    tenantId: tenantId(),
    transactionId: bigint('transaction_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.transactionId] })],
);
