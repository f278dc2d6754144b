/**
 * Team meetings read back: the stored agenda with names and current state resolved for the students the reader may
 * see (the others are left out and counted), the attendees, and the decisions taken at the meeting — interventions
 * added with its id (`case_interventions.meeting_id`) and other case changes recorded with it (`case_events.meeting_id`).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { eventKindLabels, type CaseEventKind } from '../../../shared/interventions/labels.ts';
import type { Meeting } from '../../../shared/interventions/meetings.ts';
import {
  accounts,
  caseInterventions,
  cases,
  knowledgeRecords,
  organisations,
  persons,
  studentRisk,
  teamMeetings,
} from '../../db/schema/index.ts';
import { agendaStudentIds, readAgenda } from './agenda.ts';
import { historyIds, presentChanges, type HistoryLookups, type StoredChanges } from './history.ts';

export type MeetingRow = typeof teamMeetings.$inferSelect;
export interface Named {
  id: string;
  name: string;
}

const nameOf = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** The meeting `id` in the tenant, or null. */
export async function loadMeeting(tx: DbOrTx, tenantId: string, id: string): Promise<MeetingRow | null> {
  const [row] = await tx
    .select()
    .from(teamMeetings)
    .where(and(eq(teamMeetings.tenantId, tenantId), eq(teamMeetings.id, id)));
  return row ?? null;
}

/** School units by id, with their names (organisation data). */
export async function unitNames(tx: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: organisations.id, name: organisations.displayName })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function accountNames(tx: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .where(inArray(accounts.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function studentNames(tx: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, [...ids])));
  return new Map(rows.map((r) => [r.id, nameOf(r)]));
}

interface DecisionRow extends Record<string, unknown> {
  kind: string;
  case_id: string;
  student_id: string;
  intervention_id: string | null;
  title: string | null;
  responsible_id: string | null;
  date: string;
  changes: StoredChanges | null;
}

/**
 * The decisions of a meeting: each intervention added with its id, and each other recorded change (a case's status,
 * responsible person or level; an intervention's evaluation) — never a note's text, only that a note was written.
 */
export async function meetingDecisions(tx: DbOrTx, tenantId: string, meetingId: string): Promise<DecisionRow[]> {
  return queryRows<DecisionRow>(
    tx,
    sql`
    SELECT 'intervention-added' AS kind, i.case_id, i.student_id, i.id AS intervention_id, i.title, i.responsible_id,
           i.start_date::text AS date, NULL::jsonb AS changes
      FROM case_interventions i WHERE i.tenant_id = ${tenantId}::uuid AND i.meeting_id = ${meetingId}::uuid
    UNION ALL
    SELECT e.kind, e.case_id, e.student_id, ci.id, ci.title, coalesce(ci.responsible_id, c.responsible_id),
           (e.at AT TIME ZONE 'Europe/Stockholm')::date::text, CASE WHEN e.kind = 'note-added' THEN NULL ELSE e.changes END
      FROM case_events e
      LEFT JOIN cases c ON c.tenant_id = e.tenant_id AND c.id = e.case_id
      LEFT JOIN case_interventions ci ON ci.tenant_id = e.tenant_id AND ci.id = e.entity_id
     WHERE e.tenant_id = ${tenantId}::uuid AND e.meeting_id = ${meetingId}::uuid AND e.kind <> 'intervention-added'
     ORDER BY date, kind, case_id`,
  );
}

/** The students a meeting concerns: on its agenda or in its decisions. */
export async function meetingStudentIds(tx: DbOrTx, meeting: MeetingRow): Promise<string[]> {
  const decided = await meetingDecisions(tx, meeting.tenantId, meeting.id);
  return [...new Set([...agendaStudentIds(readAgenda(meeting.agenda)), ...decided.map((d) => d.student_id)])];
}

/**
 * The meeting as the reader sees it: `visible` are the students they may see (the only names resolved); items about
 * others are left out and counted in `agenda.hidden` and `hiddenDecisions`.
 */
export async function presentMeeting(tx: DbOrTx, meeting: MeetingRow, visible: ReadonlySet<string>): Promise<Meeting> {
  const tenantId = meeting.tenantId;
  const agenda = readAgenda(meeting.agenda);
  const decided = await meetingDecisions(tx, tenantId, meeting.id);
  const names = await studentNames(tx, tenantId, [...visible]);
  const student = (id: string): Named => ({ id, name: names.get(id) ?? '' });
  const shown = <T extends { studentId?: string; student_id?: string }>(items: T[]) =>
    items.filter((i) => visible.has((i.studentId ?? i.student_id)!));

  const flagged = shown(agenda.newFlags);
  const risk = flagged.length
    ? await tx
        .select({ id: studentRisk.studentId, tier: studentRisk.tier, flags: studentRisk.flags })
        .from(studentRisk)
        .where(
          and(
            eq(studentRisk.tenantId, tenantId),
            inArray(
              studentRisk.studentId,
              flagged.map((f) => f.studentId),
            ),
          ),
        )
    : [];
  const riskOf = new Map(risk.map((r) => [r.id, r]));
  const onsets = flagged.length
    ? await queryRows<{ id: string; onset: string }>(
        tx,
        sql`
    SELECT e.student_id AS id, min(e.onset)::text AS onset FROM indicator_episodes e
     WHERE e.tenant_id = ${tenantId}::uuid AND e.status = 'active' AND e.counts
       AND e.student_id IN (${sql.join(
         flagged.map((f) => sql`${f.studentId}::uuid`),
         sql`, `,
       )})
     GROUP BY e.student_id`,
      )
    : [];
  // "Sedan" is the worklist's onset now (the earliest active indicator), else the one stored with the agenda.
  const onsetOf = new Map(onsets.map((o) => [o.id, o.onset]));
  const openCases = flagged.length
    ? await tx
        .select({ id: cases.id, studentId: cases.studentId })
        .from(cases)
        .where(
          and(
            eq(cases.tenantId, tenantId),
            inArray(
              cases.studentId,
              flagged.map((f) => f.studentId),
            ),
            sql`${cases.status} <> 'closed'`,
          ),
        )
    : [];
  const caseOf = new Map(openCases.map((c) => [c.studentId, c.id]));

  const followUps = shown(agenda.overdueFollowUps);
  const evaluations = shown(agenda.toEvaluate);
  const interventionIds = [
    ...new Set([...followUps.map((f) => f.interventionId), ...evaluations.flatMap((e) => (e.interventionId ? [e.interventionId] : []))]),
  ];
  const interventions = interventionIds.length
    ? await tx
        .select({ id: caseInterventions.id, title: caseInterventions.title })
        .from(caseInterventions)
        .where(and(eq(caseInterventions.tenantId, tenantId), inArray(caseInterventions.id, interventionIds)))
    : [];
  const titleOf = new Map(interventions.map((i) => [i.id, i.title]));
  const decisions = shown(decided);
  const named = historyIds(decisions.map((d) => d.changes ?? {}));
  const people = await accountNames(tx, [
    ...new Set([...meeting.attendeeIds, ...decisions.flatMap((d) => (d.responsible_id ? [d.responsible_id] : [])), ...named.accounts]),
  ]);
  const unit = await unitNames(tx, tenantId, [meeting.schoolUnitId, ...named.units]);
  const methodRows = named.methods.length
    ? await tx
        .select({ id: knowledgeRecords.id, sv: knowledgeRecords.nameSv, en: knowledgeRecords.nameEn })
        .from(knowledgeRecords)
        .where(inArray(knowledgeRecords.id, named.methods))
    : [];
  const lookups: HistoryLookups = {
    people,
    units: unit,
    methods: new Map(methodRows.map((m) => [m.id, { sv: m.sv, en: m.en }])),
    interventions: new Map([
      ...titleOf,
      ...decisions.flatMap((d) => (d.intervention_id && d.title ? [[d.intervention_id, d.title] as const] : [])),
    ]),
  };

  const hidden =
    agenda.newFlags.length +
    agenda.overdueFollowUps.length +
    agenda.toEvaluate.length -
    flagged.length -
    followUps.length -
    evaluations.length;
  return {
    id: meeting.id,
    version: meeting.version,
    schoolUnit: { id: meeting.schoolUnitId, name: unit.get(meeting.schoolUnitId) ?? '' },
    heldOn: meeting.heldOn,
    status: meeting.status,
    minutes: meeting.minutes,
    attendees: meeting.attendeeIds.map((id) => ({ id, name: people.get(id) ?? '' })),
    agenda: {
      newFlags: flagged.map((f) => ({
        student: student(f.studentId),
        tier: riskOf.get(f.studentId)?.tier ?? null,
        flags: riskOf.get(f.studentId)?.flags ?? [],
        onset: onsetOf.get(f.studentId) ?? f.onset ?? null,
        caseId: caseOf.get(f.studentId) ?? null,
      })),
      // A follow-up or intervention removed since (retention) drops out: its title is gone with it.
      overdueFollowUps: followUps
        .filter((f) => titleOf.has(f.interventionId))
        .map((f) => ({
          followUpId: f.followUpId,
          dueOn: f.dueOn,
          caseId: f.caseId,
          interventionId: f.interventionId,
          title: titleOf.get(f.interventionId) ?? '',
          student: student(f.studentId),
        })),
      toEvaluate: evaluations
        .filter((e) => !e.interventionId || titleOf.has(e.interventionId))
        .map((e) => ({
          caseId: e.caseId,
          interventionId: e.interventionId,
          title: e.interventionId ? (titleOf.get(e.interventionId) ?? null) : null,
          endDate: e.endDate,
          reason: e.reason,
          student: student(e.studentId),
        })),
      hidden,
    },
    decisions: decisions.map((d) => ({
      kind: d.kind as CaseEventKind,
      kindLabel: eventKindLabels[d.kind as CaseEventKind] ?? { sv: 'Ändring', en: 'Change' },
      caseId: d.case_id,
      student: student(d.student_id),
      intervention: d.intervention_id ? { id: d.intervention_id, title: d.title ?? '' } : null,
      responsible: d.responsible_id ? { id: d.responsible_id, name: people.get(d.responsible_id) ?? '' } : null,
      date: d.date,
      changes: presentChanges(d.kind, d.changes, lookups),
    })),
    hiddenDecisions: decided.length - decisions.length,
  };
}
