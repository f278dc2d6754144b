/**
 * The checks of a submission's content that need the database and the map, after its schema
 * (src/shared/knowledge-bank/content.ts): every municipality code exists, every place lies in Sweden and in one of
 * the record's municipalities, every linked method is a published method. A 400 names each field by the form's label
 * in the request's language («Plats 1: ligger inte inom Sverige.»), with `fields[].field` the path in the request
 * body (`content.places.0`). The description is Markdown; raw HTML in it is kept as text and never rendered
 * (markdown.ts escapes it), so it is not refused.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Label } from '../../../shared/contract/endpoint.ts';
import { labelFor, type Language } from '../../../shared/contract/messages.ts';
import { submissionContent, type SubmissionContent } from '../../../shared/knowledge-bank/content.ts';
import { submissionLabels } from '../../../shared/knowledge-bank/labels.ts';
import type { DbOrTx } from '../../db/client.ts';
import { knowledgeRecords, municipalities } from '../../db/schema/index.ts';
import { HttpError } from '../../platform/errors.ts';
import { validate } from '../../platform/validate.ts';
import { municipalityAt } from './municipality-geometry.ts';

export type { SubmissionContent };

/** A problem with one field: its path inside the content and what is wrong, in both languages. */
export interface ContentProblem {
  path: (string | number)[];
  text: Label;
}

/** A 400 naming each field by its label in `language`; `fields[].field` is the path in the request body. */
export function contentErrors(problems: ContentProblem[], language: Language): HttpError {
  const fields = problems.map(({ path, text }) => {
    const full = ['content', ...path];
    const label = labelFor(submissionLabels, full, language);
    return { field: full.join('.'), label, message: `${label ?? ''}: ${text[language]}.` };
  });
  return new HttpError(400, fields.map((f) => f.message).join(' '), { fields });
}

/**
 * Checks parsed content against the database and the municipality boundaries; throws a 400 naming the fields.
 */
export async function checkContent(db: DbOrTx, content: SubmissionContent, language: Language = 'sv'): Promise<SubmissionContent> {
  const problems: ContentProblem[] = [];
  const codes = content.municipalityCodes;
  const known = codes.length
    ? new Set(
        (await db.select({ code: municipalities.code }).from(municipalities).where(inArray(municipalities.code, codes))).map((r) => r.code),
      )
    : new Set<string>();
  codes.forEach((code, i) => {
    if (!known.has(code))
      problems.push({ path: ['municipalityCodes', i], text: { sv: 'är ingen känd kommun', en: 'is not a known municipality' } });
  });
  content.places.forEach((p, i) => {
    if (!municipalityAt(p.lat, p.lon)) {
      problems.push({
        path: ['places', i],
        text: {
          sv: 'ligger inte inom Sverige (utanför kommungränserna)',
          en: 'does not lie within Sweden (outside the municipal boundaries)',
        },
      });
    } else if (codes.length && !municipalityAt(p.lat, p.lon, codes)) {
      problems.push({
        path: ['places', i],
        text: { sv: 'ligger inte i någon av postens kommuner', en: "does not lie in any of the record's municipalities" },
      });
    }
  });
  if (content.methodIds.length) {
    const methods = new Set(
      (
        await db
          .select({ id: knowledgeRecords.id })
          .from(knowledgeRecords)
          .where(
            and(
              inArray(knowledgeRecords.id, content.methodIds),
              eq(knowledgeRecords.kind, 'method'),
              eq(knowledgeRecords.status, 'published'),
            ),
          )
      ).map((r) => r.id),
    );
    content.methodIds.forEach((id, i) => {
      if (!methods.has(id))
        problems.push({
          path: ['methodIds', i],
          text: { sv: 'är ingen publicerad metod i kunskapsbanken', en: 'is not a published method in the knowledge bank' },
        });
    });
  }
  if (problems.length) throw contentErrors(problems, language);
  return content;
}

const contentBody = z.strictObject({ content: submissionContent });

/** Parses raw content (stored, or seeded) with the form's schema and checks it; throws a 400 naming every bad field. */
export async function validateContent(db: DbOrTx, raw: unknown, language: Language = 'sv'): Promise<SubmissionContent> {
  const { content } = validate(contentBody, { content: raw ?? {} }, 'body', { labels: submissionLabels, language });
  return checkContent(db, content, language);
}
