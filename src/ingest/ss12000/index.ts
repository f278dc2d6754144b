/** The SS 12000 v2.1 importer: the one way data comes into Fullfölj (docs/ss12000.md). */
export { importSs12000, type ImportOptions, type ImportProgress, type ImportReport } from './import-ss12000.ts';
export { memorySource } from './memory-source.ts';
export { fileSource, isOrganiserDirectory } from './file-source.ts';
export { apiSource, type ApiSourceOptions } from './api-source.ts';
export type { Ss12000Source, SourcePage, PageOptions, DeletedIds } from './source.ts';
export type { EndpointCounts } from './import-runs.ts';
export type { ImportError } from './validate-page.ts';
export { importOrder, type Endpoint } from './documents.ts';
export type * from './documents.ts';
