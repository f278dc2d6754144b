/**
 * A consistent copy of the embedded database while the server runs. The running server holds the data folder's
 * lock, so `fullfolj backup` cannot open it; instead the server listens on a Unix socket beside the data folder,
 * `<data folder>.backup.sock` (mode 0600: only the account that runs the server may connect; not inside the folder,
 * whose every file the dump copies) and answers `dump` with PGlite's
 * `dumpDataDir` — taken after a CHECKPOINT, between two queries (PGlite runs one at a time).
 */
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { describeError } from '../../platform/error-kinds.ts';

/** The socket's path, beside the data folder. */
export function backupSocketPath(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.backup.sock`;
}

/** A dump of the open embedded database: CHECKPOINT, then the data folder as tar.gz. */
export async function dumpOpenPglite(database: Database): Promise<Buffer> {
  if (!database.dumpDataDir) throw new Error('Bara den inbyggda databasen kan dumpas så här (embedded database only).');
  await database.db.execute(sql`CHECKPOINT`);
  const blob = await database.dumpDataDir();
  return Buffer.from(await blob.arrayBuffer());
}

/**
 * Serves dumps on the socket until closed. The caller holds the folder's lock, so a socket file
 * left there by a process that was killed is stale and is replaced. Paths over the Unix limit (~107 bytes) get no
 * socket: then `fullfolj backup` needs the server stopped, and it says so.
 */
export async function serveBackupSocket(database: Database, dataDir: string): Promise<{ close(): Promise<void> } | null> {
  const path = backupSocketPath(dataDir);
  if (Buffer.byteLength(path) > 100) return null;
  if (existsSync(path)) rmSync(path);
  const server: Server = createServer((socket) => {
    socket.once('data', (data) => {
      if (data.toString('utf8').trim() !== 'dump') {
        socket.end('error\n');
        return;
      }
      dumpOpenPglite(database).then(
        (dump) => {
          socket.write(`ok ${dump.length}\n`);
          socket.end(dump);
        },
        (error: unknown) => {
          process.stderr.write(`${JSON.stringify({ msg: 'backup dump failed', err: describeError(error) })}\n`);
          socket.end('error\n');
        },
      );
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (existsSync(path)) rmSync(path, { force: true });
      }),
  };
}

/** Asks the server running on `dataDir` for a dump (see above). */
export function requestLiveDump(dataDir: string): Promise<Buffer> {
  const path = backupSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write('dump\n'));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () =>
      reject(
        new Error(
          'Databasen används av en körande server som inte svarar på säkerhetskopieringens socket: stoppa servern eller kontrollera att den kör samma version ' +
            '(the running server did not answer the backup socket).',
        ),
      ),
    );
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const nl = all.indexOf(0x0a);
      const head = nl < 0 ? '' : all.subarray(0, nl).toString('utf8');
      const match = /^ok (\d+)$/.exec(head);
      const body = all.subarray(nl + 1);
      if (!match) reject(new Error('Den körande servern kunde inte ta en kopia; se dess logg (the running server failed to dump).'));
      else if (body.length !== Number(match[1])) reject(new Error('Kopian från servern kom inte fram hel (the dump was cut short).'));
      else resolve(body);
    });
  });
}
