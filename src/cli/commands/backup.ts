import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { backupToFile, type BackupTarget } from '../../server/db/backup/backup.ts';
import { readConfig } from '../../server/platform/config.ts';
import { printResult, progress } from '../output.ts';

interface BackupOptions {
  json?: boolean;
  out?: string;
  keep?: string;
}

/** The configured database as a backup/restore target. */
export function configuredTarget(): BackupTarget {
  const config = readConfig();
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}

/**
 * `fullfolj backup [--out dir|file] [--keep n]`: a consistent copy of the configured database in one file
 * (src/server/db/backup/). `--out` ending in `.backup` names the file; otherwise it is a folder (default
 * FULLFOLJ_BACKUP_DIR or ./backups, created when missing) and the file is named
 * `fullfolj-<UTC time>.backup`; `--keep n` then removes all but the n newest of those.
 */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Säkerhetskopiera databasen till en fil (back up the database to one file)')
    .option('--out <path>', 'mapp eller fil, annars FULLFOLJ_BACKUP_DIR eller ./backups (folder or file)')
    .option('--keep <n>', 'behåll bara de n senaste kopiorna i mappen (keep only the n newest backups in the folder)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: BackupOptions) => {
      const keep = opts.keep === undefined ? undefined : Number(opts.keep);
      if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
        throw new Error('--keep måste vara ett positivt heltal (a positive integer).');
      const target = configuredTarget();
      const out = resolve(opts.out ?? process.env.FULLFOLJ_BACKUP_DIR ?? './backups');
      // A path ending in .backup is the file; anything else is a folder (created when missing) that gets a dated name.
      const isDir = isDirectory(out) || !out.endsWith('.backup');
      if (isDir) mkdirSync(out, { recursive: true, mode: 0o700 });
      const file = isDir ? join(out, `fullfolj-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}Z.backup`) : out;
      progress(`Säkerhetskopierar ${target.kind === 'pglite' ? 'den inbyggda databasen' : 'PostgreSQL-databasen'} till ${file} …`);
      const result = await backupToFile(target, file);
      const removed = isDir && keep ? pruneBackups(out, keep) : [];
      const rows = Object.values(result.manifest.contents.tables).reduce((a, b) => a + b, 0);
      printResult(
        opts,
        {
          status: 'ok',
          file: result.file,
          bytes: result.bytes,
          seconds: result.seconds,
          engine: result.manifest.engine,
          ...(result.via ? { via: result.via } : {}),
          schema: result.manifest.schema.last,
          tables: Object.keys(result.manifest.contents.tables).length,
          rows,
          accessLog: result.manifest.contents.accessLog,
          sha256: result.manifest.payload.sha256,
          removed,
        },
        () =>
          [
            `Säkerhetskopian är klar: ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB, ${result.seconds.toFixed(1)} s)`,
            `  ${Object.keys(result.manifest.contents.tables).length} tabeller, ${rows} rader, åtkomstloggen ${result.manifest.contents.accessLog.rows} rader; schema ${result.manifest.schema.last ?? '–'}`,
            ...(removed.length ? [`  Äldre kopior borttagna: ${removed.length}`] : []),
          ].join('\n'),
      );
    });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Removes all but the `keep` newest `fullfolj-*.backup` files in `dir` (their names sort by time). */
function pruneBackups(dir: string, keep: number): string[] {
  const files = readdirSync(dir)
    .filter((f) => /^fullfolj-\d{8}T\d{6}Z\.backup$/.test(f))
    .sort()
    .reverse();
  const old = files.slice(keep).map((f) => join(dir, f));
  for (const f of old) rmSync(f);
  return old;
}
