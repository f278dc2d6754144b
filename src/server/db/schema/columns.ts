/** Column helpers shared by every schema file. */
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** The organiser (huvudman) that owns a row: the first column of every tenant table's primary key. */
export const tenantId = () => uuid('tenant_id').notNull();

/** meta.modified of the SS 12000 document the row came from; an older document never overwrites a newer row. */
export const sourceModified = () => timestamp('source_modified', { withTimezone: true, mode: 'string' }).notNull();

/** When this platform last wrote the row. */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
