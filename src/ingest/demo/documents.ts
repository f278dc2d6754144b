/** Per-organiser document collections and the shared meta block. */
import type { Endpoint } from '../ss12000/documents.ts';

export type DocumentSet = Partial<Record<Endpoint, unknown[]>>;

/** Collects documents per organiser id and endpoint. */
export class DocumentSets {
  readonly byOrganiser = new Map<string, DocumentSet>();
  add(organiserId: string, endpoint: Endpoint, doc: unknown): void {
    let set = this.byOrganiser.get(organiserId);
    if (!set) this.byOrganiser.set(organiserId, (set = {}));
    (set[endpoint] ??= []).push(doc);
  }
}

/** meta.created / meta.modified: fixed by `today`, so that the same inputs give the same documents. */
export function metaFor(today: string) {
  return { created: '2020-08-01T06:00:00Z', modified: `${today}T05:00:00Z` };
}
