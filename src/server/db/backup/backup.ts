/**
 * `fullfolj backup`: a consistent copy of the configured database in one file (format.ts).
 * - PGlite: the data folder as tar.gz (`dumpDataDir`), from the running server through its socket or, when no
 *   server runs, by opening the folder; the copy is then loaded into a throwaway in-memory database and counted
 *   there, so the manifest describes exactly what the file holds and proves it loads.
 * - PostgreSQL: `pg_dump --format=custom --snapshot=<id>` inside a REPEATABLE READ transaction that exported the
 *   snapshot and counted the rows in it: the counts and the archive see the same instant.
 * Nothing is migrated: a backup taken before an upgrade is of the old schema.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Tx } from '../client.ts';
import { schemaVersion, type SchemaVersion } from '../schema-version.ts';
import { describeContents, type BackupContents } from './contents.ts';
import { encodeHeader, type BackupManifest } from './format.ts';
import { backupSocketPath, dumpOpenPglite, requestLiveDump } from './live-socket.ts';
import { libpqConnection, pgTool, runTool, toolVersion } from './pg-tools.ts';

/** The database to copy from, or to restore into. */
export type BackupTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
  /** How the embedded copy was taken: from the running server, or with the folder opened here. */
  via?: 'running-server' | 'data-folder';
  manifest: BackupManifest;
}

/** Writes a backup of `target` to `file` (mode 0600; first as `<file>.partial`, renamed when complete). */
export async function backupToFile(target: BackupTarget, file: string): Promise<BackupResult> {
  const started = Date.now();
  const partial = `${file}.partial`;
  try {
    const result = target.kind === 'pglite' ? await backupPglite(target.dataDir, partial) : await backupPostgres(target.url, partial);
    await rename(partial, file);
    const bytes = (await stat(file)).size;
    return { file, bytes, seconds: (Date.now() - started) / 1000, manifest: result.manifest, ...(result.via ? { via: result.via } : {}) };
  } finally {
    await rm(partial, { force: true });
    await rm(`${partial}.payload`, { force: true });
  }
}

async function backupPglite(dataDir: string, partial: string): Promise<{ manifest: BackupManifest; via: BackupResult['via'] }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(`Det finns ingen inbyggd databas i ${dataDir} (no embedded database in this folder).`);
  }
  const lockfile = await import('proper-lockfile');
  const locked = await lockfile.check(dataDir, { lockfilePath: join(dataDir, '.fullfolj.lock'), stale: 15_000 });
  let dump: Buffer;
  let via: BackupResult['via'];
  if (locked) {
    if (!existsSync(backupSocketPath(dataDir))) {
      throw new Error('Databasen används av en annan process utan säkerhetskopieringssocket: stoppa den först (the database is in use).');
    }
    dump = await requestLiveDump(dataDir);
    via = 'running-server';
  } else {
    const database = await openDatabase({ dataDir });
    try {
      dump = await dumpOpenPglite(database);
    } finally {
      await database.close();
    }
    via = 'data-folder';
  }
  // Load the copy on its own and count it there: the manifest then describes this very file.
  const copy = await openDatabase({ loadDataDir: new Blob([new Uint8Array(dump)]) });
  let schema: SchemaVersion;
  let contents: BackupContents;
  try {
    schema = await schemaVersion(copy.db);
    contents = await describeContents(copy.db);
  } finally {
    await copy.close();
  }
  const manifest = buildManifest('pglite', schema, contents, {
    kind: 'pglite-datadir-tar-gz',
    bytes: dump.length,
    sha256: createHash('sha256').update(dump).digest('hex'),
  });
  await writeWhole(partial, [encodeHeader(manifest), dump]);
  return { manifest, via };
}

async function backupPostgres(url: string, partial: string): Promise<{ manifest: BackupManifest; via?: BackupResult['via'] }> {
  const database = await openDatabase({ databaseUrl: url });
  const payloadFile = `${partial}.payload`;
  try {
    const dumpPath = pgTool('pg_dump');
    const tool = await toolVersion(dumpPath);
    let snapshotResult: { schema: SchemaVersion; contents: BackupContents; bytes: number; sha256: string } | undefined;
    await database.db.transaction(
      async (tx: Tx) => {
        const [server] = await queryRows<{ v: string }>(tx, sql`SELECT current_setting('server_version_num') AS v`);
        const serverMajor = Math.floor(Number(server?.v ?? 0) / 10000);
        if (tool.major < serverMajor) {
          throw new Error(
            `${dumpPath} är version ${tool.major} men servern ${serverMajor}: pg_dump måste vara minst lika ny som servern; sätt FULLFOLJ_PG_BINDIR (pg_dump is older than the server).`,
          );
        }
        const [snap] = await queryRows<{ id: string }>(tx, sql`SELECT pg_export_snapshot() AS id`);
        const schema = await schemaVersion(tx);
        const contents = await describeContents(tx);
        const hash = createHash('sha256');
        let bytes = 0;
        const out = createWriteStream(payloadFile, { mode: 0o600 });
        const counter = new Writable({
          write(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            bytes += chunk.length;
            out.write(chunk, done);
          },
          final(done) {
            out.end(done);
          },
        });
        const { dbname, password } = libpqConnection(url);
        // --format=custom: compressed, restorable selectively and in one transaction by pg_restore. --snapshot: the
        // transaction's snapshot, so the archive holds what was just counted. Ownership and grants are left to
        // pg_restore (--no-owner --no-privileges), so the archive restores under another role.
        await runTool(
          dumpPath,
          ['--format=custom', `--snapshot=${snap?.id ?? ''}`, `--dbname=${dbname}`],
          password ? { PGPASSWORD: password } : {},
          {
            stdout: counter,
          },
        );
        await new Promise<void>((resolve) => (counter.writableFinished ? resolve() : counter.once('finish', () => resolve())));
        snapshotResult = { schema, contents, bytes, sha256: hash.digest('hex') };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    if (!snapshotResult) throw new Error('pg_dump gav inget resultat (no result).');
    const manifest = buildManifest(
      'postgres',
      snapshotResult.schema,
      snapshotResult.contents,
      { kind: 'pg_dump-custom', bytes: snapshotResult.bytes, sha256: snapshotResult.sha256 },
      tool.text,
    );
    await writeWhole(partial, [encodeHeader(manifest)], payloadFile);
    return { manifest };
  } finally {
    await database.close();
  }
}

function buildManifest(
  engine: BackupManifest['engine'],
  schema: SchemaVersion,
  contents: BackupContents,
  payload: BackupManifest['payload'],
  tool?: string,
): BackupManifest {
  return {
    format: 'fullfolj-backup',
    formatVersion: 1,
    engine,
    createdAt: new Date().toISOString(),
    schema,
    payload,
    contents,
    ...(tool ? { tool } : {}),
  };
}

/** Writes buffers, then the contents of `tail` when given, to `file` (mode 0600: a backup is personal data). */
async function writeWhole(file: string, parts: Buffer[], tail?: string): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  for (const part of parts) await new Promise<void>((resolve, reject) => out.write(part, (e) => (e ? reject(e) : resolve())));
  if (tail) await pipeline(createReadStream(tail), out);
  else await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
