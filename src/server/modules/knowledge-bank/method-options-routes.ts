/**
 * The published methods a suggested example may link to (`methodIds` in a submission), for the signed-in submit form:
 * id, slug and name only. The public API names records by slug and never shows ids, so the form needs this list.
 * Reference data, no personal data: no access-log rows.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { knowledgeRecords } from '../../db/schema/index.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';

/** The list takes no parameters; anything sent is refused rather than ignored. */
const emptyQuery = z.strictObject({});

export function knowledgeMethodOptionRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/knowledge/methods', permission: 'knowledge-bank.submit', schema: { querystring: emptyQuery },
      async handler({ tx }) {
        const items = await tx.select({ id: knowledgeRecords.id, slug: knowledgeRecords.slug, nameSv: knowledgeRecords.nameSv })
          .from(knowledgeRecords).where(and(eq(knowledgeRecords.kind, 'method'), eq(knowledgeRecords.status, 'published')))
          .orderBy(asc(knowledgeRecords.nameSv), asc(knowledgeRecords.id));
        return { items };
      },
    }),
  ];
}
