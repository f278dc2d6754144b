/**
 * pg_dump and pg_restore from the machine: FULLFOLJ_PG_BINDIR when set, else the newest Debian/Ubuntu
 * /usr/lib/postgresql/<major>/bin that has the tool, else the tool on PATH. The password travels in PGPASSWORD,
 * never on the command line (where `ps` would show it).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The path of `tool`, as described above. */
export function pgTool(tool: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  if (env.FULLFOLJ_PG_BINDIR) return join(env.FULLFOLJ_PG_BINDIR, tool);
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const path = join(root, major, 'bin', tool);
    if (existsSync(path)) return path;
  }
  return tool;
}

/** The connection as libpq's arguments: the URL without its password, and the password for PGPASSWORD. */
export function libpqConnection(url: string): { dbname: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { dbname: u.toString(), password };
}

/** The major version a tool reports (`pg_dump (PostgreSQL) 15.14 …` → 15). */
export async function toolVersion(path: string): Promise<{ text: string; major: number }> {
  let text = '';
  await runTool(path, ['--version'], {}, { stdout: (s) => (text += s) });
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(text)?.[1] ?? /(\d+)\./.exec(text)?.[1] ?? 0);
  return { text: text.trim(), major };
}

export interface ToolStreams {
  stdin?: Readable;
  stdout?: Writable | ((chunk: string) => void);
}

/**
 * Runs a tool to its end. Its stderr is kept (the first 64 KB) for `classifyToolError` but never printed:
 * pg_restore quotes SQL and, on a failed COPY, rows.
 */
export function runTool(path: string, args: string[], env: NodeJS.ProcessEnv, streams: ToolStreams): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, {
      env: { ...process.env, ...env },
      stdio: [streams.stdin ? 'pipe' : 'ignore', streams.stdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 65536) stderr += d.toString('utf8');
    });
    if (streams.stdin && child.stdin) {
      child.stdin.on('error', () => undefined); // the tool may exit before reading everything; its exit code tells
      streams.stdin.pipe(child.stdin);
    }
    const out = streams.stdout;
    if (out && child.stdout) {
      if (typeof out === 'function') child.stdout.on('data', (d: Buffer) => out(d.toString('utf8')));
      else child.stdout.pipe(out);
    }
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new Error(
          e.code === 'ENOENT'
            ? `${path} finns inte: installera PostgreSQL-klienten eller sätt FULLFOLJ_PG_BINDIR (the PostgreSQL client tools are missing).`
            : `${path} kunde inte startas (${e.code ?? 'fel'}).`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.split('/').pop()} avbröt med kod ${code}: ${classifyToolError(stderr)}`));
    });
  });
}

/** A reason for a tool's failure in our words, without the SQL, names or values its own message may quote. */
export function classifyToolError(stderr: string): string {
  if (/already exists/i.test(stderr)) return 'något i måldatabasen finns redan (an object already exists in the target)';
  if (/permission denied|must be owner|must be superuser/i.test(stderr))
    return 'behörighet saknas: rollen måste få skapa tabeller och tillägg (permission denied)';
  if (/server version|unsupported version|aborting because of/i.test(stderr))
    return 'verktygets version passar inte servern (the tool and the server versions do not match)';
  if (/could not connect|connection to server|password authentication/i.test(stderr))
    return 'kunde inte ansluta till databasen (could not connect)';
  if (/input file|does not appear to be a valid archive|unexpected end of file/i.test(stderr))
    return 'arkivet går inte att läsa (the archive is unreadable)';
  return 'se PostgreSQL-serverns logg (see the server log); inga detaljer visas här';
}
