import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { kommun, loadAccessFixtures } from '../../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { handovers } from '../../../db/schema/index.ts';
import { saveGoals } from '../../follow-up/goals-routes.ts';
import { emptyContent, emptyFacts } from '../../handovers/facts.ts';
import { addFormerStudent } from '../../follow-up/test-cohort.ts';
import { regionBySlug, regionMunicipalitiesOf } from '../store.ts';
import { completionSection } from './completion-section.ts';
import { handoversSection } from './handovers-section.ts';
import { buildSection, monthBounds, type SectionProvider } from './section.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const db = database.db;
const region = (await regionBySlug(db, 'vastra-gotaland'))!;
const municipalities = await regionMunicipalitiesOf(db, region.id);

const build = (provider: SectionProvider, month: string) =>
  buildSection(provider, { db, region, municipalities, month, ...monthBounds(month) });

/** Göteborg's (the fixture organiser's) row and the region's total row, as shown (null: suppressed). */
function rowsOf(section: Awaited<ReturnType<typeof build>>, table = 0) {
  const t = section.tables[table]!;
  const at = (label: string) => t.rows.find((r) => r.label.sv === label)?.cells.map((c) => c.value);
  return { goteborg: at('Göteborg'), total: t.rows.find((r) => r.total)?.cells.map((c) => c.value) };
}

/** A handover row at the fixture organiser, synthetic names only. */
async function addHandover(row: Partial<typeof handovers.$inferInsert> & Pick<typeof handovers.$inferInsert, 'direction' | 'status'>) {
  const unit = randomUUID();
  await db.insert(handovers).values({
    tenantId: kommun,
    route: 'year9-to-upper-secondary',
    civicNo: '201001012386',
    givenName: 'Test',
    familyName: 'Elev',
    fromOrganiserId: kommun,
    fromOrganiserName: 'Exempelkommun',
    fromUnitName: 'Exempelskolan',
    toOrganiserId: kommun,
    toOrganiserName: 'Exempelkommun',
    toUnitId: unit,
    toUnitName: 'Exempelgymnasiet',
    facts: emptyFacts(),
    content: emptyContent(),
    dedupeKey: randomUUID(),
    ...row,
  });
}

test('a month without handovers or completion figures says so in both sections', async () => {
  for (const provider of [handoversSection, completionSection]) {
    const section = await build(provider, '2024-10');
    assert.equal(section.empty, true, provider.key);
    assert.equal(section.note?.sv, 'Inga uppgifter för den här månaden.');
    assert.deepEqual(section.tables, []);
  }
});

test('handovers per municipality: sent, confirmed, received and overdue, small counts suppressed', async () => {
  for (let i = 0; i < 12; i++) {
    await addHandover({
      direction: 'sent',
      status: i < 6 ? 'confirmed' : 'sent',
      sentAt: '2024-10-03T09:00:00Z',
      confirmBy: i < 6 ? '2024-10-20' : '2024-11-15',
      confirmedAt: i < 6 ? '2024-10-10T09:00:00Z' : null,
    });
  }
  for (let i = 0; i < 7; i++) await addHandover({ direction: 'received', status: 'sent', deliveredAt: '2024-10-03T09:00:00Z' });
  await addHandover({ direction: 'received', status: 'sent', deliveredAt: '2024-09-30T09:00:00Z' });
  await addHandover({ direction: 'sent', status: 'draft', sendBy: '2024-10-15' });

  const october = await build(handoversSection, '2024-10');
  assert.equal(october.empty, false);
  assert.deepEqual(
    october.tables[0]!.columns.map((c) => c.sv),
    ['Skickade under månaden', 'Av dem bekräftade', 'Mottagna under månaden', 'Försenade vid månadens slut'],
  );
  const { goteborg, total } = rowsOf(october);
  assert.deepEqual(goteborg?.slice(0, 3), [12, 6, 7], 'sent, confirmed and received are shown');
  assert.equal(goteborg?.[3], null, 'one overdue draft is suppressed');
  assert.equal(total?.[3], null, 'and so is the total that would give it away');
  const other = october.tables[0]!.rows.find((r) => r.label.sv === 'Skövde')!;
  assert.deepEqual(
    other.cells.map((c) => c.value),
    [0, 0, 0, 0],
    'a municipality without handovers shows zeros',
  );
  assert.equal(october.note?.sv.startsWith('Försenade'), true);
  const september = await build(handoversSection, '2024-09');
  assert.equal(september.empty, false, 'one received in September: a count, suppressed');
  assert.equal(rowsOf(september).goteborg?.[2], null);
});

test('completion against goals: the latest 4-year cohort per municipality, protected, and the goals on track', async () => {
  const former = {
    tenantId: kommun,
    schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
    programmeId: 'b0000000-0000-4000-8000-000000000001',
    programmeCode: 'NA',
    startDate: '2020-08-15',
  };
  for (let i = 0; i < 21; i++) await addFormerStudent(db, { ...former, endDate: '2023-06-15', examen: '2023-06-10' });
  for (let i = 0; i < 6; i++) await addFormerStudent(db, { ...former, endDate: '2023-06-15', studiebevis: '2023-06-10' });
  for (let i = 0; i < 6; i++) await addFormerStudent(db, { ...former, endDate: '2021-12-31' });
  await saveGoals(
    db,
    kommun,
    [{ name: 'Halvera', outcome: 'examen', years: 4, baselineYear: 2024, baselineShare: 0.5, targetYear: 2030, targetShare: 0.2 }],
    null,
    '2024-10-01T10:00:00Z',
  );
  const section = await build(completionSection, '2024-10');
  assert.equal(section.empty, false);
  assert.equal(section.tables[0]!.caption.sv, 'Examen inom 4 år, elever som började 2020');
  const { goteborg } = rowsOf(section);
  assert.deepEqual(goteborg, [33, 21, 27]);
  assert.equal(section.tables[1]!.caption.sv, 'Mål för fullföljande');
  assert.deepEqual(
    section.tables[1]!.rows.map((r) => [r.label.sv, r.cells.reduce((s, c) => s + (c.value ?? 0), 0)]),
    [['Göteborg', 1]],
    "the organiser's one goal is counted under its municipality",
  );
  assert.ok(!JSON.stringify(section).includes(kommun), 'no organiser id in the section');
});
