/**
 * What the signed-in submit form chooses from: the published methods a suggested example may link to (`methodIds`;
 * the public API names records by slug and never shows ids, so the form needs this list) and Sweden's 290
 * municipalities by name (the form sends their SCB codes, a person picks names). Reference data, no personal data:
 * no access-log rows.
 */
import { and, asc, eq } from 'drizzle-orm';
import { knowledgeApi } from '../../../shared/knowledge-bank/contract.ts';
import { knowledgeRecords, municipalities } from '../../db/schema/index.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';

/** GET /api/knowledge/methods and GET /api/knowledge/municipalities. */
export function knowledgeMethodOptionRoutes(): RouteDefinition[] {
  return [
    routeFor(knowledgeApi.methods, {
      permission: 'knowledge-bank.submit',
      async handler({ tx }) {
        const items = await tx
          .select({
            id: knowledgeRecords.id,
            slug: knowledgeRecords.slug,
            nameSv: knowledgeRecords.nameSv,
            nameEn: knowledgeRecords.nameEn,
          })
          .from(knowledgeRecords)
          .where(and(eq(knowledgeRecords.kind, 'method'), eq(knowledgeRecords.status, 'published')))
          .orderBy(asc(knowledgeRecords.nameSv), asc(knowledgeRecords.id));
        return { items };
      },
    }),
    routeFor(knowledgeApi.municipalities, {
      permission: 'knowledge-bank.submit',
      async handler({ tx }) {
        const rows = await tx.select({ code: municipalities.code, name: municipalities.name }).from(municipalities);
        // Swedish alphabetical order (å, ä, ö last), which the database's collation may not give.
        return { items: rows.sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
      },
    }),
  ];
}
