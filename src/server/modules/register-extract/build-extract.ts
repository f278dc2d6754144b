/** Assembles a register extract: the person, every row about them, and who has read their data. */
import type { DbOrTx } from '../../db/client.ts';
import { accessLogAbout, organiserName, personRow, referencingRows, type ExtractSection } from './queries.ts';

export interface RegisterExtract {
  generatedAt: string;
  organiser: { id: string; name: string };
  person: Record<string, unknown>;
  protectedIdentity: boolean;
  sections: ExtractSection[];
  accessLog: Awaited<ReturnType<typeof accessLogAbout>>;
}

/** The extract for `personId` in `tenantId`, or undefined when the tenant holds no such person. */
export async function buildRegisterExtract(db: DbOrTx, tenantId: string, personId: string, now: Date): Promise<RegisterExtract | undefined> {
  const person = await personRow(db, tenantId, personId);
  if (!person) return undefined;
  const { tenant_id: _t, ...own } = person;
  return {
    generatedAt: now.toISOString(),
    organiser: { id: tenantId, name: await organiserName(db, tenantId) },
    person: own,
    protectedIdentity: own.security_marking !== 'Ingen',
    sections: await referencingRows(db, tenantId, personId),
    accessLog: await accessLogAbout(db, tenantId, personId),
  };
}
