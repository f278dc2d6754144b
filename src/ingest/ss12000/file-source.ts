/**
 * A directory holding one organiser's documents: `<dir>/<endpoint>.json` and/or
 * `<dir>/<endpoint>/<anything>.json`, each file one page in the API's envelope, read in name
 * order, one file at a time; plus an optional `<dir>/deletedEntities.json`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Endpoint } from './documents.ts';
import { parseDeletedEntities, parseEnvelope } from './envelope.ts';
import { collectDeleted, type DeletedIds, type Ss12000Source, type SourcePage } from './source.ts';

/** The page files of `endpoint` in `dir`, relative to it, in reading order. */
export function endpointFiles(dir: string, endpoint: string): string[] {
  const files: string[] = [];
  if (existsSync(join(dir, `${endpoint}.json`))) files.push(`${endpoint}.json`);
  const folder = join(dir, endpoint);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    const names = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
    files.push(...names.map((f) => `${endpoint}/${f}`));
  }
  return files;
}

/** True when `dir` holds one organiser (it has organisations.json or organisations/). */
export function isOrganiserDirectory(dir: string): boolean {
  return endpointFiles(dir, 'organisations').length > 0;
}

/** Files source over `dir`. Positions are `<file>#<next index>`. */
export function fileSource(dir: string): Ss12000Source {
  const root = resolve(dir);
  return {
    describe: () => `files:${root}`,
    async *pages(endpoint: Endpoint, resumeFrom?: string, options?: { pageSize?: number }): AsyncIterable<SourcePage> {
      const files = endpointFiles(root, endpoint);
      const [resumeFile, resumeIndex] = resumeFrom
        ? [resumeFrom.slice(0, resumeFrom.lastIndexOf('#')), Number(resumeFrom.slice(resumeFrom.lastIndexOf('#') + 1))]
        : [];
      let skipping = resumeFile !== undefined;
      for (const file of files) {
        let from = 0;
        if (skipping) {
          if (file !== resumeFile) continue;
          skipping = false;
          from = resumeIndex ?? 0;
          if (Number.isNaN(from)) continue; // `#end`: the file was unreadable and has been reported
        }
        let data: unknown[];
        try {
          data = parseEnvelope(await readFile(join(root, file), 'utf8')).data;
        } catch (err) {
          const reason = `filen ${(err as Error).message}`;
          yield { documents: [], position: `${file}#end`, locate: () => file, unreadable: { location: file, reason } };
          continue;
        }
        const size = Math.max(1, options?.pageSize ?? (data.length || 1));
        for (let start = from; start < data.length; start += size) {
          const end = Math.min(start + size, data.length);
          // Positions after the file's last page point past its end: resuming skips to the next file.
          yield { documents: data.slice(start, end), position: `${file}#${end}`, locate: (i) => `${file}[${start + i}]` };
        }
      }
    },
    async deleted(): Promise<DeletedIds> {
      const file = join(root, 'deletedEntities.json');
      if (!existsSync(file)) return {};
      return collectDeleted({}, parseDeletedEntities(await readFile(file, 'utf8')).data);
    },
  };
}
