/**
 * The handover file for schools outside the installation (docs/handovers.md, "The handover file"): a sent handover as
 * JSON `{ format: 'fullfolj-handover', version: 1, handover, attachments, checksum }`, where `checksum` is
 * `sha256:` and the hex SHA-256 of `JSON.stringify({ handover, attachments })`. The receiving installation imports it
 * once: the same file twice is one handover.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { attachmentLimits } from './attachments.ts';
import { handoverRoutes, handoverTriggers } from './codes.ts';
import { handoverContentFields, handoverLimits } from './contract.ts';
import { line, optionalParagraph } from '../input/index.ts';

export const transferFormat = 'fullfolj-handover';
export const transferVersion = 1;
/** The largest file accepted: every attachment at its largest, in base64, plus the handover. */
export const transferBodyLimit = Math.ceil((attachmentLimits.bytes * attachmentLimits.count * 4) / 3) + 512 * 1024;

// Every text through src/shared/input (no NUL or control characters, well-formed, bounded): a file is hostile input.
const text = optionalParagraph(handoverLimits.text);
const name = line(handoverLimits.short);
const day = z.iso.date().nullable();
const short = optionalParagraph(handoverLimits.short);
/** What the sending platform found (as `handovers.facts`), bounded. */
const transferFacts = z.strictObject({
  absenceShare: z.number().min(0).max(1).nullable(),
  absenceByTerm: z.array(z.strictObject({ term: short, share: z.number().min(0).max(1) })).max(20),
  indicators: z.array(z.strictObject({ indicator: short, onset: short, severity: short })).max(100),
  grades: z.array(z.strictObject({ subject: short, grade: short })).max(200),
  eligible: z.boolean().nullable(),
  interventions: z.array(z.strictObject({ title: text, status: short })).max(100),
  actionProgramme: z.strictObject({ needs: text, decidedOn: short, evaluationOn: short }).nullable(),
  gradeCatalogue: z
    .strictObject({
      from: day,
      to: day,
      grades: z
        .array(z.strictObject({ name: short, points: z.number().int().min(0).max(10_000).nullable(), grade: short, date: short }))
        .max(300),
      unfinished: z.array(z.strictObject({ name: short, points: z.number().int().min(0).max(10_000).nullable(), started: short })).max(100),
      unexcusedMinutes: z.number().int().min(0).max(10_000_000).nullable(),
    })
    .optional(),
});

/** One handover in the file (what the receiving unit reads; no address, no account). */
export const transferHandover = z.strictObject({
  deliveryId: z.uuid(),
  route: z.enum(handoverRoutes),
  student: z.strictObject({
    personnummer: z.string().regex(/^\d{12}$/),
    givenName: name,
    familyName: name,
    protectedIdentity: z.boolean(),
  }),
  from: z.strictObject({
    organiserName: name,
    unitName: name,
    unitCode: z
      .string()
      .regex(/^\d{8}$/)
      .nullable(),
  }),
  to: z.strictObject({ organiserName: name, unitName: name, unitCode: z.string().regex(/^\d{8}$/) }),
  leavesOn: day,
  startsOn: day,
  sentAt: z.iso.datetime({ offset: true }),
  triggers: z.array(z.enum(handoverTriggers)).max(10),
  facts: transferFacts,
  content: z.strictObject(handoverContentFields),
});
export type TransferHandover = z.output<typeof transferHandover>;

export const transferAttachment = z.strictObject({
  fileName: line(attachmentLimits.nameLength),
  content: z.base64(),
});

export const transferFile = z.strictObject({
  format: z.literal(transferFormat),
  version: z.literal(transferVersion),
  handover: transferHandover,
  attachments: z.array(transferAttachment).max(attachmentLimits.count),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});
export type TransferFile = z.output<typeof transferFile>;

const labels: FieldLabels = { content: { sv: 'Överlämningsfil', en: 'Handover file' } };

export const transferApi = {
  import: endpoint({
    method: 'POST',
    path: '/api/handovers/import',
    body: z.strictObject({ content: z.string().min(1).max(transferBodyLimit) }),
    response: z.object({ id: z.uuid(), duplicate: z.boolean() }),
    labels,
  }),
};

/** Where a handover is exported as a file (POST: exporting a draft sends it). */
export const transferExportPath = (id: string) => `/api/handovers/${encodeURIComponent(id)}/file`;
