/**
 * What the two files exchanged with schools outside the installation share (docs/handovers.md): the handover file
 * (`transfer-file.ts`) and its receipt (`receipt-file.ts`) — the SHA-256 checksum over the part as written, the refusal
 * when it does not match, and a school unit's skolenhetskod as the installation holds it.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Label } from '../../../shared/contract/endpoint.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';

/** `sha256:<hex>` over the JSON of `part` (the file's checked part, keys in the order written). */
export const fileChecksum = (part: unknown): string => `sha256:${createHash('sha256').update(JSON.stringify(part)).digest('hex')}`;

/** The refusal of a file whose checksum does not match. */
export const checksumMismatch: Label = {
  sv: 'kontrollsumman stämmer inte; filen har ändrats eller skadats',
  en: 'the checksum does not match; the file was changed or damaged',
};

/** The school unit code the installation holds for a unit of `tenantId`, or null (none, or no unit). */
export async function schoolUnitCode(db: DbOrTx, tenantId: string, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [row] = await queryRows<{ code: string | null }>(
    db,
    sql`SELECT school_unit_code AS code FROM organisations WHERE tenant_id = ${tenantId}::uuid AND id = ${unitId}::uuid`,
  );
  return row?.code ?? null;
}
