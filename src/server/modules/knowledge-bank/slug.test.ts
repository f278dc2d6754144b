import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { knowledgeRecords } from '../../db/schema/index.ts';
import { reservedSlugs, uniqueSlug } from './moderation.ts';

const database = await createTestDatabase();

test("a slug is the Swedish name transliterated, unique, and never one of the public pages' own paths", async () => {
  assert.equal(await uniqueSlug(database.db, 'Läsfrämjande på Öckerö'), 'lasframjande-pa-ockero');
  await database.db.insert(knowledgeRecords).values({ kind: 'example', slug: 'lasframjande-pa-ockero', nameSv: 'x', summarySv: 'x' });
  assert.equal(await uniqueSlug(database.db, 'Läsfrämjande på Öckerö'), 'lasframjande-pa-ockero-2');
  for (const name of ['Karta', 'Kommun', 'Inbäddning']) {
    const slug = await uniqueSlug(database.db, name);
    assert.ok(!reservedSlugs.has(slug), `${name} → ${slug}`);
    assert.match(slug, /-2$/);
  }
});
