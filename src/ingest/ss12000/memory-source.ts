/** An in-memory source: documents already in hand (the demo-region generator, tests). */
import type { Endpoint } from './documents.ts';
import type { DeletedIds, Ss12000Source, SourcePage } from './source.ts';

/**
 * A source over arrays of documents per endpoint, cut into pages of `pageSize`.
 * Positions are the index of the next document, so a crashed run resumes after its last
 * committed page. `describe()` includes the document counts, so that a resumed run only
 * continues a run over the same data.
 */
export function memorySource(
  organiserDocuments: Partial<Record<Endpoint, unknown[]>>,
  pageSize = 1000,
  deleted: DeletedIds = {},
): Ss12000Source {
  const counts = Object.entries(organiserDocuments)
    .map(([e, docs]) => `${e}=${docs?.length ?? 0}`)
    .join(',');
  return {
    describe: () => `memory:${counts}`,
    async *pages(endpoint, resumeFrom, options): AsyncIterable<SourcePage> {
      const docs = organiserDocuments[endpoint] ?? [];
      const size = Math.max(1, options?.pageSize ?? pageSize);
      for (let start = resumeFrom ? Number(resumeFrom) : 0; start < docs.length; start += size) {
        const end = Math.min(start + size, docs.length);
        yield { documents: docs.slice(start, end), position: String(end), locate: (i) => `${endpoint}[${start + i}]` };
      }
    },
    deleted: async () => deleted,
  };
}
