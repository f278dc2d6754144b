/**
 * Test factories: typed, named changes to the fixtures' state (through Drizzle's schema), so a test says what it needs
 * instead of editing shared rows with SQL. One file per area.
 */
export * from './access-log.ts';
export * from './accounts.ts';
export * from './attendance.ts';
export * from './early-warning.ts';
export * from './imports.ts';
export * from './interventions.ts';
export * from './knowledge-bank.ts';
export * from './people.ts';
