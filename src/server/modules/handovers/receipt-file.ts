/**
 * Receipts back by file (docs/handovers.md): the receiving installation exports the receipt of a handover it imported
 * from a handover file and confirmed; the sending installation imports it and its sent row shows as confirmed by the
 * receiving school. The import is idempotent (a second import changes nothing and says `duplicate`); a receipt for a
 * handover the importer did not send, from another unit than the one it went to, or whose checksum does not match is
 * refused naming the file, never quoting it.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Label } from '../../../shared/contract/endpoint.ts';
import { receiptFile, receiptFormat, receiptVersion, type ReceiptFile } from '../../../shared/handovers/receipt-file.ts';
import { textProblem } from '../../../shared/input/index.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handovers } from '../../db/schema/index.ts';
import type { ActorContext } from '../../platform/context.ts';
import { badInput, conflict } from '../interventions/refusals.ts';
import { checksumMismatch, fileChecksum, schoolUnitCode } from './file-checks.ts';
import type { HandoverRow } from './policy.ts';

const labels = { content: { sv: 'Kvittensfil', en: 'Receipt file' } };
const refuse = (what: Label) => badInput('content', what, labels);
const checksumOf = (receipt: unknown) => fileChecksum({ receipt });

/** The receipt of a received handover that came by file and is confirmed. */
export async function exportReceipt(db: DbOrTx, row: HandoverRow): Promise<ReceiptFile> {
  if (!row.dedupeKey.startsWith('file:'))
    throw conflict('Kvittens som fil finns bara för överlämningar som lästs in från en fil; avsändaren ser redan bekräftelsen.');
  if (row.status !== 'confirmed' || !row.confirmedAt) throw conflict('Bekräfta mottagandet innan du hämtar kvittensen.');
  const code = await schoolUnitCode(db, row.tenantId, row.toUnitId);
  if (!code || !/^\d{8}$/.test(code)) throw conflict('Skolenheten saknar skolenhetskod; kvittensen kan inte göras som fil.');
  const receipt = {
    deliveryId: row.deliveryId,
    confirmedAt: new Date(row.confirmedAt).toISOString(),
    unit: { organiserName: row.toOrganiserName, unitName: row.toUnitName, unitCode: code },
  };
  return { format: receiptFormat, version: receiptVersion, receipt, checksum: checksumOf(receipt) };
}

/** Reads and checks a receipt file's text. */
function parseReceipt(content: string): ReceiptFile {
  if (textProblem(content, true))
    throw refuse({ sv: 'filen innehåller otillåtna tecken', en: 'the file contains characters that are not allowed' });
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw refuse({ sv: 'filen går inte att läsa som JSON', en: 'the file cannot be read as JSON' });
  }
  const d = doc as { format?: unknown; version?: unknown; receipt?: unknown };
  if (d?.format !== receiptFormat || d.version !== receiptVersion)
    throw refuse({
      sv: 'okänt format: filen ska vara en kvittens på en överlämning från Fullfölj, version 1',
      en: 'unknown format: the file must be a Fullfölj handover receipt, version 1',
    });
  const parsed = receiptFile.safeParse(doc);
  if (!parsed.success)
    throw refuse({ sv: 'kvittensens uppgifter saknas eller är ogiltiga', en: "the receipt's details are missing or invalid" });
  // Over the receipt as written (zod's output orders keys by the schema).
  if (checksumOf(d.receipt) !== parsed.data.checksum) throw refuse(checksumMismatch);
  return parsed.data;
}

/** Imports a receipt into the sender's handover it names, within `scope` (policy.ts); returns the handover. */
export async function importReceipt(
  db: DbOrTx,
  ctx: ActorContext,
  scope: SQL,
  content: string,
): Promise<{ row: HandoverRow; duplicate: boolean }> {
  const { receipt } = parseReceipt(content);
  const tenantId = ctx.actor.tenantId!;
  const reached = await queryRows<{ id: string }>(
    db,
    sql`SELECT h.id FROM handovers h WHERE ${scope} AND h.direction = 'sent' AND h.delivery_id = ${receipt.deliveryId}::uuid
          AND h.status IN ('sent', 'confirmed')`,
  );
  const [row] = reached.length
    ? await db
        .select()
        .from(handovers)
        .where(and(eq(handovers.tenantId, tenantId), eq(handovers.id, reached[0]!.id)))
    : [];
  if (!row)
    throw refuse({
      sv: 'kvittensen gäller ingen överlämning som du har skickat',
      en: 'the receipt is not for a handover you have sent',
    });
  const expected = row.toUnitCode ?? (await schoolUnitCode(db, row.toOrganiserId, row.toUnitId));
  if (expected !== receipt.unit.unitCode)
    throw refuse({
      sv: 'kvittensen kommer från en annan skolenhet än den överlämningen gick till',
      en: 'the receipt comes from another school unit than the one the handover went to',
    });
  if (row.receiptImportedAt) return { row, duplicate: true };
  const now = ctx.now.toISOString();
  const [updated] = await db
    .update(handovers)
    .set({
      status: 'confirmed',
      confirmedAt: row.confirmedAt ?? receipt.confirmedAt,
      receiptImportedAt: now,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(and(eq(handovers.tenantId, tenantId), eq(handovers.id, row.id), eq(handovers.version, row.version)))
    .returning();
  if (!updated) throw conflict('Någon annan har ändrat överlämningen samtidigt. Läs in kvittensen igen.');
  return { row: updated, duplicate: false };
}
