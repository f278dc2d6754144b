/**
 * The handovers' route tests' shared set-up: the access fixtures with the app on the fixtures' clock, signed-in
 * requests and the last log row of an action; a student who leaves year 9 in June with support (a case with an active
 * intervention) and the same student admitted by the independent organiser's upper-secondary school.
 */
import {
  accessLogRows,
  accountId,
  fixtureClock,
  friskola,
  kommun,
  loadAccessFixtures,
  signIn,
  type Session,
} from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addStudent, createCase, createIntervention, setRoleUnits } from '../../../../test/support/factories/index.ts';
import { buildApp } from '../../app.ts';

export const gymnasiet = 'a0000000-0000-4000-8000-000000000002';
export const skolan79 = 'a0000000-0000-4000-8000-000000000003';
export const friGymnasium = 'a1000000-0000-4000-8000-000000000002';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A fresh database with the access fixtures, the special educator on Exempelskolan and the independent principal on its upper-secondary school. */
export async function handoverTestApp() {
  const database = await createTestDatabase();
  await loadAccessFixtures(database);
  const { db } = database;
  const specialpedagog = await accountId(database, 'specialpedagog');
  await setRoleUnits(db, { tenantId: kommun, accountId: specialpedagog, unitIds: [skolan79] });
  await setRoleUnits(db, { tenantId: friskola, accountId: await accountId(database, 'fri-rektor'), unitIds: [friGymnasium] });
  const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
  const sessions = new Map<string, Session>();
  const as = async (u: string) => sessions.get(u) ?? sessions.set(u, await signIn(app, u)).get(u)!;
  /** A request signed in as `who`, or signed out (with the CSRF header, so the answer is about the session). */
  const request = async (method: Method, url: string, who?: string, payload?: object) =>
    app.inject({ method, url, ...(payload ? { payload } : {}), headers: who ? (await as(who)).headers : { 'x-fullfolj-csrf': '1' } });
  const lastLog = async (action: string) => (await accessLogRows(database)).filter((r) => r.action === action).at(-1);
  return { database, db, app, specialpedagog, request, lastLog };
}

type Db = Awaited<ReturnType<typeof handoverTestApp>>['db'];

/** A year-9 student at Exempelskolan until 14 June 2024 with a case and one active intervention; returns her id. */
export async function leavingYear9WithSupport(
  db: Db,
  s: { givenName: string; familyName: string; civicNo: string; responsibleId: string; intervention: string },
): Promise<string> {
  const id = await addStudent(db, {
    tenantId: kommun,
    givenName: s.givenName,
    familyName: s.familyName,
    civicNo: s.civicNo,
    schoolUnitId: skolan79,
    schoolType: 'GR',
    schoolYear: 9,
    startDate: '2021-08-15',
    endDate: '2024-06-14',
  });
  const caseId = await createCase(db, { tenantId: kommun, studentId: id, schoolUnitId: skolan79, responsibleId: s.responsibleId });
  await createIntervention(db, {
    tenantId: kommun,
    caseId,
    studentId: id,
    responsibleId: s.responsibleId,
    startDate: '2024-01-10',
    title: s.intervention,
    status: 'active',
  });
  return id;
}

/** The same person (by personnummer) admitted to the independent upper-secondary school; returns the id there. */
export async function admittedAtFriskola(
  db: Db,
  s: { givenName: string; familyName: string; civicNo: string; startDate?: string },
): Promise<string> {
  return addStudent(db, {
    tenantId: friskola,
    givenName: s.givenName,
    familyName: s.familyName,
    civicNo: s.civicNo,
    schoolUnitId: friGymnasium,
    startDate: s.startDate ?? '2024-10-20',
  });
}
