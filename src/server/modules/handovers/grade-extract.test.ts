import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { accountId, friskola, kommun } from '../../../../test/support/access.ts';
import { addStudent, recordLessons, setRoleUnits } from '../../../../test/support/factories/index.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { activities, activityGroups, grades, groupMemberships, groups, syllabuses } from '../../db/schema/index.ts';
import { admittedAtFriskola, friGymnasium, gymnasiet, handoverTestApp } from './test-app.ts';

const civicNo = '200801042391';

const { database, db, request, lastLog } = await handoverTestApp();
// Ulla leaves Exempelgymnasiet at the end of September for the independent school, with one course graded and one begun.
const ulla = await addStudent(db, {
  tenantId: kommun,
  givenName: 'Ulla',
  familyName: 'Utdragsson',
  civicNo,
  schoolUnitId: gymnasiet,
  startDate: '2023-08-15',
  endDate: '2024-09-30',
});
await admittedAtFriskola(db, { givenName: 'Ulla', familyName: 'Utdragsson', civicNo });
const [english, history] = [randomUUID(), randomUUID()];
const modified = '2024-08-01T00:00:00Z';
await db.insert(syllabuses).values([
  {
    tenantId: kommun,
    id: english,
    schoolType: 'GY',
    subjectCode: 'ENG',
    subjectName: 'Engelska',
    courseCode: 'ENGENG05',
    courseName: 'Engelska 5',
    points: 100,
    official: true,
    sourceModified: modified,
  },
  {
    tenantId: kommun,
    id: history,
    schoolType: 'GY',
    subjectCode: 'HIS',
    subjectName: 'Historia',
    courseCode: 'HISHIS01a1',
    courseName: 'Historia 1a1',
    points: 50,
    official: true,
    sourceModified: modified,
  },
]);
await db.insert(grades).values({
  tenantId: kommun,
  id: randomUUID(),
  studentId: ulla,
  organisationId: gymnasiet,
  syllabusId: english,
  gradeValue: 'C',
  finalGrade: true,
  registeredDate: '2024-06-10',
  sourceModified: modified,
});
const [group, activity] = [randomUUID(), randomUUID()];
await db.insert(groups).values({
  tenantId: kommun,
  id: group,
  displayName: 'Historia Ulla',
  groupType: 'Undervisning',
  organisationId: gymnasiet,
  startDate: '2024-08-15',
  sourceModified: modified,
});
await db.insert(groupMemberships).values({ tenantId: kommun, groupId: group, personId: ulla, startDate: '2024-08-15' });
await db.insert(activities).values({
  tenantId: kommun,
  id: activity,
  displayName: 'Historia',
  organisationId: gymnasiet,
  syllabusId: history,
  startDate: '2024-08-19',
  sourceModified: modified,
});
await db.insert(activityGroups).values({ tenantId: kommun, activityId: activity, groupId: group });
await recordLessons(db, {
  tenantId: kommun,
  studentId: ulla,
  lessons: [{ date: '2024-09-02', invalid: 80 }, { date: '2024-09-03', invalid: 40 }, { date: '2024-09-04' }],
});
await setRoleUnits(db, { tenantId: kommun, accountId: await accountId(database, 'specialpedagog'), unitIds: [gymnasiet] });

let handover = '';
test('the sender prints the grade-catalogue extract: grades, the course begun but not finished, unexcused absence, no codes', async () => {
  const items = (await request('GET', '/api/handovers/outgoing', 'specialpedagog')).json().items;
  handover = items.find((i: { studentName: string }) => i.studentName.startsWith('Ulla')).id;
  const url = `/api/handovers/${handover}/grade-extract`;
  assert.equal((await request('GET', url)).statusCode, 401);
  assert.equal((await request('GET', '/api/handovers/not-a-uuid/grade-extract', 'specialpedagog')).statusCode, 400);
  assert.equal((await request('GET', url, 'kurator')).statusCode, 404);
  assert.equal((await lastLog('handovers.grade-extract'))?.outcome, 'denied');
  const pdf = await request('GET', url, 'specialpedagog');
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /Utdrag ur betygskatalogen/);
  assert.match(text, /Engelska 5, 100 poäng/);
  assert.match(text, /C, satt 2024-06-10/);
  assert.match(text, /Historia 1a1, 50 poäng/);
  assert.match(text, /påbörjad 2024-08-19/);
  assert.match(text, /2 timmar/);
  assert.ok(!/ENGENG05|HISHIS01a1|200801042391/.test(text), 'no course code or civic number');
  const log = await lastLog('handovers.grade-extract');
  assert.equal(log?.outcome, 'allowed');
  assert.ok(log?.subject_ids.includes(ulla));
});

test('sent, the receiving unit prints the same extract as it was when sent', async () => {
  const view = (await request('GET', `/api/handovers/${handover}`, 'specialpedagog')).json();
  const saved = await request('PUT', `/api/handovers/${handover}`, 'specialpedagog', {
    ...view.content,
    version: view.version,
    toUnitId: friGymnasium,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const sent = await request('POST', `/api/handovers/${handover}/send`, 'specialpedagog', { version: saved.json().version });
  assert.equal(sent.statusCode, 200, sent.body);
  const [received] = (await request('GET', '/api/handovers/incoming', 'fri-rektor')).json().items;
  const pdf = await request('GET', `/api/handovers/${received.id}/grade-extract`, 'fri-rektor');
  assert.equal(pdf.statusCode, 200, pdf.body);
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /Engelska 5, 100 poäng/);
  assert.match(text, /Historia 1a1/);
  assert.equal((await lastLog('handovers.grade-extract'))?.tenant_id, friskola);
});
