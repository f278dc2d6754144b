// The set-based target group against the rule book: for a few hundred invented people with every kind of fact (own
// enrolments and certificates, notices received in any order, withdrawn ones, completions, dismissals, moves, births on
// 29 February), the SQL evaluation (target-group-sql.ts) gives each person the same criteria with their sources, the
// same membership, reasons and period dates as criteria.ts over facts.ts, on three dates; and refreshTargetGroup writes
// the periods those dates and reasons say, once, even when two refreshes of the municipality run at the same time.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { enteredOn, evaluate, leftOn } from './criteria.ts';
import { gatherFacts } from './facts.ts';
import { refreshTargetGroup, refreshTargetGroups } from './refresh.ts';
import { evaluation } from './target-group-sql.ts';

const database = await createTestDatabase();
const { db } = database;
const kommun = randomUUID();
const home = '1480';
const people = 400;

// A small deterministic generator (mulberry32), so a failure can be repeated.
let seed = 17;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const chance = (p: number) => random() < p;
const dayBetween = (from: string, to: string) => {
  const a = Date.parse(from);
  return new Date(a + Math.floor(random() * ((Date.parse(to) - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
};
const value = (v: unknown) => (v === null ? sql`NULL` : sql`${v}`);
const insert = async (head: string, rows: unknown[][]) => {
  if (rows.length > 0)
    await db.execute(
      sql`${sql.raw(head)} VALUES ${sql.join(
        rows.map((r) => sql`(${sql.join(r.map(value), sql`, `)})`),
        sql`, `,
      )}`,
    );
};

const asOfs = ['2024-10-01', '2025-06-30', '2026-02-15'];

await db.execute(sql`INSERT INTO organisers (id, name, organisation_number, kind, municipality_code)
  VALUES (${kommun}::uuid, 'Regelkommunen', '2120001480', 'municipal', ${home})`);
const population: unknown[][] = [];
const persons: unknown[][] = [];
const enrolments: unknown[][] = [];
const certificates: unknown[][] = [];
const notices: unknown[][] = [];
const youth: unknown[][] = [];
const completions: unknown[][] = [];
const dismissals: unknown[][] = [];
for (let i = 0; i < people; i += 1) {
  const birth = chance(0.05) ? pick(['2004-02-29', '2008-02-29', '2006-10-01', '2005-06-30']) : dayBetween('2003-01-01', '2011-12-31');
  const civic = `${birth.replaceAll('-', '')}${String(i).padStart(4, '0')}`;
  const status = chance(0.8) ? 'resident' : pick(['moved-out', 'emigrated', 'deceased']);
  const isProtected = chance(0.1);
  population.push([
    kommun,
    civic,
    'personnummer',
    `Ung${i}`,
    'Regelsson',
    birth,
    chance(0.9) ? home : '1490',
    status,
    chance(0.3) ? dayBetween('2015-01-01', '2026-06-01') : null,
    chance(0.5) ? dayBetween('2010-01-01', '2026-06-01') : null,
    isProtected,
    isProtected ? null : JSON.stringify({ streetAddress: `Regelgatan ${i}`, postalCode: '41101', locality: 'Göteborg' }),
    randomUUID(),
  ]);
  if (chance(0.7)) {
    const person = randomUUID();
    persons.push([kommun, person, `Ung${i}`, 'Regelsson', civic, 'personnummer', birth, 'Kvinna', home, '2024-01-01T00:00:00Z']);
    const count = Math.floor(random() * 4);
    for (let k = 0; k < count; k += 1) {
      const start = dayBetween('2019-08-01', '2026-03-01');
      enrolments.push([
        kommun,
        person,
        k,
        randomUUID(),
        pick(['GY', 'GY', 'GYS', 'GR']),
        1,
        pick(['NA', 'EE', 'IMV', 'ima', null]),
        start,
        chance(0.4) ? null : dayBetween(start, '2026-06-30'),
        chance(0.1),
      ]);
    }
    for (let k = Math.floor(random() * 3); k > 0; k -= 1)
      certificates.push([
        kommun,
        randomUUID(),
        person,
        randomUUID(),
        pick(['gymnasieexamen', 'studiebevis', 'slutbetyg-grundskola', 'gymnasiesarskolebevis']),
        dayBetween('2019-06-01', '2026-06-30'),
        '2024-01-01T00:00:00Z',
      ]);
  }
  for (let k = Math.floor(random() * 5); k > 0; k -= 1)
    notices.push([
      kommun,
      randomUUID(),
      chance(0.9) ? 'received' : 'sent',
      pick(['start', 'end', 'end', 'absence']),
      'internal',
      chance(0.85) ? pick(['received', 'acknowledged']) : 'withdrawn',
      chance(0.95) ? civic : `${civic.slice(0, 8)}9${String(i).padStart(3, '0')}`,
      `Ung${i}`,
      'Regelsson',
      pick(['Gymnasiet i Borås', 'Friskolan']),
      pick(['NA', 'IMS', null]),
      chance(0.2) ? '2024-09-01' : dayBetween('2020-08-01', '2026-06-30'),
      pick(['new-student', 'changed-school', 'completed', 'left', 'moved', 'other', 'studiebevis']),
      home,
      pick(['Borås Stad', 'Friskolan AB']),
      `rule-test:${i}:${k}`,
    ]);
  if (chance(0.3)) {
    const id = randomUUID();
    youth.push([kommun, id, civic, 'personnummer', `Ung${i}`, 'Regelsson', birth]);
    if (chance(0.3))
      completions.push([
        kommun,
        id,
        pick(['gymnasieexamen', 'gymnasiesarskolebevis', 'ib-diploma', 'foreign-diploma', 'folkhogskola-eligibility', 'other-equivalent']),
        dayBetween('2022-01-01', '2026-06-30'),
      ]);
    if (chance(0.2)) dismissals.push([kommun, id, 'other', randomUUID(), chance(0.3) ? '2024-01-01T00:00:00Z' : null]);
  }
}
await insert(
  'INSERT INTO kaa_population (tenant_id, civic_no, civic_no_kind, given_name, family_name, birth_date, municipality_code, status, registered_in_sweden_on, registered_in_municipality_on, protected, address, import_id)',
  population,
);
await insert(
  'INSERT INTO persons (tenant_id, id, given_name, family_name, civic_no, civic_no_kind, birth_date, sex, home_municipality_code, source_modified)',
  persons,
);
await insert(
  'INSERT INTO enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_code, start_date, end_date, cancelled)',
  enrolments,
);
await insert('INSERT INTO certificates (tenant_id, id, student_id, school_unit_id, kind, issued_date, source_modified)', certificates);
await insert(
  'INSERT INTO kaa_notices (tenant_id, delivery_id, direction, kind, channel, status, civic_no, given_name, family_name, school_unit_name, programme_code, event_date, reason, home_municipality_code, counterpart_name, dedupe_key)',
  notices,
);
await insert('INSERT INTO kaa_youth (tenant_id, id, civic_no, civic_no_kind, given_name, family_name, birth_date)', youth);
await insert('INSERT INTO kaa_completions (tenant_id, youth_id, kind, completed_on)', completions);
await insert('INSERT INTO kaa_dismissals (tenant_id, youth_id, reason, dismissed_by, revoked_at)', dismissals);

interface Evaluated extends Record<string, unknown> {
  civic_no: string;
  criteria: unknown;
  in_group_by_rules: boolean;
  registration_reason: string;
  deregistration_reason: string;
  entered_on: string;
  left_on: string;
}

for (const asOf of asOfs)
  test(`the SQL evaluation equals the rule book for every person, as on ${asOf}`, async () => {
    const facts = await gatherFacts(db, kommun);
    const rows = await queryRows<Evaluated>(
      db,
      sql`WITH ${evaluation(kommun, asOf)}
          SELECT civic_no, criteria, in_group_by_rules, registration_reason, deregistration_reason, entered_on::text,
                 LEAST(left_on_by_rules, ${asOf}::date)::text AS left_on FROM evaluated`,
    );
    assert.equal(rows.length, people);
    const inGroup = rows.filter((r) => r.in_group_by_rules).length;
    assert.ok(inGroup > 10 && inGroup < people - 10, `a mixed population (${inGroup} in the group)`);
    for (const row of rows) {
      const person = facts.get(row.civic_no)!;
      const expected = evaluate(person, asOf, home);
      const label = `${row.civic_no} on ${asOf}`;
      assert.deepEqual(row.criteria, expected.criteria, label);
      assert.equal(row.in_group_by_rules, expected.inGroup, label);
      assert.equal(row.registration_reason, expected.registrationReason, label);
      assert.equal(row.deregistration_reason, expected.deregistrationReason, label);
      assert.equal(row.entered_on, enteredOn(person, asOf, null), label);
      assert.equal(row.left_on, leftOn(person, expected, asOf, '1900-01-01'), label);
    }
  });

test('refreshTargetGroup opens and closes the periods the rules give, and a second run the same day writes none', async () => {
  const [first, second] = asOfs as [string, string];
  const summary = await db.transaction((tx) => refreshTargetGroup(tx, kommun, first));
  const facts = await gatherFacts(db, kommun);
  const expected = [...facts.values()].filter((p) => evaluate(p, first, home).inGroup);
  assert.deepEqual(
    [summary.evaluated, summary.inGroup, summary.registered, summary.deregistered],
    [people, expected.length, expected.length, 0],
  );
  const open = new Map(
    (
      await queryRows<{ civic_no: string; registered_on: string; registration_reason: string }>(
        db,
        sql`SELECT y.civic_no, r.registered_on::text, r.registration_reason FROM kaa_registrations r
              JOIN kaa_youth y ON y.tenant_id = r.tenant_id AND y.id = r.youth_id
             WHERE r.tenant_id = ${kommun}::uuid AND r.deregistered_on IS NULL`,
      )
    ).map((r) => [r.civic_no, r]),
  );
  assert.equal(open.size, expected.length);
  for (const p of expected)
    assert.deepEqual(
      [open.get(p.civicNo)?.registered_on, open.get(p.civicNo)?.registration_reason],
      [enteredOn(p, first, null), evaluate(p, first, home).registrationReason],
      p.civicNo,
    );
  const again = await db.transaction((tx) => refreshTargetGroup(tx, kommun, first));
  assert.deepEqual([again.registered, again.deregistered, again.inGroup], [0, 0, expected.length]);

  // Later, those who left get their period closed on the fact's date with the data's reason.
  const later = await db.transaction((tx) => refreshTargetGroup(tx, kommun, second));
  const leavers = expected.filter((p) => !evaluate(p, second, home).inGroup);
  assert.equal(later.deregistered, leavers.length);
  const closed = new Map(
    (
      await queryRows<{ civic_no: string; deregistered_on: string; deregistration_reason: string }>(
        db,
        sql`SELECT y.civic_no, r.deregistered_on::text, r.deregistration_reason FROM kaa_registrations r
              JOIN kaa_youth y ON y.tenant_id = r.tenant_id AND y.id = r.youth_id
             WHERE r.tenant_id = ${kommun}::uuid AND r.deregistered_on IS NOT NULL`,
      )
    ).map((r) => [r.civic_no, r]),
  );
  for (const p of leavers) {
    const e = evaluate(p, second, home);
    assert.deepEqual(
      [closed.get(p.civicNo)?.deregistered_on, closed.get(p.civicNo)?.deregistration_reason],
      [leftOn(p, e, second, open.get(p.civicNo)!.registered_on), e.deregistrationReason],
      p.civicNo,
    );
  }

  // Someone gone from the population file has moved: the period ends, the register keeps the person out of the group.
  const gone = [...open.keys()].find((c) => !closed.has(c))!;
  await db.execute(sql`DELETE FROM kaa_population WHERE tenant_id = ${kommun}::uuid AND civic_no = ${gone}`);
  const after = await db.transaction((tx) => refreshTargetGroup(tx, kommun, second));
  assert.equal(after.deregistered, 1);
  const [row] = await queryRows<{ in_group: boolean; reason: string }>(
    db,
    sql`SELECT y.in_group, r.deregistration_reason AS reason FROM kaa_youth y
          JOIN kaa_registrations r ON r.tenant_id = y.tenant_id AND r.youth_id = y.id
         WHERE y.tenant_id = ${kommun}::uuid AND y.civic_no = ${gone}`,
  );
  assert.deepEqual([row?.in_group, row?.reason], [false, 'moved']);
});

test('two refreshes of one municipality at the same time give one open period each, and a received notice finds its young person', async () => {
  const day = asOfs[2]!;
  const [inGroup] = await queryRows<{ civic_no: string }>(
    db,
    sql`SELECT y.civic_no FROM kaa_youth y WHERE y.tenant_id = ${kommun}::uuid AND y.in_group ORDER BY y.civic_no LIMIT 1`,
  );
  assert.ok(inGroup, 'someone in the group');
  await db.execute(sql`DELETE FROM kaa_registrations WHERE tenant_id = ${kommun}::uuid`);
  await db.execute(sql`INSERT INTO kaa_notices (tenant_id, delivery_id, direction, kind, channel, status, civic_no, given_name,
      family_name, school_unit_name, event_date, reason, home_municipality_code, counterpart_name, dedupe_key)
    VALUES (${kommun}::uuid, ${randomUUID()}::uuid, 'received', 'absence', 'internal', 'received', ${inGroup.civic_no}, 'Ung',
      'Regelsson', 'Friskolan', ${day}::date, 'other', ${home}, 'Friskolan AB', 'rule-test:concurrent')`);
  // On PostgreSQL the two run on two connections; the lock per municipality makes the second wait for the first.
  const [a, b] = await Promise.all([refreshTargetGroup(db, kommun, day), refreshTargetGroup(db, kommun, day)]);
  assert.equal(a.registered + b.registered, a.inGroup, 'every period opened once');
  const [counts] = await queryRows<{ open: number; youth: number; unmatched: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM kaa_registrations WHERE tenant_id = ${kommun}::uuid AND deregistered_on IS NULL)::int AS open,
               (SELECT count(*) FROM kaa_youth WHERE tenant_id = ${kommun}::uuid AND in_group)::int AS youth,
               (SELECT count(*) FROM kaa_notices WHERE tenant_id = ${kommun}::uuid AND dedupe_key = 'rule-test:concurrent'
                   AND youth_id IS NULL)::int AS unmatched`,
  );
  assert.deepEqual(counts, { open: a.inGroup, youth: a.inGroup, unmatched: 0 });
});

test('a tenant that is not a municipal organiser gets no register', async () => {
  const school = randomUUID();
  await db.execute(sql`INSERT INTO organisers (id, name, organisation_number, kind, municipality_code)
    VALUES (${school}::uuid, 'Friskolan AB', '5560001480', 'independent', ${home})`);
  const summary = await refreshTargetGroup(db, school, asOfs[0]!);
  assert.deepEqual(summary, { inGroup: 0, registered: 0, deregistered: 0, evaluated: 0 });
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM kaa_youth WHERE tenant_id = ${school}::uuid`);
  assert.equal(row?.n, 0);
});

test('every municipality side by side: in name order, each as it would be refreshed alone', async () => {
  const day = asOfs[2]!;
  const other = randomUUID();
  await db.execute(sql`INSERT INTO organisers (id, name, organisation_number, kind, municipality_code)
    VALUES (${other}::uuid, 'Andrakommunen', '2120001490', 'municipal', '1490')`);
  await db.execute(sql`INSERT INTO kaa_population (tenant_id, civic_no, civic_no_kind, given_name, family_name, birth_date,
      municipality_code, status, registered_in_sweden_on, registered_in_municipality_on, protected, address, import_id)
    SELECT ${other}::uuid, civic_no, civic_no_kind, given_name, family_name, birth_date, '1490', status, registered_in_sweden_on,
           registered_in_municipality_on, protected, address, import_id
      FROM kaa_population WHERE tenant_id = ${kommun}::uuid`);
  const all = await refreshTargetGroups(db, day, 2);
  assert.deepEqual(
    all.map((m) => [m.name, m.municipalityCode, m.evaluated]),
    [
      ['Andrakommunen', '1490', people - 1],
      ['Regelkommunen', home, people - 1],
    ],
  );
  assert.ok(all[0]!.inGroup > 0 && all[0]!.registered === all[0]!.inGroup, 'the new municipality registers its group');
  for (const [tenant, summary] of [
    [other, all[0]!],
    [kommun, all[1]!],
  ] as const) {
    const alone = await refreshTargetGroup(db, tenant, day);
    assert.deepEqual([alone.inGroup, alone.registered, alone.deregistered], [summary.inGroup, 0, 0]);
  }
});
