/**
 * A case for the tests of the interventions module and its neighbours (documents, effect, meetings, dashboard, digest),
 * built through the same commands the routes use, on a database with the access fixtures (`loadAccessFixtures`, or the
 * early-warning scenario `loadScenario` + `refreshTenant`, which gives Alva a flag). For Alva at Exempelgymnasiet:
 * - 2024-09-16 the kurator opens the case (from her flag when she has one, else by hand), team: the psychologist;
 *   adds Check & Connect (start 2024-09-16, end 2024-12-20) with follow-ups on 2024-09-27, 2024-10-08 and 2024-11-05,
 *   and starts it: the case is `in-progress`;
 * - 2024-09-17 the kurator writes a note and the psychologist a sensitive one (`sensitiveNoteText`).
 * On the fixture date (2024-10-01) the first follow-up is overdue, the second due within 14 days, the third later.
 */
import { eq } from 'drizzle-orm';
import { accountId } from '../../../../test/support/access.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import { caseInterventions, knowledgeRecords as methods } from '../../db/schema/index.ts';
import { loadActor, type ActorContext } from '../../platform/context.ts';
import { addIntervention, addNote, updateIntervention } from './interventions.ts';
import { openCase } from './cases.ts';
import { loadCaseForActor, type CaseRow } from './policy.ts';
import { situationOf } from './queries.ts';

export const alvaId = 'd0000000-0000-4000-8000-000000000001';
export const exempelgymnasiet = 'a0000000-0000-4000-8000-000000000002';
export const caseOpenedOn = '2024-09-16';
export const followUpDates = { overdue: '2024-09-27', upcoming: '2024-10-08', later: '2024-11-05' } as const;
export const sensitiveNoteText = 'Känsligt: eleven berättar om oro hemma (syntetiskt testfall).';
export const plainNoteText = 'Samtal med Alva och vårdnadshavare; överens om Check & Connect.';

export interface CaseFixture {
  caseId: string;
  interventionId: string;
  followUpIds: { overdue: string; upcoming: string; later: string };
  noteIds: { plain: string; sensitive: string };
  accounts: { kurator: string; psykolog: string };
  methodId: string;
}

/** A signed-in context for `username` at `at` (an ISO time), as a request would have. */
export async function contextFor(database: Database, username: string, at: string): Promise<ActorContext> {
  const actor = await loadActor(database.db, await accountId(database, username));
  if (!actor) throw new Error(`no account ${username}`);
  return { requestId: `fixture-${username}-${at}`, ip: '127.0.0.1', now: new Date(at), actor };
}

async function reach(tx: DbOrTx, ctx: ActorContext, caseId: string): Promise<CaseRow> {
  const row = await loadCaseForActor(tx, ctx.actor, caseId, {
    asOf: ctx.now.toISOString().slice(0, 10),
    permission: 'interventions.write',
  });
  if (!row) throw new Error('fixture case not reachable');
  return row;
}

/** Opens Alva's case with one started intervention, three follow-ups and two notes (see the file's comment). */
export async function openAlvaCase(database: Database): Promise<CaseFixture> {
  const opening = await contextFor(database, 'kurator', `${caseOpenedOn}T09:00:00+02:00`);
  const kurator = opening.actor.accountId;
  const psykolog = await accountId(database, 'psykolog');
  const [method] = await database.db.select({ id: methods.id }).from(methods).where(eq(methods.slug, 'check-and-connect'));
  if (!method) throw new Error('method check-and-connect is not seeded');
  const flagged = !!(await situationOf(database.db, opening.actor.tenantId ?? '', alvaId))?.flags.length;

  const opened = await database.db.transaction((tx) =>
    openCase(tx, opening, {
      studentId: alvaId,
      reason: 'Hög ogiltig frånvaro sedan skolstarten.',
      level: 'preventing',
      responsibleId: kurator,
      teamIds: [psykolog],
      openedFrom: flagged ? 'flag' : 'manual',
    }),
  );
  const planning = await contextFor(database, 'kurator', `${caseOpenedOn}T10:00:00+02:00`);
  const added = await database.db.transaction(async (tx) =>
    addIntervention(tx, planning, await reach(tx, planning, opened.id), {
      methodId: method.id,
      goal: 'Närvaro över 90 % till jullovet.',
      actions: 'Kuratorn träffar Alva varje vecka; mentorn ringer hem vid frånvaro.',
      responsibleId: kurator,
      startDate: caseOpenedOn,
      endDate: '2024-12-20',
      followUpDates: [followUpDates.overdue, followUpDates.upcoming, followUpDates.later],
    }),
  );
  const starting = await contextFor(database, 'kurator', `${caseOpenedOn}T10:30:00+02:00`);
  await database.db.transaction(async (tx) => {
    const [intervention] = await tx.select().from(caseInterventions).where(eq(caseInterventions.id, added.id));
    if (!intervention) throw new Error('fixture intervention missing');
    await updateIntervention(tx, starting, await reach(tx, starting, opened.id), intervention, {
      version: intervention.version,
      status: 'active',
    });
  });
  const writing = await contextFor(database, 'kurator', '2024-09-17T13:00:00+02:00');
  const plain = await database.db.transaction(async (tx) =>
    addNote(tx, writing, await reach(tx, writing, opened.id), { body: plainNoteText, sensitive: false }),
  );
  const psychologist = await contextFor(database, 'psykolog', '2024-09-17T14:00:00+02:00');
  const sensitive = await database.db.transaction(async (tx) =>
    addNote(tx, psychologist, await reach(tx, psychologist, opened.id), { body: sensitiveNoteText, sensitive: true }),
  );
  const [overdue, upcoming, later] = added.followUpIds;
  if (!overdue || !upcoming || !later) throw new Error('fixture follow-ups missing');
  return {
    caseId: opened.id,
    interventionId: added.id,
    followUpIds: { overdue, upcoming, later },
    noteIds: { plain: plain.id, sensitive: sensitive.id },
    accounts: { kurator, psykolog },
    methodId: method.id,
  };
}
