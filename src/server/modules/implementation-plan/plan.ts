/**
 * The organiser's implementation plan: its answers beside the platform's measurements, its actions and their
 * progress, and the commands that change them. Everything filtered on the tenant.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { implementationPlanActions, implementationPlanAnswers, organisers } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { frameworkItems, type ActionStatus } from '../../../shared/implementation-plan/framework.ts';
import type { PlanAction, PlanProgress, PlanView } from '../../../shared/implementation-plan/contract.ts';
import { measurePlan } from './measures.ts';

type ActionRow = typeof implementationPlanActions.$inferSelect;

const presentAction = (r: ActionRow, asOf: string): PlanAction => ({
  id: r.id,
  itemKey: r.itemKey,
  title: r.title,
  owner: r.owner,
  dueOn: r.dueOn,
  status: r.status,
  doneOn: r.doneOn,
  overdue: r.status !== 'done' && r.dueOn < asOf,
});

/** The actions' progress and how much of the self-assessment is answered. */
export function progressOf(actions: readonly PlanAction[], levels: readonly (number | null)[]): PlanProgress {
  const answered = levels.filter((l): l is number => l !== null);
  return {
    actions: actions.length,
    done: actions.filter((a) => a.status === 'done').length,
    inProgress: actions.filter((a) => a.status === 'in-progress').length,
    overdue: actions.filter((a) => a.overdue).length,
    answered: answered.length,
    items: levels.length,
    meanLevel: answered.length ? Math.round((answered.reduce((s, l) => s + l, 0) / answered.length) * 10) / 10 : null,
  };
}

/** The organiser's actions, by due date. */
export async function planActions(db: DbOrTx, tenantId: string, asOf: string): Promise<PlanAction[]> {
  const rows = await db.select().from(implementationPlanActions).where(eq(implementationPlanActions.tenantId, tenantId));
  return rows
    .map((r) => presentAction(r, asOf))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'sv') || a.id.localeCompare(b.id));
}

/** The organiser's progress alone (the monthly report's section). */
export async function planProgress(db: DbOrTx, tenantId: string, asOf: string): Promise<PlanProgress> {
  const answers = await db.select().from(implementationPlanAnswers).where(eq(implementationPlanAnswers.tenantId, tenantId));
  const byKey = new Map(answers.map((a) => [a.itemKey, a.level]));
  return progressOf(
    await planActions(db, tenantId, asOf),
    frameworkItems.map((i) => byKey.get(i.key) ?? null),
  );
}

/** The whole plan as the page shows it. */
export async function planView(db: DbOrTx, tenantId: string, asOf: string, canEdit: boolean): Promise<PlanView> {
  const [organiser] = await db.select({ name: organisers.name }).from(organisers).where(eq(organisers.id, tenantId));
  const answers = await db.select().from(implementationPlanAnswers).where(eq(implementationPlanAnswers.tenantId, tenantId));
  const byKey = new Map(answers.map((a) => [a.itemKey, a]));
  const figures = await measurePlan(db, tenantId, asOf);
  const actions = await planActions(db, tenantId, asOf);
  const presented = frameworkItems.map((item) => {
    const a = byKey.get(item.key);
    return {
      itemKey: item.key,
      level: a?.level ?? null,
      comment: a?.comment ?? '',
      measurement: item.measure ? figures[item.measure] : null,
      updatedAt: a?.updatedAt ?? null,
    };
  });
  return {
    asOf,
    organiser: organiser?.name ?? '',
    canEdit,
    answers: presented,
    actions,
    progress: progressOf(
      actions,
      presented.map((p) => p.level),
    ),
  };
}

/** Stores the organiser's answer to one item. */
export async function saveAnswer(
  db: DbOrTx,
  tenantId: string,
  itemKey: string,
  level: number,
  comment: string,
  by: string | null,
  at: string,
): Promise<void> {
  await db
    .insert(implementationPlanAnswers)
    .values({ tenantId, itemKey, level, comment, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: [implementationPlanAnswers.tenantId, implementationPlanAnswers.itemKey],
      set: { level, comment, updatedBy: by, updatedAt: at },
    });
}

export interface ActionInput {
  itemKey: string;
  title: string;
  owner: string;
  dueOn: string;
  status?: ActionStatus | undefined;
}

/** Adds an action (planned unless stated). */
export async function addAction(db: DbOrTx, tenantId: string, input: ActionInput, by: string | null, asOf: string): Promise<string> {
  const id = randomUUID();
  const status = input.status ?? 'planned';
  await db.insert(implementationPlanActions).values({
    tenantId,
    id,
    itemKey: input.itemKey,
    title: input.title,
    owner: input.owner,
    dueOn: input.dueOn,
    status,
    doneOn: status === 'done' ? asOf : null,
    updatedBy: by,
  });
  return id;
}

/** Changes an action; done gets today's date (kept when it was done already), 404 for another organiser's. */
export async function updateAction(
  db: DbOrTx,
  tenantId: string,
  id: string,
  input: ActionInput,
  by: string | null,
  now: Date,
  asOf: string,
): Promise<void> {
  const where = and(eq(implementationPlanActions.tenantId, tenantId), eq(implementationPlanActions.id, id));
  const [row] = await db.select().from(implementationPlanActions).where(where).for('update');
  if (!row) throw notFound();
  const status = input.status ?? row.status;
  await db
    .update(implementationPlanActions)
    .set({
      itemKey: input.itemKey,
      title: input.title,
      owner: input.owner,
      dueOn: input.dueOn,
      status,
      doneOn: status === 'done' ? (row.doneOn ?? asOf) : null,
      updatedBy: by,
      updatedAt: now.toISOString(),
    })
    .where(where);
}
