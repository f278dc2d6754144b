/**
 * Migrates the empty database at DATABASE_URL (a Citus coordinator: scripts/citus/cluster.sh) and distributes it
 * (scripts/citus/distribute.ts), so that `npm start` or `fullfolj seed` can run on it. `--json` prints what went where.
 * Not part of CI.
 */
import { openDatabase } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { distribute } from './distribute.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL saknas (DATABASE_URL is not set)');
const database = await openDatabase({ databaseUrl: url });
try {
  await migrateDatabase(database);
  const plan = await distribute(database.db, (m) => process.stderr.write(`${m}\n`));
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(plan)}\n`);
} finally {
  await database.close();
}
