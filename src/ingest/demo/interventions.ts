/**
 * The demo region's history of student-health cases: after the region is seeded, early detection bootstrapped and the
 * demo accounts exist, a plausible past school year at the units where the demo kurator works. Most flagged (tier 2–3)
 * students get a case, opened at various dates, with interventions from the method library, follow-ups (done, overdue,
 * upcoming — so the kurator's start page reminds), notes (some sensitive), closings with reasons, team meetings with
 * minutes, åtgärdsprogram for special support, and a case event for every change, as the routes would have written them.
 *
 * Deterministic (seeded random, name-based ids) and idempotent: an organiser that already has cases is left alone, and
 * every row has a stable id inserted with ON CONFLICT DO NOTHING. Most first interventions start on a term Monday whose
 * weeks 4–8 have passed, so the measured effect has data. See docs/demo-region.md.
 */
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../server/db/client.ts';
import { queryRows } from '../../server/db/client.ts';
import {
  actionProgrammes,
  caseEvents,
  caseInterventions,
  caseNotes,
  cases,
  interventionFollowUps,
  teamMeetings,
} from '../../server/db/schema/index.ts';
import { createRandom, stableId, type Random } from './random.ts';
import * as texts from './interventions-texts.ts';
import { measuresObject } from '../../server/modules/early-warning/risk-measures.ts';

export interface DemoInterventionsSummary {
  skipped?: string;
  cases: number;
  interventions: number;
  followUps: number;
  notes: number;
  meetings: number;
  actionProgrammes: number;
  events: number;
  /** The demo kurator's follow-ups on `today`: overdue, and due within 14 days. */
  kuratorReminders: { overdue: number; upcoming: number };
  durationMs: number;
}

type CaseInsert = typeof cases.$inferInsert;
type InterventionInsert = typeof caseInterventions.$inferInsert;
type FollowUpInsert = typeof interventionFollowUps.$inferInsert;
type NoteInsert = typeof caseNotes.$inferInsert;
type EventInsert = typeof caseEvents.$inferInsert;
type MeetingInsert = typeof teamMeetings.$inferInsert;
type ProgrammeInsert = typeof actionProgrammes.$inferInsert;

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
/** The weekday on or before `d` (Saturday and Sunday move back to Friday). */
const onWeekday = (d: string) => (weekday(d) === 6 ? addDays(d, -1) : weekday(d) === 0 ? addDays(d, -2) : d);
/** A time on a date, Swedish office hours (stored as UTC). */
const at = (d: string, hour: number, minute = 0) => `${d}T${String(hour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

/** Terms of the demo calendar (calendar.ts): autumn 18 Aug – 19 Dec, spring 8 Jan – 12 Jun. */
function termOf(d: string): [string, string] | null {
  const y = Number(d.slice(0, 4));
  const autumn: [string, string] = [`${y}-08-18`, `${y}-12-19`];
  const spring: [string, string] = [`${y}-01-08`, `${y}-06-12`];
  for (const t of [autumn, spring]) if (d >= t[0] && d <= t[1]) return t;
  return null;
}
/** Mondays whose 4 weeks before and weeks 4–8 after lie in one term and have passed on `today`. */
function measurableMondays(today: string, from: string): string[] {
  const out: string[] = [];
  for (let d = addDays(today, -420); d <= addDays(today, -56); d = addDays(d, 1)) {
    if (weekday(d) !== 1 || d < from) continue;
    const term = termOf(d);
    if (term && addDays(d, -28) >= term[0] && addDays(d, 55) <= term[1]) out.push(d);
  }
  return out;
}
/** Term Mondays from `from` to `to`. */
function termMondays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) === 1 && termOf(d)) out.push(d);
  return out;
}

interface Staff {
  id: string;
  role: string;
  name: string;
}
interface Student {
  id: string;
  unit: string;
  tier: number;
  flags: string[];
  measures: Record<string, number | null>;
  since: string;
}

function groupOf(flags: readonly string[], random: Random): texts.FlagGroup {
  const groups = (Object.keys(texts.flagGroups) as texts.FlagGroup[]).filter((g) =>
    flags.some((f) => (texts.flagGroups[g] as readonly string[]).includes(f)),
  );
  return groups.length ? random.pick(groups) : 'attendance';
}

/** Seeds the history for the demo kurator's organiser; a no-op when it already has cases or there is no demo kurator. */
export async function seedDemoInterventions(
  database: Database,
  options: {
    today: string;
    seed?: number;
    /** Share of flagged students given a case (0.75). */ share?: number;
    onProgress?: (m: string) => void;
  },
): Promise<DemoInterventionsSummary> {
  const started = Date.now();
  const empty = (skipped: string): DemoInterventionsSummary => ({
    skipped,
    cases: 0,
    interventions: 0,
    followUps: 0,
    notes: 0,
    meetings: 0,
    actionProgrammes: 0,
    events: 0,
    kuratorReminders: { overdue: 0, upcoming: 0 },
    durationMs: Date.now() - started,
  });
  const seed = options.seed ?? 1;
  const { today } = options;
  return database.db.transaction(async (tx) => {
    const [kurator] = await queryRows<{ id: string; tenant_id: string; unit_ids: string[] }>(
      tx,
      sql`
      SELECT a.id, ra.tenant_id, ra.unit_ids::text[] AS unit_ids FROM accounts a JOIN role_assignments ra ON ra.account_id = a.id
       WHERE a.username = 'kurator' AND ra.role = 'kurator' LIMIT 1`,
    );
    if (!kurator || kurator.unit_ids.length === 0) return empty('ingen demokurator (no demo kurator)');
    const tenant = kurator.tenant_id;
    const kuratorId = kurator.id;
    const [existing] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM cases WHERE tenant_id = ${tenant}::uuid`);
    if ((existing?.n ?? 0) > 0) return empty('huvudmannen har redan ärenden (the organiser already has cases)');

    const staffRows = await queryRows<{ id: string; role: string; name: string }>(
      tx,
      sql`
      SELECT a.id, ra.role, a.display_name AS name FROM role_assignments ra JOIN accounts a ON a.id = ra.account_id
       WHERE ra.tenant_id = ${tenant}::uuid AND a.username IN ('kurator', 'skolskoterska', 'specialpedagog', 'psykolog', 'syv', 'rektor')
       ORDER BY a.username`,
    );
    const staff = new Map<string, Staff>(staffRows.map((s) => [s.role, s]));
    const who = (role: string): Staff => staff.get(role) ?? { id: kurator.id, role: 'kurator', name: 'Demo: Kurator' };
    const methodRows = await queryRows<{ id: string; slug: string; name_sv: string }>(
      tx,
      sql`SELECT id, slug, name_sv FROM knowledge_records WHERE kind = 'method' AND status = 'published'`,
    );
    const methods = new Map(methodRows.map((m) => [m.slug, m]));
    const students = (
      await queryRows<{
        id: string;
        unit: string;
        tier: number;
        flags: string[];
        measures: Record<string, number | null>;
        since: string | null;
      }>(
        tx,
        sql`
      SELECT r.student_id AS id, r.school_unit_id AS unit, r.tier, r.flags, ${measuresObject('r')} AS measures,
        (SELECT min(e.start_date)::text FROM enrolments e WHERE e.tenant_id = r.tenant_id AND e.person_id = r.student_id
           AND e.school_unit_id = r.school_unit_id AND NOT e.cancelled) AS since
        FROM student_risk r
       WHERE r.tenant_id = ${tenant}::uuid AND r.tier >= 2 AND r.school_unit_id = ANY(${`{${kurator.unit_ids.join(',')}}`}::uuid[])
       ORDER BY r.student_id`,
      )
    ).map((s): Student => ({ ...s, since: s.since ?? addDays(today, -90) }));

    const random = createRandom(seed * 7919 + 5);
    const id = (...parts: (string | number)[]) => stableId(seed, 'interventions', ...parts);
    const out = {
      cases: [] as CaseInsert[],
      interventions: [] as InterventionInsert[],
      followUps: [] as FollowUpInsert[],
      notes: [] as NoteInsert[],
      events: [] as EventInsert[],
      meetings: [] as MeetingInsert[],
      programmes: [] as ProgrammeInsert[],
    };

    // Team meetings: every fourth Thursday at each unit over the last five months, and one planned next week.
    const meetingsByUnit = new Map<string, { id: string; heldOn: string }[]>();
    const team = ['kurator', 'skolskoterska', 'specialpedagog', 'psykolog', 'rektor'].map((r) => who(r).id);
    for (const unit of kurator.unit_ids) {
      const list: { id: string; heldOn: string }[] = [];
      let d = addDays(today, -150);
      while (weekday(d) !== 4) d = addDays(d, 1);
      for (; d < today; d = addDays(d, 28)) {
        if (!termOf(d)) continue;
        const meetingId = id('meeting', unit, d);
        list.push({ id: meetingId, heldOn: d });
        out.meetings.push({
          tenantId: tenant,
          id: meetingId,
          schoolUnitId: unit,
          heldOn: d,
          status: 'held',
          agenda: { newFlags: [], overdueFollowUps: [], toEvaluate: [] },
          minutes: random.pick(texts.meetingMinutes),
          attendeeIds: team.filter(() => random.chance(0.85)),
          createdBy: kurator.id,
          version: 2,
          createdAt: at(addDays(d, -7), 9),
        });
      }
      out.meetings.push({
        tenantId: tenant,
        id: id('meeting', unit, 'next'),
        schoolUnitId: unit,
        heldOn: onWeekday(addDays(today, 8)),
        status: 'planned',
        agenda: { newFlags: [], overdueFollowUps: [], toEvaluate: [] },
        createdBy: kurator.id,
        createdAt: at(today, 8),
      });
      meetingsByUnit.set(unit, list);
    }

    for (const s of students) {
      if (!random.chance(options.share ?? 0.75)) continue;
      buildCase(s);
    }

    function buildCase(s: Student): void {
      const caseId = id('case', s.id);
      const events: EventInsert[] = [];
      const event = (
        when: string,
        by: string,
        kind: string,
        changes: Record<string, [unknown, unknown]>,
        entityId: string | null = null,
        meetingId: string | null = null,
      ) =>
        events.push({
          tenantId: tenant,
          id: id('event', caseId, events.length),
          caseId,
          studentId: s.id,
          at: when,
          accountId: by,
          kind,
          entityId,
          meetingId,
          changes,
        });
      const group = groupOf(s.flags, random);
      const earliest = addDays(s.since, 21);
      // When the first intervention starts: mostly a measurable term Monday, else recently, else the case is only opened.
      const measurable = measurableMondays(today, earliest);
      const recent = termMondays(addDays(today, -49), addDays(today, -3)).filter((d) => d >= earliest);
      const roll = random.next();
      const plan: 'measured' | 'recent' | 'opened' =
        roll < 0.62 && measurable.length ? 'measured' : roll < 0.9 && recent.length ? 'recent' : 'opened';
      const firstStart =
        plan === 'measured'
          ? random.pick(measurable)
          : plan === 'recent'
            ? random.pick(recent)
            : (termMondays(addDays(today, 3), addDays(today, 60))[0] ?? addDays(today, 7));
      const openedOn =
        plan === 'opened' ? onWeekday(addDays(today, -random.int(1, 12))) : onWeekday(addDays(firstStart, -random.int(4, 14)));
      const responsibleRole = random.next() < 0.68 ? 'kurator' : random.pick(['specialpedagog', 'skolskoterska', 'psykolog', 'syv']);
      const responsible = who(responsibleRole);
      const teamIds = [...new Set([who(random.pick(['psykolog', 'specialpedagog', 'skolskoterska'])).id])].filter(
        (t) => t !== responsible.id,
      );
      const level = s.tier >= 3 ? 'remedying' : 'preventing';
      const reason = random.pick(texts.reasons[group]);
      let status: string = 'opened';
      let version = 1;
      event(at(openedOn, 9, random.int(0, 59)), responsible.id, 'case-opened', {
        status: [null, 'opened'],
        level: [null, level],
        reason: [null, reason],
        openedFrom: [null, 'flag'],
        responsibleId: [null, responsible.id],
        teamIds: [null, teamIds],
        schoolUnitId: [null, s.unit],
      });
      const caseStatus = (when: string, by: string, to: string, entityId: string | null = null) => {
        event(when, by, 'case-updated', { status: [status, to] }, entityId);
        status = to;
        version++;
      };

      // Interventions: the first, and for almost half a second one three to six weeks later.
      const slugs: string[] = plan === 'opened' && random.chance(0.5) ? [] : [random.pick(texts.methodsFor[group].slice(0, 4))];
      if (slugs.length && random.chance(0.45)) {
        const next =
          slugs[0] === 'extra-adaptations' && random.chance(0.6)
            ? 'special-support'
            : random.pick(texts.methodsFor[group].filter((m) => m !== slugs[0]));
        slugs.push(next);
      }
      let lastActivity = openedOn;
      let allDone = true;
      for (const [n, slug] of slugs.entries()) {
        const method = methods.get(slug);
        if (!method) continue;
        const start = n === 0 ? firstStart : addDays(firstStart, 7 * random.int(3, 6));
        if (start > addDays(today, 30)) break;
        const interventionId = id('intervention', caseId, n);
        const owner =
          slug === 'study-career-guidance'
            ? who('syv')
            : ['special-support', 'extra-adaptations', 'reading-language-support', 'adapted-timetable'].includes(slug)
              ? who('specialpedagog')
              : random.chance(0.8)
                ? responsible
                : who('kurator');
        const length = 7 * random.int(8, 14);
        const endDate = random.chance(0.65) ? addDays(start, length) : null;
        const proposed = onWeekday(addDays(start, -random.int(1, 5)));
        const addedOn = proposed < openedOn ? openedOn : proposed;
        const meeting = (meetingsByUnit.get(s.unit) ?? []).find((m) => m.heldOn <= addedOn && m.heldOn >= addDays(addedOn, -7));
        // Follow-ups every three to four weeks from two weeks in, up to the end (or four months), at most a month ahead.
        const dues: string[] = [];
        for (
          let d = addDays(start, 14);
          d <= (endDate ?? addDays(start, 120)) && d <= addDays(today, 30);
          d = addDays(d, 7 * random.int(3, 4))
        )
          dues.push(onWeekday(d));
        const ended = endDate !== null && endDate < addDays(today, -3);
        const stopped = ended && random.chance(0.12);
        const outcome: InterventionInsert['outcome'] = ended
          ? random.next() < 0.5
            ? 'improved'
            : random.next() < 0.75
              ? 'unchanged'
              : 'worse'
          : null;
        const interventionStatus: NonNullable<InterventionInsert['status']> =
          start > today ? 'planned' : ended ? (stopped ? 'stopped' : 'completed') : 'active';
        let iVersion = 1;
        const goal = random.pick(texts.goals[slug] ?? ['Eleven når målen i planen.']);
        const action = random.pick(texts.actions[slug] ?? ['Enligt planen.']);
        const row = (evaluation: string | null): InterventionInsert => ({
          tenantId: tenant,
          id: interventionId,
          caseId,
          studentId: s.id,
          methodId: method.id,
          title: method.name_sv,
          goal,
          actions: action,
          responsibleId: owner.id,
          startDate: start,
          endDate,
          status: interventionStatus,
          evaluation,
          outcome,
          meetingId: meeting?.id ?? null,
          version: iVersion,
          createdBy: responsible.id,
          createdAt: at(addedOn, 10),
        });
        event(
          at(addedOn, 10, random.int(0, 59)),
          responsible.id,
          'intervention-added',
          {
            title: [null, method.name_sv],
            methodId: [null, method.id],
            goal: [null, goal],
            actions: [null, action],
            responsibleId: [null, owner.id],
            startDate: [null, start],
            endDate: [null, endDate],
            followUpDates: [null, dues],
          },
          interventionId,
          meeting?.id ?? null,
        );
        if (status === 'opened') caseStatus(at(addedOn, 10, 59), responsible.id, 'planned', interventionId);
        if (interventionStatus !== 'planned') {
          event(at(start, 8, 30), owner.id, 'intervention-updated', { status: ['planned', 'active'] }, interventionId);
          iVersion++;
          if (status === 'planned' || status === 'follow-up') caseStatus(at(start, 8, 31), owner.id, 'in-progress', interventionId);
        }
        for (const [k, due] of dues.entries()) {
          const fid = id('follow-up', interventionId, k);
          // Most past follow-ups are done within a few days; the kurator's recent ones are sometimes left overdue.
          const overdueChance = owner.id === kuratorId && due >= addDays(today, -21) ? 0.4 : 0.06;
          const done = due < today && (ended || !random.chance(overdueChance));
          const doneOn = done ? (addDays(due, random.int(0, 3)) < today ? onWeekday(addDays(due, random.int(0, 3))) : due) : null;
          const note = done ? random.pick(texts.followUpFindings) : null;
          out.followUps.push({
            tenantId: tenant,
            id: fid,
            caseId,
            interventionId,
            studentId: s.id,
            dueOn: due,
            responsibleId: owner.id,
            doneOn,
            doneBy: done ? owner.id : null,
            note,
            createdAt: at(addedOn, 10),
          });
          if (doneOn) {
            event(
              at(doneOn, 14, random.int(0, 59)),
              owner.id,
              'follow-up-done',
              { interventionId: [null, interventionId], doneOn: [null, doneOn], note: [null, note] },
              fid,
            );
            if (doneOn > lastActivity) lastActivity = doneOn;
          }
        }
        if (ended && endDate && outcome) {
          const evaluation = texts.evaluations[outcome as keyof typeof texts.evaluations];
          event(
            at(endDate, 15),
            owner.id,
            'intervention-updated',
            { status: ['active', interventionStatus], evaluation: [null, evaluation], outcome: [null, outcome] },
            interventionId,
          );
          iVersion++;
          if (endDate > lastActivity) lastActivity = endDate;
          out.interventions.push(row(evaluation));
        } else {
          allDone = false;
          out.interventions.push(row(null));
        }
        if (slug === 'special-support' && start <= today) {
          const decidedOn = onWeekday(addDays(start, -2));
          const programme = {
            needs: random.pick(texts.programme.needs),
            studentViews: random.pick(texts.programme.studentViews),
            guardianViews: random.pick(texts.programme.guardianViews),
            decidedOn,
            decidedBy: who('rektor').name,
            evaluationOn: endDate ?? addDays(start, 70),
          };
          out.programmes.push({
            tenantId: tenant,
            caseId,
            studentId: s.id,
            ...programme,
            updatedBy: owner.id,
            updatedAt: at(decidedOn, 11),
          });
          event(
            at(decidedOn, 11),
            owner.id,
            'action-programme-saved',
            Object.fromEntries(Object.entries(programme).map(([k, v]) => [k, [null, v]])),
          );
        }
      }

      // Notes: an ordinary one after opening; a sensitive one by the student-health team in about a third of the cases.
      const noteAfter = addDays(openedOn, random.int(1, 6));
      const noteDay = onWeekday(noteAfter < today ? noteAfter : openedOn);
      const notes: { by: string; sensitive: boolean; body: string; day: string }[] = [
        { by: responsible.id, sensitive: false, body: random.pick(texts.ordinaryNotes), day: noteDay },
      ];
      if (random.chance(0.35))
        notes.push({
          by: who(random.pick(['kurator', 'skolskoterska', 'psykolog'])).id,
          sensitive: true,
          body: random.pick(texts.sensitiveNotes),
          day: noteDay,
        });
      if (random.chance(0.3) && lastActivity > openedOn)
        notes.push({ by: responsible.id, sensitive: false, body: random.pick(texts.ordinaryNotes), day: lastActivity });
      for (const [k, n] of notes.entries()) {
        const noteId = id('note', caseId, k);
        const when = at(n.day, 13 + k, random.int(0, 59));
        out.notes.push({
          tenantId: tenant,
          id: noteId,
          caseId,
          studentId: s.id,
          body: n.body,
          sensitive: n.sensitive,
          authorId: n.by,
          createdAt: when,
        });
        event(when, n.by, 'note-added', { sensitive: [null, n.sensitive] }, noteId);
      }

      // Closing: old cases whose interventions all ended are mostly closed; the others wait for their evaluation.
      let closedOn: string | null = null;
      let closingReason: CaseInsert['closingReason'] = null;
      let closingNote: string | null = null;
      if (allDone && status === 'in-progress' && lastActivity < addDays(today, -7)) {
        caseStatus(at(lastActivity, 15, 30), responsible.id, 'follow-up');
        if (random.chance(0.7)) {
          const closing = addDays(lastActivity, random.int(3, 20));
          closedOn = onWeekday(closing < today ? closing : lastActivity);
          closingReason = random.pick([
            'goals-met',
            'goals-met',
            'goals-met',
            'no-longer-needed',
            'no-longer-needed',
            'other-support',
            'declined',
            'moved',
            'other',
          ] as const);
          closingNote = texts.closingNotes[closingReason] ?? null;
          event(at(closedOn, 16), responsible.id, 'case-closed', {
            status: [status, 'closed'],
            closedOn: [null, closedOn],
            closingReason: [null, closingReason],
            closingNote: [null, closingNote],
          });
          status = 'closed';
          version++;
        }
      }
      out.cases.push({
        tenantId: tenant,
        id: caseId,
        studentId: s.id,
        schoolUnitId: s.unit,
        status: status as CaseInsert['status'],
        level,
        reason,
        openedFrom: 'flag',
        tierAtOpening: s.tier,
        indicatorsAtOpening: { flags: s.flags, onset: null, measures: s.measures },
        responsibleId: responsible.id,
        teamIds,
        openedOn,
        openedBy: responsible.id,
        closedOn,
        closingReason,
        closingNote,
        version,
        createdAt: at(openedOn, 9),
      });
      events.sort((a, b) => String(a.at).localeCompare(String(b.at)));
      out.events.push(...events);
    }

    await insertAll(tx, out);
    const [reminders] = await queryRows<{ overdue: number; upcoming: number }>(
      tx,
      sql`
      SELECT count(*) FILTER (WHERE due_on < ${today}::date)::int AS overdue,
             count(*) FILTER (WHERE due_on >= ${today}::date AND due_on <= ${addDays(today, 14)}::date)::int AS upcoming
        FROM intervention_follow_ups f JOIN cases c ON c.tenant_id = f.tenant_id AND c.id = f.case_id AND c.status <> 'closed'
       WHERE f.tenant_id = ${tenant}::uuid AND f.responsible_id = ${kurator.id}::uuid AND f.done_on IS NULL`,
    );
    const summary: DemoInterventionsSummary = {
      cases: out.cases.length,
      interventions: out.interventions.length,
      followUps: out.followUps.length,
      notes: out.notes.length,
      meetings: out.meetings.length,
      actionProgrammes: out.programmes.length,
      events: out.events.length,
      kuratorReminders: reminders ?? { overdue: 0, upcoming: 0 },
      durationMs: Date.now() - started,
    };
    options.onProgress?.(
      `Elevhälsans ärenden i demoregionen: ${summary.cases} ärenden, ${summary.interventions} insatser, ${summary.followUps} uppföljningar, ` +
        `${summary.meetings} möten, ${summary.events} händelser på ${(summary.durationMs / 1000).toFixed(1)} s`,
    );
    return summary;
  });
}

/** Bulk inserts, a few hundred rows a statement; rows that already exist (same stable id) are left as they are. */
async function insertAll(
  tx: Tx,
  out: {
    cases: CaseInsert[];
    interventions: InterventionInsert[];
    followUps: FollowUpInsert[];
    notes: NoteInsert[];
    events: EventInsert[];
    meetings: MeetingInsert[];
    programmes: ProgrammeInsert[];
  },
): Promise<void> {
  const chunks = <T>(rows: T[], size = 250): T[][] =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
  for (const c of chunks(out.meetings)) await tx.insert(teamMeetings).values(c).onConflictDoNothing();
  for (const c of chunks(out.cases)) await tx.insert(cases).values(c).onConflictDoNothing();
  for (const c of chunks(out.interventions)) await tx.insert(caseInterventions).values(c).onConflictDoNothing();
  for (const c of chunks(out.followUps)) await tx.insert(interventionFollowUps).values(c).onConflictDoNothing();
  for (const c of chunks(out.notes)) await tx.insert(caseNotes).values(c).onConflictDoNothing();
  for (const c of chunks(out.programmes)) await tx.insert(actionProgrammes).values(c).onConflictDoNothing();
  for (const c of chunks(out.events)) await tx.insert(caseEvents).values(c).onConflictDoNothing();
}
