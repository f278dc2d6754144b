/** What the meeting, dashboard, effect and settings routes answer (docs/interventions.md). */
import type { Change as HistoryChange } from '../../../shared/interventions/history.ts';

export interface Named { id: string; name: string }

export interface MeetingListItem { id: string; schoolUnit: Named; heldOn: string; status: 'planned' | 'held' }

export interface AgendaFlag { student: Named; tier: number | null; flags: string[]; onset: string | null; caseId: string | null }
export interface AgendaFollowUp { followUpId: string; dueOn: string; caseId: string; interventionId: string; title: string; student: Named }
/** An intervention past its end without an evaluation ('ended'), or a case in status follow-up. */
export interface AgendaEvaluation {
  caseId: string; interventionId: string | null; title: string | null; endDate: string | null; reason: 'ended' | 'follow-up'; student: Named;
}

/** A change recorded with the meeting's id: an intervention added, or another case change (its fields in `changes`). */
export interface Decision {
  kind: string; kindLabel: { sv: string; en: string }; caseId: string; student: Named; intervention: { id: string; title: string } | null;
  responsible: Named | null; date: string; changes: HistoryChange[];
}

export interface Meeting {
  id: string;
  version: number;
  schoolUnit: Named;
  heldOn: string;
  status: 'planned' | 'held';
  minutes: string | null;
  attendees: Named[];
  /** `hidden`: agenda items about students outside the reader's scope (left out). */
  agenda: { newFlags: AgendaFlag[]; overdueFollowUps: AgendaFollowUp[]; toEvaluate: AgendaEvaluation[]; hidden: number };
  decisions: Decision[];
  hiddenDecisions: number;
}

export interface Responsible { accountId: string; displayName: string; roles: string[]; forCase: boolean }

/** An attendance change, after − before, as shares (0.032 = 3.2 percentage points). */
export interface Change { attendanceRate: number; invalidAbsenceRate: number }

/** One method's measured effect (GET /api/interventions/effects); counts under 5 are null. */
export interface MethodEffect {
  method: { id: string; slug: string; name: { sv: string; en: string } };
  n: number | null;
  change: Change | null;
  comparison: { n: number | null; change: Change | null };
  difference: Change | null;
  excluded?: { tooEarly: number | null; noData: number | null };
}

export interface MethodEffects { methods: MethodEffect[]; caveat: string | { sv: string; en: string } }

/** Key figures of one school unit or of the organiser (GET /api/interventions/dashboard); counts under 5 are null. */
export interface DashboardFigures {
  openCases: number | null;
  overdueFollowUps: number | null;
  medianDaysToFirstIntervention: number | null;
  /** Cases with at least one intervention (what the median is taken over); null when 1–4. */
  casesWithIntervention: number | null;
  tier3: { total: number | null; withCase: number | null; share: number | null };
  /** Why each count is null: fewer than 5, or hidden so that a small count beside it cannot be subtracted out. */
  suppressed: Record<'openCases' | 'overdueFollowUps' | 'casesWithIntervention' | 'tier3Total' | 'tier3WithCase', Suppressed>;
}

export type Suppressed = 'small' | 'complementary' | null;

export interface MethodOutcomes {
  method: { id: string; name: { sv: string; en: string } } | null;
  outcomes: Record<string, number | null>;
  suppressed: Record<string, Suppressed>;
}

/** Per school unit and for all units in scope (the organiser for an analyst, the principal's own units). */
export interface Dashboard {
  asOf: string;
  organiser: DashboardFigures;
  units: (DashboardFigures & { schoolUnit: Named; outcomes: MethodOutcomes[] })[];
  outcomes: MethodOutcomes[];
}
