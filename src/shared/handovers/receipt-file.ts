/**
 * The receipt file (docs/handovers.md, "Receipts back by file"): when a school imported a handover file and confirmed
 * receipt, it exports `{ format: 'fullfolj-handover-receipt', version: 1, receipt, checksum }` for the sender, where
 * `checksum` is `sha256:` and the hex SHA-256 of `JSON.stringify({ receipt })` — the handover file's scheme. It says
 * which handover (the delivery id), when it was confirmed and by which unit: nothing the sender does not already have.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { line } from '../input/index.ts';

export const receiptFormat = 'fullfolj-handover-receipt';
export const receiptVersion = 1;

export const transferReceipt = z.strictObject({
  deliveryId: z.uuid(),
  confirmedAt: z.iso.datetime({ offset: true }),
  unit: z.strictObject({ organiserName: line(400), unitName: line(400), unitCode: z.string().regex(/^\d{8}$/) }),
});
export type TransferReceipt = z.output<typeof transferReceipt>;

export const receiptFile = z.strictObject({
  format: z.literal(receiptFormat),
  version: z.literal(receiptVersion),
  receipt: transferReceipt,
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});
export type ReceiptFile = z.output<typeof receiptFile>;

const labels: FieldLabels = { content: { sv: 'Kvittensfil', en: 'Receipt file' } };

export const receiptApi = {
  import: endpoint({
    method: 'POST',
    path: '/api/handovers/receipts/import',
    body: z.strictObject({
      content: z
        .string()
        .min(1)
        .max(16 * 1024),
    }),
    response: z.object({ id: z.uuid(), duplicate: z.boolean() }),
    labels,
  }),
};

/** Where the receiving unit exports the receipt of a handover it imported from a file and confirmed (POST). */
export const receiptExportPath = (id: string) => `/api/handovers/${encodeURIComponent(id)}/receipt`;
