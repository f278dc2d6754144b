/**
 * What the public read API shows of a knowledge-bank record: the content, never who submitted it (an account id),
 * its internal id, status or version. The description comes as Markdown and as safe HTML.
 */
import type { z } from 'zod';
import type { municipalitiesAnswer, recordAnswer, recordSummaryAnswer } from '../../../shared/knowledge-bank/public.ts';
import type { Evidence } from '../../db/schema/knowledge-bank.ts';
import { renderMarkdown } from './markdown.ts';
import type { KnowledgeRecord, MunicipalityCount, RecordWithLinks } from './search.ts';

/** A record in a list, as the contract has it (src/shared/knowledge-bank/public.ts). */
export type PublicRecordSummary = z.input<typeof recordSummaryAnswer>;
/** A whole record, as the contract has it. */
export type PublicRecord = z.input<typeof recordAnswer>;
type MunicipalityCountAnswer = z.input<typeof municipalitiesAnswer>['items'][number];

/** The public page of a record under `baseUrl` (scheme and host, no trailing slash). */
export const recordUrl = (baseUrl: string, slug: string) => `${baseUrl}/kunskapsbank/${encodeURIComponent(slug)}`;

/** A timestamp as RFC 3339 / ISO 8601 UTC (PostgreSQL's text form `2026-11-01 08:00:00+00` included). */
export function isoTime(value: string | null): string | null {
  if (!value) return null;
  const normalised = value.includes('T') ? value : value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const evidenceOf = (e: Evidence | null): Evidence | null => (e && typeof e === 'object' ? e : null);

/** A record in a list (search results, exports). */
export function presentSummary(record: KnowledgeRecord, baseUrl: string, names: Map<string, string>): PublicRecordSummary {
  return {
    slug: record.slug,
    kind: record.kind,
    name: { sv: record.nameSv, en: record.nameEn },
    summary: { sv: record.summarySv, en: record.summaryEn },
    url: recordUrl(baseUrl, record.slug),
    municipalities: record.municipalityCodes.map((code) => ({ code: code.trim(), name: names.get(code.trim()) ?? code.trim() })),
    places: record.places,
    organisation: record.organisation,
    focusAreas: record.focusAreas,
    ageGroups: record.ageGroups,
    preventionLevel: record.preventionLevel,
    evidence: evidenceOf(record.evidence),
    activityStatus: record.activityStatus,
    periodStart: record.periodStart,
    periodEnd: record.periodEnd,
    publishedAt: isoTime(record.publishedAt),
    lastReviewedOn: record.lastReviewedOn,
  };
}

/** A whole record (its page in the API). */
export function presentRecord(record: RecordWithLinks, baseUrl: string, names: Map<string, string>): PublicRecord {
  return {
    ...presentSummary(record, baseUrl, names),
    description: { markdown: record.descriptionSv, html: renderMarkdown(record.descriptionSv) },
    subChallenges: record.subChallenges,
    targetGroup: record.targetGroup,
    levels: record.levels,
    plugInFactors: record.plugInFactors,
    costPerParticipant: record.costPerParticipant,
    outcomesMeasured: record.outcomesMeasured,
    sources: record.sources,
    contact: record.contact,
    linked: record.linked.map((l) => ({ ...l, url: recordUrl(baseUrl, l.slug) })),
  };
}

/** A municipality's counts with its name. */
export function presentMunicipalityCount(count: MunicipalityCount, names: Map<string, string>): MunicipalityCountAnswer {
  return { ...count, name: names.get(count.code) ?? count.code };
}
