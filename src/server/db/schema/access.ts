/**
 * Sign-in, roles and the access log. `accounts` and `sessions` are tenant-free (sign-in happens before a
 * tenant is known; on Citus they are reference tables); role assignments and the access log belong to a tenant.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, char, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from './columns.ts';

/** A sign-in identity: local (username + argon2id hash) and/or OpenID Connect (issuer + subject). */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string; null for accounts that only sign in through OpenID Connect. */
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [unique('accounts_oidc_identity_key').on(t.oidcIssuer, t.oidcSubject)],
);

/** A signed-in browser. `id` is sha256(token): the token itself lives only in the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: char('id', { length: 64 }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** Absolute expiry, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * A role an account holds at one organiser, with the data its scope needs: `personId` (the staff
 * member's SS 12000 person, for mentor and teacher scopes), `unitIds` (unit scopes), `municipalityCode` (KAA), `regionId` (region roles).
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    /** No foreign key: accounts are a reference table on Citus, and the key would cross node types. */
    accountId: uuid('account_id').notNull(),
    /** A key of src/shared/access/roles.ts. */
    role: text('role').notNull(),
    personId: uuid('person_id'),
    unitIds: uuid('unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    municipalityCode: char('municipality_code', { length: 4 }),
    /** The region of a region-aggregates role (docs/region.md); no foreign key: regions are reference data. */
    regionId: uuid('region_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('role_assignments_account_idx').on(t.accountId)],
);

/** The nil uuid: the tenant of access-log events that concern no organiser's data (e.g. a failed sign-in). */
export const noTenant = '00000000-0000-0000-0000-000000000000';

/**
 * Who read or was refused what, when and why. Append-only: a migration's triggers raise on
 * UPDATE, DELETE and TRUNCATE. `tenantId` is the organiser whose data was read.
 */
export const accessLog = pgTable(
  'access_log',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    requestId: text('request_id').notNull(),
    accountId: uuid('account_id'),
    /** The roles the actor acted in, comma-separated. */
    role: text('role'),
    /** The school units of those roles, comma-separated ids. */
    unit: text('unit'),
    action: text('action').notNull(),
    subjectIds: uuid('subject_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    purpose: text('purpose').notNull(),
    outcome: text('outcome', { enum: ['allowed', 'denied'] }).notNull(),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('access_log_account_idx').on(t.tenantId, t.accountId, t.at),
    index('access_log_subjects_idx').using('gin', t.subjectIds),
  ],
);
