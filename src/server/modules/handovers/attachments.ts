/**
 * Attachments (docs/handovers.md, "Attachments"): files the sender adds to a draft handover, kept in the database in
 * the handover's tenant. The type is read from the file's first bytes (PDF, PNG, JPEG), whatever its name says; size
 * and count are limited. Sending copies them to the receiving unit's tenant; retention deletes them with the handover.
 */
import { and, asc, eq } from 'drizzle-orm';
import { attachmentLimits, type AttachmentList } from '../../../shared/handovers/attachments.ts';
import type { DbOrTx } from '../../db/client.ts';
import { handoverAttachments } from '../../db/schema/index.ts';
import { badInput, conflict } from '../interventions/refusals.ts';
import type { HandoverRow } from './policy.ts';
import type { FieldLabels } from '../../../shared/contract/endpoint.ts';

const labels: FieldLabels = { content: { sv: 'Bilaga', en: 'Attachment' }, fileName: { sv: 'Filnamn', en: 'File name' } };

const signatures: { mediaType: string; extension: string; bytes: number[] }[] = [
  { mediaType: 'application/pdf', extension: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', extension: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', extension: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file's type by its first bytes, or null when it is none of the accepted ones. */
export function sniffType(content: Buffer): { mediaType: string; extension: string } | null {
  return signatures.find((s) => s.bytes.every((b, i) => content[i] === b)) ?? null;
}

const editable = (row: HandoverRow) => row.direction === 'sent' && (row.status === 'draft' || row.status === 'not-needed');

/** The handover's attachments (no content). */
export async function listAttachments(db: DbOrTx, row: HandoverRow): Promise<AttachmentList> {
  const items = await db
    .select({
      id: handoverAttachments.id,
      fileName: handoverAttachments.fileName,
      mediaType: handoverAttachments.mediaType,
      sizeBytes: handoverAttachments.sizeBytes,
      createdAt: handoverAttachments.createdAt,
    })
    .from(handoverAttachments)
    .where(and(eq(handoverAttachments.tenantId, row.tenantId), eq(handoverAttachments.handoverId, row.id)))
    .orderBy(asc(handoverAttachments.createdAt), asc(handoverAttachments.fileName));
  return {
    items: items.map(({ createdAt, ...i }) => ({ ...i, addedOn: createdAt.slice(0, 10) })),
    canAdd: editable(row) && items.length < attachmentLimits.count,
  };
}

/** Adds a file: refused, naming the field, when the handover is sent, the type is wrong, the file too large or too many. */
export async function addAttachment(
  db: DbOrTx,
  row: HandoverRow,
  file: { fileName: string; content: string },
  accountId: string,
): Promise<void> {
  if (!editable(row)) throw conflict('Överlämningen är redan skickad; bilagor kan inte längre ändras.');
  const content = Buffer.from(file.content, 'base64');
  if (content.length > attachmentLimits.bytes)
    throw badInput(
      'content',
      { sv: 'filen är större än 5 MB; dela upp den eller minska den', en: 'the file is larger than 5 MB; split or shrink it' },
      labels,
    );
  const type = sniffType(content);
  if (!type)
    throw badInput(
      'content',
      {
        sv: 'filen är inte en PDF, PNG eller JPEG (innehållet avgör, inte namnet)',
        en: 'the file is not a PDF, PNG or JPEG (its content decides, not its name)',
      },
      labels,
    );
  const existing = await listAttachments(db, row);
  if (existing.items.length >= attachmentLimits.count)
    throw badInput(
      'content',
      { sv: `högst ${attachmentLimits.count} bilagor per överlämning`, en: `at most ${attachmentLimits.count} attachments per handover` },
      labels,
    );
  await db.insert(handoverAttachments).values({
    tenantId: row.tenantId,
    handoverId: row.id,
    fileName: file.fileName,
    mediaType: type.mediaType,
    sizeBytes: content.length,
    content,
    addedBy: accountId,
  });
}

/** Removes a file from a draft; false when there is no such file on the handover. */
export async function removeAttachment(db: DbOrTx, row: HandoverRow, attachmentId: string): Promise<boolean> {
  if (!editable(row)) throw conflict('Överlämningen är redan skickad; bilagor kan inte längre ändras.');
  const gone = await db
    .delete(handoverAttachments)
    .where(
      and(
        eq(handoverAttachments.tenantId, row.tenantId),
        eq(handoverAttachments.handoverId, row.id),
        eq(handoverAttachments.id, attachmentId),
      ),
    )
    .returning({ id: handoverAttachments.id });
  return gone.length > 0;
}

/** One attachment with its content, or null. */
export async function readAttachment(db: DbOrTx, row: HandoverRow, attachmentId: string) {
  const [file] = await db
    .select()
    .from(handoverAttachments)
    .where(
      and(
        eq(handoverAttachments.tenantId, row.tenantId),
        eq(handoverAttachments.handoverId, row.id),
        eq(handoverAttachments.id, attachmentId),
      ),
    );
  return file ?? null;
}

/** Copies a sent handover's files to its delivered copy (another tenant, or the same). */
export async function copyAttachments(db: DbOrTx, from: HandoverRow, to: { tenantId: string; handoverId: string }): Promise<void> {
  const files = await db
    .select()
    .from(handoverAttachments)
    .where(and(eq(handoverAttachments.tenantId, from.tenantId), eq(handoverAttachments.handoverId, from.id)));
  for (const f of files)
    await db.insert(handoverAttachments).values({ ...f, id: undefined, tenantId: to.tenantId, handoverId: to.handoverId });
}

/** A Content-Disposition value: an ASCII fallback and the UTF-8 name (RFC 6266), never a raw quote or control. */
export function attachmentDisposition(fileName: string, extension: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9 _-]/g, '')
      .trim()
      .slice(0, 80) || 'bilaga';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}
