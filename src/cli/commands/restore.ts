import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkBackup, restoreFromFile } from '../../server/db/backup/restore.ts';
import { printResult, progress } from '../output.ts';
import { configuredTarget } from './backup.ts';

interface RestoreOptions {
  json?: boolean;
  check?: boolean;
}

/**
 * `fullfolj restore <file> [--check]`: restores a backup into the configured database, which must be empty
 * (PGlite: an absent or empty FULLFOLJ_DATA_DIR; PostgreSQL: a newly created database), verifies every table's row
 * count and the access log's checksum against the backup, then migrates to this release. `--check` only verifies
 * the file (format, length, checksum, version).
 */
export function registerRestore(program: Command): void {
  program
    .command('restore <file>')
    .description('Återställ en säkerhetskopia till en tom databas (restore a backup into an empty database)')
    .option('--check', 'kontrollera bara filen (only verify the file)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (file: string, opts: RestoreOptions) => {
      const path = resolve(file);
      if (opts.check) {
        const manifest = await checkBackup(path);
        const rows = Object.values(manifest.contents.tables).reduce((a, b) => a + b, 0);
        printResult(
          opts,
          {
            status: 'ok',
            file: path,
            engine: manifest.engine,
            createdAt: manifest.createdAt,
            schema: manifest.schema.last,
            rows,
            accessLog: manifest.contents.accessLog,
          },
          () =>
            `Säkerhetskopian är hel och läsbar: ${manifest.engine}, tagen ${manifest.createdAt}, ${rows} rader, schema ${manifest.schema.last ?? '–'}.`,
        );
        return;
      }
      const target = configuredTarget();
      progress(`Återställer ${path} till ${target.kind === 'pglite' ? target.dataDir : 'PostgreSQL-databasen'} …`);
      const result = await restoreFromFile(target, path);
      printResult(opts, { status: 'ok', file: path, ...result }, () =>
        [
          `Återställd och kontrollerad på ${result.seconds.toFixed(1)} s: ${result.tables} tabeller, ${result.rows} rader, åtkomstloggen ${result.accessLog.rows} rader (kontrollsumman stämmer).`,
          `  Schema: ${result.schemaBefore ?? '–'} → ${result.schemaAfter ?? '–'}`,
        ].join('\n'),
      );
    });
}
