/** Retention of handovers: an expired handover goes with its attachments, meeting and follow-up; a live one stays. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format, subYears } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import { accountId, friskola, kommun, loadAccessFixtures } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { handoverAttachments, handovers } from '../../db/schema/index.ts';
import { runRetention } from '../retention/run.ts';
import { saveRuleSettings } from '../retention/settings.ts';
import { emptyContent, emptyFacts } from './facts.ts';

const now = new Date();
const day = (d: Date) => format(d, 'yyyy-MM-dd');
const database = await createTestDatabase();
const { db } = database;
await loadAccessFixtures(database);
await saveRuleSettings(db, kommun, await accountId(database, 'admin'), { handovers: 3 });

/** A received handover whose student started `startsOn`, with a meeting, a follow-up and one attachment. */
async function handover(tenantId: string, startsOn: string, name: string): Promise<string> {
  const [row] = await db
    .insert(handovers)
    .values({
      tenantId,
      direction: 'received',
      status: 'confirmed',
      route: 'year9-to-upper-secondary',
      civicNo: '200801062399',
      givenName: name,
      familyName: 'Gallring',
      fromOrganiserId: friskola,
      fromOrganiserName: 'Avsändaren',
      fromUnitName: 'Grundskolan',
      toOrganiserId: tenantId,
      toOrganiserName: 'Mottagaren',
      toUnitId: 'a0000000-0000-4000-8000-000000000002',
      toUnitName: 'Gymnasiet',
      startsOn,
      facts: emptyFacts(),
      content: emptyContent(),
      meetingOn: startsOn,
      meetingMinutes: 'Mötet hölls.',
      followUpNote: 'Anpassningarna fortsatte.',
      dedupeKey: `retention:${name}`,
    })
    .returning({ id: handovers.id });
  await db.insert(handoverAttachments).values({
    tenantId,
    handoverId: row!.id,
    fileName: 'program.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 5,
    content: Buffer.from('%PDF-'),
  });
  return row!.id;
}
const expired = await handover(kommun, day(subYears(now, 5)), 'Gammal');
const live = await handover(kommun, day(subYears(now, 1)), 'Aktuell');
const otherOrganiser = await handover(friskola, day(subYears(now, 5)), 'Utan regel');

const exists = async (tenantId: string, id: string) => [
  (
    await db
      .select()
      .from(handovers)
      .where(and(eq(handovers.tenantId, tenantId), eq(handovers.id, id)))
  ).length,
  (
    await db
      .select()
      .from(handoverAttachments)
      .where(and(eq(handoverAttachments.tenantId, tenantId), eq(handoverAttachments.handoverId, id)))
  ).length,
];

test('an expired handover is deleted with its attachments; a live one and another organiser’s without a rule stay', async () => {
  const dry = await runRetention(database, { today: day(now), dryRun: true });
  const counted = dry.find((r) => r.rule === 'handovers' && r.tenantId === kommun);
  assert.deepEqual(counted?.counts, { handover_attachments: 1, handovers: 1 });
  assert.deepEqual(await exists(kommun, expired), [1, 1], 'a dry run deletes nothing');
  await runRetention(database, { today: day(now), dryRun: false });
  assert.deepEqual(await exists(kommun, expired), [0, 0]);
  assert.deepEqual(await exists(kommun, live), [1, 1]);
  assert.deepEqual(await exists(friskola, otherOrganiser), [1, 1]);
});
