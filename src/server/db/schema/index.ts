/** The whole database schema; drizzle-kit generates the one migration set from here. */
export * from './reference.ts';
export * from './organisation.ts';
export * from './people.ts';
export * from './teaching.ts';
export * from './attendance.ts';
export * from './grades.ts';
export * from './imports.ts';
export * from './access.ts';
export * from './early-warning.ts';
export * from './knowledge-bank.ts';
export * from './interventions.ts';
export * from './sign-in-throttle.ts';
export * from './register-extract.ts';
export * from './follow-up.ts';
export * from './kaa.ts';
