/**
 * The officer's work on one young person (commands, each in the request's transaction): contact details, contacts,
 * occupation, the individual plan, measures (a measure cannot be closed without its outcome), dismissing a false
 * positive and revoking that, completions recorded by hand, and deregistration by hand.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  kaaCompletions,
  kaaContacts,
  kaaDismissals,
  kaaMeasures,
  kaaOccupations,
  kaaPlans,
  kaaRegistrations,
  kaaYouth,
} from '../../db/schema/index.ts';
import type {
  AddContactBody,
  AddOccupationBody,
  CloseMeasureBody,
  DismissBody,
  OpenMeasureBody,
  SavePlanBody,
  UpdateMeasureBody,
} from '../../../shared/kaa/contract.ts';
import { kaaFieldLabels } from '../../../shared/kaa/contract.ts';
import type { KaaDeregistrationReason, KaaRegistrationReason } from '../../../shared/kaa/codes.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { badInput, conflict } from '../interventions/refusals.ts';
import type { YouthRow } from './policy.ts';

export type MeasureRow = typeof kaaMeasures.$inferSelect;

const stale = () => conflict('Uppgifterna har ändrats av någon annan sedan du läste dem. Läs in sidan igen.');
const notAfterToday = (ctx: ActorContext, field: string, date: string | undefined) => {
  if (date && date > dateOf(ctx.now))
    throw badInput(field, { sv: 'får inte vara ett datum i framtiden', en: 'must not be a date in the future' }, kaaFieldLabels);
};
const empty = (v: string | undefined) => (v === undefined || v === '' ? null : v);

export async function saveContactDetails(
  tx: DbOrTx,
  ctx: ActorContext,
  youth: YouthRow,
  body: { version: number; email?: string | undefined; phone?: string | undefined },
) {
  if (youth.protected)
    throw badInput(
      'phone',
      { sv: 'sparas inte för en person med skyddad identitet', en: 'is not kept for a person with a protected identity' },
      kaaFieldLabels,
    );
  const [row] = await tx
    .update(kaaYouth)
    .set({
      ...(body.email !== undefined ? { email: empty(body.email) } : {}),
      ...(body.phone !== undefined ? { phone: empty(body.phone) } : {}),
      version: youth.version + 1,
      updatedAt: ctx.now.toISOString(),
    })
    .where(and(eq(kaaYouth.tenantId, youth.tenantId), eq(kaaYouth.id, youth.id), eq(kaaYouth.version, body.version)))
    .returning({ id: kaaYouth.id, version: kaaYouth.version });
  if (!row) throw stale();
  return row;
}

export async function addContact(tx: DbOrTx, ctx: ActorContext, youth: YouthRow, body: AddContactBody) {
  notAfterToday(ctx, 'contactedOn', body.contactedOn);
  const [row] = await tx
    .insert(kaaContacts)
    .values({
      tenantId: youth.tenantId,
      youthId: youth.id,
      contactedOn: body.contactedOn,
      kind: body.kind,
      outcome: body.outcome,
      note: empty(body.note),
      recordedBy: ctx.actor.accountId,
    })
    .returning({ id: kaaContacts.id });
  return row!;
}

export async function addOccupation(tx: DbOrTx, ctx: ActorContext, youth: YouthRow, body: AddOccupationBody) {
  if (body.fromDate && body.toDate && body.toDate < body.fromDate)
    throw badInput('toDate', { sv: 'får inte vara före Från', en: 'must not be before From' }, kaaFieldLabels);
  const [row] = await tx
    .insert(kaaOccupations)
    .values({
      tenantId: youth.tenantId,
      youthId: youth.id,
      timing: body.timing,
      kind: body.kind,
      description: empty(body.description),
      fromDate: body.fromDate ?? null,
      toDate: body.toDate ?? null,
      recordedBy: ctx.actor.accountId,
    })
    .returning({ id: kaaOccupations.id });
  return row!;
}

export async function savePlan(tx: DbOrTx, ctx: ActorContext, youth: YouthRow, body: SavePlanBody) {
  const [existing] = await tx
    .select()
    .from(kaaPlans)
    .where(and(eq(kaaPlans.tenantId, youth.tenantId), eq(kaaPlans.youthId, youth.id)));
  if (!existing) {
    if (body.version !== undefined) throw stale();
    await tx.insert(kaaPlans).values({
      tenantId: youth.tenantId,
      youthId: youth.id,
      goal: body.goal,
      plan: body.plan,
      establishedOn: body.establishedOn,
      updatedBy: ctx.actor.accountId,
    });
    return { id: youth.id, version: 1 };
  }
  if (body.version !== existing.version) throw stale();
  const [row] = await tx
    .update(kaaPlans)
    .set({
      goal: body.goal,
      plan: body.plan,
      establishedOn: body.establishedOn,
      version: existing.version + 1,
      updatedBy: ctx.actor.accountId,
      updatedAt: ctx.now.toISOString(),
    })
    .where(and(eq(kaaPlans.tenantId, youth.tenantId), eq(kaaPlans.youthId, youth.id), eq(kaaPlans.version, existing.version)))
    .returning({ version: kaaPlans.version });
  if (!row) throw stale();
  return { id: youth.id, version: row.version };
}

function checkMeasureDates(start: string, followUpOn: string | null | undefined, evaluationOn: string | null | undefined) {
  if (followUpOn && followUpOn < start)
    throw badInput('followUpOn', { sv: 'får inte vara före startdatum', en: 'must not be before the start date' }, kaaFieldLabels);
  if (evaluationOn && evaluationOn < start)
    throw badInput('evaluationOn', { sv: 'får inte vara före startdatum', en: 'must not be before the start date' }, kaaFieldLabels);
}

function checkOtherActor(responsible: string, otherActor: string | null | undefined) {
  if (responsible === 'other-actor' && !otherActor)
    throw badInput(
      'otherActor',
      { sv: 'ska anges när en annan aktör är huvudansvarig', en: 'is required when another actor is mainly responsible' },
      kaaFieldLabels,
    );
}

export async function openMeasure(tx: DbOrTx, ctx: ActorContext, youth: YouthRow, body: OpenMeasureBody) {
  checkMeasureDates(body.startDate, body.followUpOn, body.evaluationOn);
  checkOtherActor(body.responsible, empty(body.otherActor));
  const [row] = await tx
    .insert(kaaMeasures)
    .values({
      tenantId: youth.tenantId,
      youthId: youth.id,
      kind: body.kind,
      description: body.description,
      responsible: body.responsible,
      youngPersonPart: empty(body.youngPersonPart),
      municipalityPart: empty(body.municipalityPart),
      otherActor: empty(body.otherActor),
      otherActorPart: empty(body.otherActorPart),
      startDate: body.startDate,
      followUpOn: body.followUpOn ?? null,
      evaluationOn: body.evaluationOn ?? null,
      createdBy: ctx.actor.accountId,
    })
    .returning({ id: kaaMeasures.id, version: kaaMeasures.version });
  return row!;
}

export async function updateMeasure(tx: DbOrTx, ctx: ActorContext, measure: MeasureRow, body: UpdateMeasureBody) {
  if (measure.status === 'closed') throw conflict('Insatsen är avslutad och kan inte ändras.');
  const next = {
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.responsible !== undefined ? { responsible: body.responsible } : {}),
    ...(body.youngPersonPart !== undefined ? { youngPersonPart: empty(body.youngPersonPart) } : {}),
    ...(body.municipalityPart !== undefined ? { municipalityPart: empty(body.municipalityPart) } : {}),
    ...(body.otherActor !== undefined ? { otherActor: empty(body.otherActor) } : {}),
    ...(body.otherActorPart !== undefined ? { otherActorPart: empty(body.otherActorPart) } : {}),
    ...(body.followUpOn !== undefined ? { followUpOn: body.followUpOn } : {}),
    ...(body.evaluationOn !== undefined ? { evaluationOn: body.evaluationOn } : {}),
  };
  checkMeasureDates(measure.startDate, next.followUpOn, next.evaluationOn);
  checkOtherActor(next.responsible ?? measure.responsible, next.otherActor !== undefined ? next.otherActor : measure.otherActor);
  const [row] = await tx
    .update(kaaMeasures)
    .set({ ...next, version: measure.version + 1, updatedBy: ctx.actor.accountId, updatedAt: ctx.now.toISOString() })
    .where(and(eq(kaaMeasures.tenantId, measure.tenantId), eq(kaaMeasures.id, measure.id), eq(kaaMeasures.version, body.version)))
    .returning({ id: kaaMeasures.id, version: kaaMeasures.version });
  if (!row) throw stale();
  return row;
}

/** Closes a measure: end date, why it ended and its outcome are all required (the schema refuses a close without them). */
export async function closeMeasure(tx: DbOrTx, ctx: ActorContext, measure: MeasureRow, body: CloseMeasureBody) {
  if (measure.status === 'closed') throw conflict('Insatsen är redan avslutad.');
  if (body.endDate < measure.startDate)
    throw badInput('endDate', { sv: 'får inte vara före startdatum', en: 'must not be before the start date' }, kaaFieldLabels);
  notAfterToday(ctx, 'endDate', body.endDate);
  const [row] = await tx
    .update(kaaMeasures)
    .set({
      status: 'closed',
      endDate: body.endDate,
      endReason: body.endReason,
      outcome: body.outcome,
      version: measure.version + 1,
      updatedBy: ctx.actor.accountId,
      updatedAt: ctx.now.toISOString(),
    })
    .where(and(eq(kaaMeasures.tenantId, measure.tenantId), eq(kaaMeasures.id, measure.id), eq(kaaMeasures.version, body.version)))
    .returning({ id: kaaMeasures.id, version: kaaMeasures.version });
  if (!row) throw stale();
  return row;
}

/** Ends the open registration by hand (or as a dismissal), and takes the young person off the list. */
async function endRegistration(tx: DbOrTx, ctx: ActorContext, youth: YouthRow, on: string, reason: KaaDeregistrationReason) {
  await tx
    .update(kaaRegistrations)
    .set({ deregisteredOn: on, deregistrationReason: reason, deregistrationSource: 'manual', deregisteredBy: ctx.actor.accountId })
    .where(
      and(eq(kaaRegistrations.tenantId, youth.tenantId), eq(kaaRegistrations.youthId, youth.id), isNull(kaaRegistrations.deregisteredOn)),
    );
  const [row] = await tx
    .update(kaaYouth)
    .set({ inGroup: false, version: youth.version + 1, updatedAt: ctx.now.toISOString() })
    .where(and(eq(kaaYouth.tenantId, youth.tenantId), eq(kaaYouth.id, youth.id)))
    .returning({ id: kaaYouth.id, version: kaaYouth.version });
  return row!;
}

/**
 * Dismisses a false positive with a reason: kept (with the source whose data put the young person there, and that
 * organiser when another one's), and the next computation leaves the young person out until it is revoked.
 */
export async function dismiss(tx: DbOrTx, ctx: ActorContext, youth: YouthRow, body: DismissBody) {
  const [already] = await tx
    .select({ id: kaaDismissals.id })
    .from(kaaDismissals)
    .where(and(eq(kaaDismissals.tenantId, youth.tenantId), eq(kaaDismissals.youthId, youth.id), isNull(kaaDismissals.revokedAt)));
  if (already) throw conflict('Personen är redan avförd från listan.');
  // The source that placed them: the criterion "not in upper secondary" names whose data said so.
  const placing = youth.criteria.find((c) => c.criterion === 'not-in-upper-secondary' && c.holds) ?? youth.criteria.find((c) => c.holds);
  let organiserId: string | null = null;
  if (placing?.source === 'notice-received' && placing.organiserName) {
    const { organisers } = await import('../../db/schema/index.ts');
    const [o] = await tx.select({ id: organisers.id }).from(organisers).where(eq(organisers.name, placing.organiserName));
    organiserId = o?.id ?? null;
  }
  const [row] = await tx
    .insert(kaaDismissals)
    .values({
      tenantId: youth.tenantId,
      youthId: youth.id,
      reason: body.reason,
      note: empty(body.note),
      causedBySource: placing?.source ?? null,
      causedByOrganiserId: organiserId,
      dismissedBy: ctx.actor.accountId,
    })
    .returning({ id: kaaDismissals.id });
  await endRegistration(tx, ctx, youth, dateOf(ctx.now), 'dismissed');
  return row!;
}

export async function revokeDismissal(tx: DbOrTx, ctx: ActorContext, dismissal: typeof kaaDismissals.$inferSelect) {
  if (dismissal.revokedAt) throw conflict('Avförandet är redan återkallat.');
  await tx
    .update(kaaDismissals)
    .set({ revokedAt: ctx.now.toISOString(), revokedBy: ctx.actor.accountId })
    .where(and(eq(kaaDismissals.tenantId, dismissal.tenantId), eq(kaaDismissals.id, dismissal.id)));
  return { id: dismissal.id, version: 1 };
}

export async function addCompletion(
  tx: DbOrTx,
  ctx: ActorContext,
  youth: YouthRow,
  body: { kind: (typeof kaaCompletions.$inferInsert)['kind']; completedOn: string },
) {
  notAfterToday(ctx, 'completedOn', body.completedOn);
  const [row] = await tx
    .insert(kaaCompletions)
    .values({
      tenantId: youth.tenantId,
      youthId: youth.id,
      kind: body.kind,
      completedOn: body.completedOn,
      recordedBy: ctx.actor.accountId,
    })
    .returning({ id: kaaCompletions.id });
  return row!;
}

export async function deregister(
  tx: DbOrTx,
  ctx: ActorContext,
  youth: YouthRow,
  body: { version: number; reason: KaaDeregistrationReason; date: string },
) {
  if (body.version !== youth.version) throw stale();
  if (!youth.inGroup) throw conflict('Personen finns inte i målgruppen nu.');
  notAfterToday(ctx, 'date', body.date);
  return endRegistration(tx, ctx, youth, body.date, body.reason);
}

/**
 * Registers by hand a young person of the register who is not in the group now (the data does not say they should be,
 * or an earlier deregistration by hand was wrong): a period with the officer's reason, kept by the computation until the
 * data decides otherwise (turned 20, moved, emigrated, deceased, completed: refresh.ts) or the officer deregisters.
 */
export async function register(
  tx: DbOrTx,
  ctx: ActorContext,
  youth: YouthRow,
  body: { version: number; reason: KaaRegistrationReason; date: string },
) {
  if (body.version !== youth.version) throw stale();
  if (youth.inGroup) throw conflict('Personen finns redan i målgruppen.');
  const [dismissal] = await tx
    .select({ id: kaaDismissals.id })
    .from(kaaDismissals)
    .where(and(eq(kaaDismissals.tenantId, youth.tenantId), eq(kaaDismissals.youthId, youth.id), isNull(kaaDismissals.revokedAt)));
  if (dismissal) throw conflict('Personen är avförd som felaktigt på listan. Återkalla avförandet i stället.');
  notAfterToday(ctx, 'date', body.date);
  if (body.date < youth.birthDate)
    throw badInput('date', { sv: 'får inte vara före födelsedagen', en: 'must not be before the date of birth' }, kaaFieldLabels);
  await tx.insert(kaaRegistrations).values({
    tenantId: youth.tenantId,
    youthId: youth.id,
    registeredOn: body.date,
    registrationReason: body.reason,
    registrationSource: 'manual',
    registeredBy: ctx.actor.accountId,
  });
  const [row] = await tx
    .update(kaaYouth)
    .set({ inGroup: true, version: youth.version + 1, updatedAt: ctx.now.toISOString() })
    .where(and(eq(kaaYouth.tenantId, youth.tenantId), eq(kaaYouth.id, youth.id)))
    .returning({ id: kaaYouth.id, version: kaaYouth.version });
  return row!;
}
