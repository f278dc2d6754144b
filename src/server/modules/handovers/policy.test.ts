// The sending mentor's reach (policy.ts): a mentor of the student in the last term at the sending unit prepares the
// handover, even when the mentor duty ended with the term, before the enrolment did; a mentor whose group the student
// left long before (a class change at Christmas) does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { kommun } from '../../../../test/support/access.ts';
import { setEnrolmentEnd } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { dutyAssignments, groupMemberships, groups } from '../../db/schema/index.ts';
import { admittedAtFriskola, handoverTestApp, leavingYear9WithSupport, skolan79 } from './test-app.ts';

/** Skatteverket's test personnummer. */
const vilmaCivic = '200801122383';
const wilgotCivic = '200801132390';

const { db, specialpedagog, request, lastLog } = await handoverTestApp();

/** A class at Exempelskolan whose mentor is the demo mentor from `from` to `to`, with `studentId` a member from `from` to `memberTo`. */
async function mentorClass(studentId: string, s: { label: string; from: string; to: string; memberTo: string }): Promise<void> {
  const id = randomUUID();
  await db.insert(groups).values({
    tenantId: kommun,
    id,
    displayName: s.label,
    groupType: 'Klass',
    organisationId: skolan79,
    startDate: s.from,
    endDate: s.to,
    sourceModified: sql`now()`,
  });
  await db.insert(groupMemberships).values({ tenantId: kommun, groupId: id, personId: studentId, startDate: s.from, endDate: s.memberTo });
  const [duty] = await queryRows<{ id: string }>(
    db,
    sql`SELECT d.id FROM duties d JOIN role_assignments ra ON ra.tenant_id = d.tenant_id AND ra.person_id = d.person_id
          JOIN accounts a ON a.id = ra.account_id AND a.username = 'mentor' WHERE d.tenant_id = ${kommun}::uuid LIMIT 1`,
  );
  await db
    .insert(dutyAssignments)
    .values({ tenantId: kommun, dutyId: duty!.id, groupId: id, assignmentRoleType: 'Mentor', startDate: s.from, endDate: s.to });
}

/** A year-9 leaver whose enrolment ends 30 June, admitted by the independent upper-secondary school. */
async function leaver(givenName: string, civicNo: string): Promise<string> {
  const id = await leavingYear9WithSupport(db, {
    givenName,
    familyName: 'Terminsson',
    civicNo,
    responsibleId: specialpedagog,
    intervention: 'Anpassad studieplan',
  });
  await setEnrolmentEnd(db, { tenantId: kommun, personId: id, endDate: '2024-06-30' });
  await admittedAtFriskola(db, { givenName, familyName: 'Terminsson', civicNo });
  return id;
}

interface Item {
  id: string;
  studentName: string;
}

test("the mentor of the student's last term reaches the draft though the mentor duty ended at term end, before the enrolment", async () => {
  // Vilma: in the mentor's class until the term ended on 12 June; the enrolment runs to 30 June.
  const vilma = await leaver('Vilma', vilmaCivic);
  await mentorClass(vilma, { label: '9C', from: '2023-08-15', to: '2024-06-12', memberTo: '2024-06-12' });
  // Wilgot: left the mentor's class at Christmas, six months before leaving the school.
  const wilgot = await leaver('Wilgot', wilgotCivic);
  await mentorClass(wilgot, { label: '9D', from: '2023-08-15', to: '2024-06-12', memberTo: '2023-12-20' });

  // The special educator opens the list first: the drafts are made for both.
  const all = (await request('GET', '/api/handovers/outgoing', 'specialpedagog')).json().items as Item[];
  const wilgotDraft = all.find((i) => i.studentName.startsWith('Wilgot'));
  assert.ok(wilgotDraft && all.some((i) => i.studentName.startsWith('Vilma')), JSON.stringify(all));

  const res = await request('GET', '/api/handovers/outgoing', 'mentor');
  assert.equal(res.statusCode, 200, res.body);
  const mine = res.json().items as Item[];
  const vilmaDraft = mine.find((i) => i.studentName.startsWith('Vilma'));
  assert.ok(vilmaDraft, res.body);
  assert.ok(!mine.some((i) => i.studentName.startsWith('Wilgot')), 'not the mentor of his last term');
  assert.ok((await lastLog('handovers.outgoing'))?.subject_ids.includes(vilma));

  const one = await request('GET', `/api/handovers/${vilmaDraft.id}`, 'mentor');
  assert.equal(one.statusCode, 200, one.body);
  assert.equal((await lastLog('handovers.read'))?.outcome, 'allowed');
  assert.equal((await request('GET', `/api/handovers/${wilgotDraft.id}`, 'mentor')).statusCode, 404);
  const denied = await lastLog('handovers.read');
  assert.equal(denied?.outcome, 'denied');
  assert.ok(!denied?.subject_ids.includes(wilgot));
});
