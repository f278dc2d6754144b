/**
 * The recorded Kolada answer (assets/kolada-recorded-riket.json): Riket's N17461 as published, in Kolada API v3's
 * documented shape, loaded through the same client and store as a real fetch, so an installation without internet
 * (the demo) shows a last fetch and its date. Its fetch record names the file, and the page's source line then says
 * it is a recorded answer, not a Kolada fetch (kolada-store.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { koladaFetches } from '../../db/schema/index.ts';
import { recordedSourcePrefix, runKoladaFetch, type FetchSummary } from './kolada-store.ts';

export const recordedKoladaFile = fileURLToPath(new URL('../../../../assets/kolada-recorded-riket.json', import.meta.url));

/** Loads the recorded answer for `municipalities` and Riket, unless a fetch has been recorded before (null then). */
export async function loadRecordedKolada(db: DbOrTx, municipalities: readonly string[], now: () => Date): Promise<FetchSummary | null> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(koladaFetches);
  if (n > 0) return null;
  const text = await readFile(recordedKoladaFile, 'utf8');
  const years = Array.from({ length: 11 }, (_, i) => 2015 + i);
  return runKoladaFetch(db, {
    municipalities,
    years,
    now,
    source: `${recordedSourcePrefix}assets/kolada-recorded-riket.json`,
    options: {
      baseUrl: 'https://recorded.invalid',
      retries: 0,
      fetch: async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }),
    },
  });
}
