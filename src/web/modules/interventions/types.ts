/** Response shapes of the interventions API (docs/interventions.md; src/server/modules/interventions/). */
import type { CaseEvent } from '../../../shared/interventions/history.ts';
export type CaseStatus = 'opened' | 'planned' | 'in-progress' | 'follow-up' | 'closed';
export type Level = 'promoting' | 'preventing' | 'remedying';
export type InterventionStatus = 'planned' | 'active' | 'completed' | 'stopped';

export const caseStatuses: CaseStatus[] = ['opened', 'planned', 'in-progress', 'follow-up', 'closed'];
export const levels: Level[] = ['promoting', 'preventing', 'remedying'];
export const closingReasons = ['goals-met', 'other-support', 'moved', 'declined', 'no-longer-needed', 'other'] as const;

export interface Person { id: string; name: string | null }
export interface Unit { id: string; name: string | null }

export interface CaseListItem {
  id: string; student: { id: string; name: string; schoolUnit: Unit | string | null }; status: CaseStatus; level: Level; reason: string;
  responsible: Person | null; openedOn: string; tier: number | null; interventions: number; nextFollowUp: string | null; overdueFollowUps: number;
}
export interface CaseList { items: CaseListItem[]; total: number; page: number; pageSize: number }

export interface FollowUp { id: string; dueOn: string; done: boolean; doneOn: string | null; doneBy: Person | string | null; note: string | null; overdue: boolean }
export interface Intervention {
  id: string; version: number; method: { id: string; name: string | { sv: string; en: string } } | null; title: string; goal: string; actions: string;
  responsible: Person | null; startDate: string; endDate: string | null; status: InterventionStatus; evaluation: string | null;
  outcome: 'improved' | 'unchanged' | 'worse' | null; followUps: FollowUp[];
}
export type Note =
  | { id: string; sensitive: boolean; restricted?: false; author: Person | string | null; createdAt: string; body: string }
  | { id: string; sensitive: true; restricted: true; author: Person | string | null; createdAt: string };
export interface ActionProgramme {
  version: number; needs: string; studentViews: string; guardianViews: string; decidedOn: string; decidedBy: string; evaluationOn: string;
}
export interface CaseDetail {
  id: string; version: number; status: CaseStatus; level: Level; reason: string; openedFrom: 'flag' | 'manual'; openedOn: string;
  closedOn: string | null; closingReason: string | null; closingNote: string | null;
  student: { id: string; name: string | null; schoolUnit: Unit };
  atOpening: { tier: number | null; flags: string[]; onset: string | null; measures: Record<string, number | null> } | null;
  responsible: Person | null; team: Person[]; interventions: Intervention[]; notes: Note[]; events: CaseEvent[];
  actionProgramme: ActionProgramme | null; can: { write: boolean; readSensitive: boolean };
}

export interface Method {
  id: string; slug: string; name: { sv: string; en: string }; summary: { sv: string; en: string }; focusAreas: string[]; levels: Level[];
  evidence: { rating: string; source: string; url?: string } | null;
}
export interface Responsible { accountId: string; displayName: string; roles: string[]; forCase: boolean }

export interface Reminder { followUpId: string; dueOn: string; caseId: string; interventionId: string; title: string; student: { id: string; name: string } }
export interface Reminders { overdue: Reminder[]; upcoming: Reminder[] }

export interface EffectWindow { from: string; to: string; reportedMinutes?: number; attendanceRate: number | null; invalidAbsenceRate: number | null }
export interface Effect {
  status: 'ok' | 'too-early' | 'no-data'; before: EffectWindow | null; after: EffectWindow | null;
  change: { attendanceRate: number; invalidAbsenceRate: number } | null; caveat?: string;
}
