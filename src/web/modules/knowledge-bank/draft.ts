/**
 * The submit form's state (strings, as typed) and the content it sends: empty fields become null or are left out,
 * numbers are parsed (a value that is no number is sent as typed, so the server names the field).
 */
import type { z } from 'zod';
import type { RecordContent } from '../../../shared/knowledge-bank/answers.ts';
import type { submissionContent } from '../../../shared/knowledge-bank/content.ts';

export interface Draft {
  kind: 'example' | 'method';
  nameSv: string;
  nameEn: string;
  summarySv: string;
  summaryEn: string;
  descriptionSv: string;
  /** SCB codes, chosen by name. */
  municipalityCodes: string[];
  places: { name: string; lat: string; lon: string }[];
  organisation: string;
  focusAreas: string[];
  subChallenges: string;
  ageGroups: string[];
  targetGroup: string;
  preventionLevel: string;
  levels: string[];
  plugInFactors: string;
  periodStart: string;
  periodEnd: string;
  activityStatus: string;
  costPerParticipant: string;
  outcomesMeasured: string;
  evidence: { rating: string; source: string; url: string; tier: string };
  sources: { title: string; url: string }[];
  contact: { name: string; organisation: string; email: string; phone: string; url: string };
  methodIds: string[];
}

export const emptyDraft: Draft = {
  kind: 'example',
  nameSv: '',
  nameEn: '',
  summarySv: '',
  summaryEn: '',
  descriptionSv: '',
  municipalityCodes: [],
  places: [],
  organisation: '',
  focusAreas: [],
  subChallenges: '',
  ageGroups: [],
  targetGroup: '',
  preventionLevel: '',
  levels: [],
  plugInFactors: '',
  periodStart: '',
  periodEnd: '',
  activityStatus: '',
  costPerParticipant: '',
  outcomesMeasured: '',
  evidence: { rating: '', source: '', url: '', tier: '' },
  sources: [{ title: '', url: '' }],
  contact: { name: '', organisation: '', email: '', phone: '', url: '' },
  methodIds: [],
};

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The form's state for stored content (an edit's start, or an earlier suggestion sent again). */
export function draftOf(c: RecordContent): Draft {
  return {
    kind: c.kind,
    nameSv: c.nameSv,
    nameEn: c.nameEn,
    summarySv: c.summarySv,
    summaryEn: c.summaryEn,
    descriptionSv: c.descriptionSv,
    municipalityCodes: c.municipalityCodes.map((x) => x.trim()),
    places: c.places.map((p) => ({ name: p.name, lat: str(p.lat), lon: str(p.lon) })),
    organisation: str(c.organisation),
    focusAreas: c.focusAreas,
    subChallenges: c.subChallenges.join('\n'),
    ageGroups: c.ageGroups,
    targetGroup: str(c.targetGroup),
    preventionLevel: str(c.preventionLevel),
    levels: c.levels,
    plugInFactors: c.plugInFactors.join('\n'),
    periodStart: str(c.periodStart),
    periodEnd: str(c.periodEnd),
    activityStatus: str(c.activityStatus),
    costPerParticipant: str(c.costPerParticipant),
    outcomesMeasured: str(c.outcomesMeasured),
    evidence: { rating: str(c.evidence?.rating), source: str(c.evidence?.source), url: str(c.evidence?.url), tier: str(c.evidence?.tier) },
    sources: c.sources.length ? c.sources.map((s) => ({ ...s })) : [{ title: '', url: '' }],
    contact: {
      name: str(c.contact?.name),
      organisation: str(c.contact?.organisation),
      email: str(c.contact?.email),
      phone: str(c.contact?.phone),
      url: str(c.contact?.url),
    },
    methodIds: c.methodIds,
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);
const lines = (v: string) =>
  v
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
/** A number when the text is one (a decimal comma allowed), else the text itself for the server to refuse by name. */
const num = (v: string): number | string => {
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
};
/** The object without its empty values, or null when nothing is left. */
function compact<T extends Record<string, string>>(o: T): Partial<T> | null {
  const kept = Object.fromEntries(
    Object.entries(o)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v),
  ) as Partial<T>;
  return Object.keys(kept).length ? kept : null;
}

/** The submission's content as the contract takes it. */
export type ContentInput = z.input<typeof submissionContent>;

/**
 * The content the form sends. A number field that holds no number is sent as typed, so that the server names it
 * («Latitud för plats 1: ska vara ett tal.»): hence the cast.
 */
export function contentOf(d: Draft): ContentInput {
  return {
    kind: d.kind,
    nameSv: d.nameSv,
    nameEn: d.nameEn,
    summarySv: d.summarySv,
    summaryEn: d.summaryEn,
    descriptionSv: d.descriptionSv,
    municipalityCodes: d.municipalityCodes,
    places: d.places.map((p) => ({ name: p.name, lat: num(p.lat), lon: num(p.lon) })),
    organisation: orNull(d.organisation),
    focusAreas: d.focusAreas,
    subChallenges: lines(d.subChallenges),
    ageGroups: d.ageGroups,
    targetGroup: orNull(d.targetGroup),
    preventionLevel: orNull(d.preventionLevel),
    levels: d.levels,
    plugInFactors: lines(d.plugInFactors),
    periodStart: orNull(d.periodStart),
    periodEnd: orNull(d.periodEnd),
    activityStatus: orNull(d.activityStatus),
    costPerParticipant: d.costPerParticipant.trim() ? num(d.costPerParticipant) : null,
    outcomesMeasured: orNull(d.outcomesMeasured),
    evidence: compact(d.evidence),
    sources: d.sources.filter((s) => s.title.trim() || s.url.trim()),
    contact: compact(d.contact),
    methodIds: d.kind === 'example' ? d.methodIds : [],
  } as ContentInput;
}
