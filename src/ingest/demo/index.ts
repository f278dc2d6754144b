/**
 * The demo region: generated as SS 12000 documents and loaded through the importer, the only way in.
 * See docs/demo-region.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAfterWrite } from '../../server/db/analyze.ts';
import type { Database } from '../../server/db/client.ts';
import type { Endpoint } from '../ss12000/documents.ts';
import { importSs12000, memorySource } from '../ss12000/index.ts';
import { countDocuments, generateDemoRegion, type DemoOptions, type DemoRegion } from './generate.ts';

export { generateDemoRegion, countDocuments, type DemoRegion, type DemoOptions } from './generate.ts';
export { demoReport, targets, type Figure } from './report.ts';

export interface SeedSummary {
  organisers: number;
  schoolUnits: number;
  students: number;
  documents: number;
  durationMs: number;
}

/** Generates the region and imports each organiser; throws, naming the first errors, if any import fails. */
export async function seedDemoRegion(
  database: Database,
  options: DemoOptions & { onProgress?: (message: string) => void },
): Promise<SeedSummary> {
  const started = Date.now();
  const region = generateDemoRegion(options);
  options.onProgress?.(`genererade ${total(region)} SS 12000-dokument på ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [i, org] of region.organisers.entries()) {
    const report = await importSs12000(database, memorySource(org.documents, 5000), { analyze: false });
    if (report.status !== 'completed') {
      const first = report.errors
        .slice(0, 3)
        .map((e) => `${e.location} ${e.field}: ${e.reason}`)
        .join('; ');
      throw new Error(`Demoregionen kunde inte importeras för ${org.name}: ${first}`);
    }
    options.onProgress?.(`${i + 1}/${region.organisers.length} ${org.name} importerad (${(report.durationMs / 1000).toFixed(1)} s)`);
  }
  await analyzeAfterWrite(database.db); // once for the whole region, not once per organiser (src/server/db/analyze.ts)
  const persons = region.organisers.flatMap((o) => (o.documents.persons ?? []) as { enrolments?: unknown[] }[]);
  return {
    organisers: region.organisers.length,
    schoolUnits: region.organisers.reduce((n, o) => n + ((o.documents.organisations?.length ?? 1) - 1), 0),
    students: persons.filter((p) => p.enrolments?.length).length,
    documents: total(region),
    durationMs: Date.now() - started,
  };
}

const total = (region: DemoRegion) => Object.values(countDocuments(region)).reduce((a, b) => a + (b ?? 0), 0);

/** Writes the region in the importer's file layout: `<dir>/<organisation number>/<endpoint>/<NNNN>.json`. */
export function writeDemoRegion(dir: string, region: DemoRegion, pageSize = 5000): string[] {
  const folders: string[] = [];
  for (const org of region.organisers) {
    const folder = join(dir, org.organisationNumber);
    folders.push(folder);
    for (const [endpoint, docs] of Object.entries(org.documents) as [Endpoint, unknown[]][]) {
      mkdirSync(join(folder, endpoint), { recursive: true });
      for (let page = 0; page * pageSize < docs.length; page++) {
        const data = docs.slice(page * pageSize, (page + 1) * pageSize);
        writeFileSync(join(folder, endpoint, `${String(page + 1).padStart(4, '0')}.json`), JSON.stringify({ data, pageToken: null }));
      }
    }
  }
  return folders;
}
