/**
 * Attachments to a handover (docs/handovers.md, "Attachments"): the sender adds PDF, PNG or JPEG files (checked by their
 * first bytes, not their names) while the handover is a draft, at most `attachmentLimits.count` files of at most
 * `attachmentLimits.bytes` each; both sides list and download them. A file travels as base64 in JSON.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { line } from '../input/index.ts';

export const attachmentLimits = { bytes: 5 * 1024 * 1024, count: 5, nameLength: 200 } as const;
/** Base64 of the largest file, with room for the rest of the request. */
export const attachmentBodyLimit = Math.ceil((attachmentLimits.bytes * 4) / 3) + 64 * 1024;

const labels: FieldLabels = {
  id: { sv: 'Överlämning', en: 'Handover' },
  attachmentId: { sv: 'Bilaga', en: 'Attachment' },
  fileName: { sv: 'Filnamn', en: 'File name' },
  content: { sv: 'Bilaga', en: 'Attachment' },
};

export const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const handoverParams = z.strictObject({ id: z.uuid() });

export const attachmentList = z.object({
  items: z.array(z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), addedOn: z.string() })),
  canAdd: z.boolean(),
});
export type AttachmentList = z.output<typeof attachmentList>;

export const attachmentsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/handovers/:id/attachments',
    params: handoverParams,
    query: z.strictObject({}),
    response: attachmentList,
    labels,
  }),
  add: endpoint({
    method: 'POST',
    path: '/api/handovers/:id/attachments',
    params: handoverParams,
    body: z.strictObject({
      fileName: line(attachmentLimits.nameLength),
      // Longer than the limit allows, so that a file just too large is refused with the size in words, not as "too long".
      content: z.base64().min(4).max(attachmentBodyLimit),
    }),
    response: attachmentList,
    labels,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/handovers/:id/attachments/:attachmentId',
    params: attachmentParams,
    response: attachmentList,
    labels,
  }),
};

/** Where an attachment is downloaded (a file, not an endpoint). */
export const attachmentPath = (id: string, attachmentId: string) =>
  `/api/handovers/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;
