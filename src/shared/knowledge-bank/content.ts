/**
 * A submission's content (a proposed knowledge-bank record, or the whole new text of an edit), as the form sends it:
 * the record's fields in camelCase, checked field by field. The server adds the checks that need the database and the
 * map (known municipalities, published methods, places inside the record's municipalities: validation.ts). Texts come
 * from the shared input blocks (src/shared/input): trimmed, no control characters, one line unless the form has a
 * text area, each with its maximum (docs/knowledge-bank.md, "Input limits"); dates exist (1900–2100). Every message of
 * the module's own checks is given in Swedish and English (`params.text`), so a 400 names the field by its label.
 */
import { z } from 'zod';
import type { Label } from '../contract/endpoint.ts';
import { calendarDate, line, optionalLine, optionalParagraph, paragraph, safeText } from '../input/index.ts';
import { activityStatuses, ageGroups, focusAreas, preventionLevels, recordKinds, swedenBox, workLevels } from './vocabulary.ts';

/** A refinement's message in both languages (the Swedish one is zod's own message too). */
const says = (text: Label) => ({ message: text.sv, params: { text } });

/** One line of `min`–`max` characters. */
const text = (min: number, max: number) => safeText({ min, max });
/** One line (or several, `multiline`) that may be absent or blank: null. */
const optionalText = (max: number, multiline = false) =>
  (multiline ? optionalParagraph(max) : optionalLine(max)).nullish().transform((v) => (v ? v : null));
/** An empty or blank form field counts as not given. */
const blankAsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema);
const blankAsUndefined = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .default([])
    .refine(
      (a) => new Set(a).size === a.length,
      says({ sv: 'får inte innehålla samma val två gånger', en: 'must not hold the same choice twice' }),
    );

/** Only http(s) addresses: no javascript:, data: or relative links. */
export const httpUrl = line(2000).refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
    } catch {
      return false;
    }
  },
  says({
    sv: 'måste vara en webbadress som börjar med http:// eller https://',
    en: 'must be a web address starting with http:// or https://',
  }),
);

const inSweden = says({ sv: 'måste ligga inom Sverige', en: 'must lie within Sweden' });
const place = z.strictObject({
  name: line(200),
  lat: z.number().refine((v) => v >= swedenBox.latMin && v <= swedenBox.latMax, inSweden),
  lon: z.number().refine((v) => v >= swedenBox.lonMin && v <= swedenBox.lonMax, inSweden),
});

const municipalityCode = z.string().refine((v) => /^\d{4}$/.test(v), says({ sv: 'är ingen kommun', en: 'is not a municipality' }));
const phone = z
  .string()
  .trim()
  .refine((v) => /^\+?[0-9 ()-]{5,20}$/.test(v), says({ sv: 'måste vara ett telefonnummer', en: 'must be a phone number' }));

/** The content of a submission, as the form sends it; the names are the record's (knowledge_records) in camelCase. */
export const submissionContent = z
  .strictObject({
    kind: z.enum(recordKinds),
    nameSv: text(3, 200),
    nameEn: optionalText(200).transform((v) => v ?? ''),
    summarySv: paragraph(600, 20),
    summaryEn: optionalText(600, true).transform((v) => v ?? ''),
    descriptionSv: optionalParagraph(20_000).default(''),
    municipalityCodes: unique(municipalityCode, 290),
    places: z.array(place).max(50).default([]),
    organisation: optionalText(200),
    focusAreas: unique(z.enum(focusAreas), focusAreas.length),
    subChallenges: unique(text(1, 200), 20),
    ageGroups: unique(z.enum(ageGroups), ageGroups.length),
    targetGroup: optionalText(500),
    preventionLevel: blankAsNull(
      z
        .enum(preventionLevels)
        .nullish()
        .transform((v) => v ?? null),
    ),
    levels: unique(z.enum(workLevels), workLevels.length),
    plugInFactors: unique(text(1, 200), 20),
    periodStart: blankAsNull(
      calendarDate()
        .nullish()
        .transform((v) => v ?? null),
    ),
    periodEnd: blankAsNull(
      calendarDate()
        .nullish()
        .transform((v) => v ?? null),
    ),
    activityStatus: blankAsNull(
      z
        .enum(activityStatuses)
        .nullish()
        .transform((v) => v ?? null),
    ),
    costPerParticipant: z
      .number()
      .int()
      .min(0)
      .max(10_000_000)
      .nullish()
      .transform((v) => v ?? null),
    outcomesMeasured: optionalText(2000, true),
    evidence: z
      .strictObject({ rating: text(1, 500), source: text(1, 300), url: httpUrl.optional(), tier: text(1, 100).optional() })
      .nullish()
      .transform((v) => v ?? null),
    sources: z
      .array(z.strictObject({ title: text(1, 300), url: httpUrl }))
      .max(30)
      .default([]),
    contact: z
      .strictObject({
        name: blankAsUndefined(text(1, 200).optional()),
        organisation: blankAsUndefined(text(1, 200).optional()),
        email: blankAsUndefined(z.email().max(320).optional()),
        phone: blankAsUndefined(phone.optional()),
        url: blankAsUndefined(httpUrl.optional()),
      })
      .nullish()
      .transform((v) => {
        // Blank fields left out; a contact with nothing in it is no contact.
        const kept = Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== undefined)) as Partial<NonNullable<typeof v>>;
        return Object.keys(kept).length ? kept : null;
      }),
    /** For an example: the methods it uses (published records of kind 'method'). */
    methodIds: unique(z.uuid(), 30),
  })
  .superRefine((c, ctx) => {
    if (c.periodStart && c.periodEnd && c.periodEnd < c.periodStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        ...says({ sv: 'får inte ligga före periodens start', en: 'must not be before the period starts' }),
      });
    }
    if (c.kind === 'example' && c.municipalityCodes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['municipalityCodes'],
        ...says({ sv: 'behöver minst en kommun för ett lokalt exempel', en: 'needs at least one municipality for a local example' }),
      });
    }
    if (c.kind === 'method' && c.methodIds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['methodIds'],
        ...says({
          sv: 'kan bara anges för ett lokalt exempel (en metod länkas från exemplen)',
          en: 'can only be given for a local example (a method is linked from the examples)',
        }),
      });
    }
  });

export type SubmissionContent = z.output<typeof submissionContent>;
