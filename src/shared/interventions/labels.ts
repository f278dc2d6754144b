/**
 * What a person reads for the interventions module's codes and fields, in Swedish and English: statuses, levels,
 * reasons, outcomes, the kinds of change in a case's history and the fields a change names. The server prints them in
 * PDFs and presents a case's history with them; the web app shows them; the contract's request labels reuse the field
 * names, so a 400 names a field as the form and the history do. A code missing here is a defect (a test checks them).
 */
import type { Label } from '../contract/endpoint.ts';

export const caseStatuses = ['opened', 'planned', 'in-progress', 'follow-up', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const interventionStatuses = ['planned', 'active', 'completed', 'stopped'] as const;
export type InterventionStatus = (typeof interventionStatuses)[number];
export const workLevels = ['promoting', 'preventing', 'remedying'] as const;
export type WorkLevel = (typeof workLevels)[number];
export const closingReasons = ['goals-met', 'other-support', 'moved', 'declined', 'no-longer-needed', 'other'] as const;
export type ClosingReason = (typeof closingReasons)[number];
export const outcomes = ['improved', 'unchanged', 'worse'] as const;
export type Outcome = (typeof outcomes)[number];
export const openedFromValues = ['flag', 'manual'] as const;
export const caseEventKinds = [
  'case-opened',
  'case-updated',
  'case-closed',
  'case-reopened',
  'intervention-added',
  'intervention-updated',
  'follow-up-added',
  'follow-up-done',
  'note-added',
  'action-programme-saved',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

export const caseStatusLabels: Record<CaseStatus, Label> = {
  opened: { sv: 'Öppnat', en: 'Opened' },
  planned: { sv: 'Planerat', en: 'Planned' },
  'in-progress': { sv: 'Pågår', en: 'In progress' },
  'follow-up': { sv: 'Uppföljning', en: 'Follow-up' },
  closed: { sv: 'Avslutat', en: 'Closed' },
};

export const interventionStatusLabels: Record<InterventionStatus, Label> = {
  planned: { sv: 'Planerad', en: 'Planned' },
  active: { sv: 'Pågår', en: 'Active' },
  completed: { sv: 'Avslutad', en: 'Completed' },
  stopped: { sv: 'Avbruten', en: 'Stopped' },
};

export const levelLabels: Record<WorkLevel, Label> = {
  promoting: { sv: 'Främjande', en: 'Promoting' },
  preventing: { sv: 'Förebyggande', en: 'Preventing' },
  remedying: { sv: 'Åtgärdande', en: 'Remedying' },
};

export const closingReasonLabels: Record<ClosingReason, Label> = {
  'goals-met': { sv: 'Målen är nådda', en: 'The goals are met' },
  'other-support': { sv: 'Annat stöd tar över', en: 'Other support takes over' },
  moved: { sv: 'Eleven har flyttat', en: 'The student has moved' },
  declined: { sv: 'Eleven eller vårdnadshavarna tackade nej', en: 'The student or the guardians declined' },
  'no-longer-needed': { sv: 'Stödet behövs inte längre', en: 'The support is no longer needed' },
  other: { sv: 'Annat', en: 'Other' },
};

export const outcomeLabels: Record<Outcome, Label> = {
  improved: { sv: 'Bättre', en: 'Improved' },
  unchanged: { sv: 'Oförändrat', en: 'Unchanged' },
  worse: { sv: 'Sämre', en: 'Worse' },
};

export const openedFromLabels: Record<(typeof openedFromValues)[number], Label> = {
  flag: { sv: 'Flagga i tidig upptäckt', en: 'Early-detection flag' },
  manual: { sv: 'Manuellt', en: 'By hand' },
};

export const eventKindLabels: Record<CaseEventKind, Label> = {
  'case-opened': { sv: 'Ärendet öppnades', en: 'The case was opened' },
  'case-updated': { sv: 'Ärendet ändrades', en: 'The case was changed' },
  'case-closed': { sv: 'Ärendet avslutades', en: 'The case was closed' },
  'case-reopened': { sv: 'Ärendet öppnades igen', en: 'The case was reopened' },
  'intervention-added': { sv: 'Insats lades till', en: 'Intervention added' },
  'intervention-updated': { sv: 'Insats ändrades', en: 'Intervention changed' },
  'follow-up-added': { sv: 'Uppföljning lades till', en: 'Follow-up added' },
  'follow-up-done': { sv: 'Uppföljning gjordes', en: 'Follow-up done' },
  'note-added': { sv: 'Anteckning lades till', en: 'Note added' },
  'action-programme-saved': { sv: 'Åtgärdsprogrammet sparades', en: 'The action programme was saved' },
};

/**
 * Every field of the module's forms and of a case's history, as the form labels it. Request labels (400 messages)
 * and the history's field names both come from here.
 */
export const fieldLabels = {
  studentId: { sv: 'Elev', en: 'Student' },
  reason: { sv: 'Anledning', en: 'Reason' },
  level: { sv: 'Nivå', en: 'Level' },
  status: { sv: 'Status', en: 'Status' },
  responsibleId: { sv: 'Ansvarig', en: 'Responsible' },
  teamIds: { sv: 'Team', en: 'Team' },
  openedFrom: { sv: 'Öppnat från', en: 'Opened from' },
  schoolUnitId: { sv: 'Skolenhet', en: 'School unit' },
  closedOn: { sv: 'Avslutat', en: 'Closed on' },
  closingReason: { sv: 'Skäl till att ärendet avslutas', en: 'Reason for closing the case' },
  closingNote: { sv: 'Kommentar till avslutet', en: 'Comment on the closing' },
  meetingId: { sv: 'Elevhälsomöte', en: 'Team meeting' },
  version: { sv: 'Version du läste', en: 'Version you read' },
  methodId: { sv: 'Metod', en: 'Method' },
  title: { sv: 'Insatsens namn', en: "The intervention's name" },
  goal: { sv: 'Mål', en: 'Goal' },
  actions: { sv: 'Vem gör vad', en: 'Who does what' },
  startDate: { sv: 'Startdatum', en: 'Start date' },
  endDate: { sv: 'Slutdatum', en: 'End date' },
  followUpDates: { sv: 'Uppföljningsdatum', en: 'Follow-up date' },
  evaluation: { sv: 'Utvärdering', en: 'Evaluation' },
  outcome: { sv: 'Utfall', en: 'Outcome' },
  interventionId: { sv: 'Insats', en: 'Intervention' },
  dueOn: { sv: 'Uppföljningsdatum', en: 'Follow-up date' },
  doneOn: { sv: 'Gjord den', en: 'Done on' },
  note: { sv: 'Vad kom fram vid uppföljningen', en: 'What came out of the follow-up' },
  body: { sv: 'Ny anteckning', en: 'New note' },
  sensitive: { sv: 'Känslig', en: 'Sensitive' },
  needs: { sv: 'Elevens behov av särskilt stöd', en: "The student's need of special support" },
  studentViews: { sv: 'Elevens delaktighet och synpunkter', en: "The student's part and views" },
  guardianViews: { sv: 'Vårdnadshavarnas delaktighet och synpunkter', en: "The guardians' part and views" },
  decidedOn: { sv: 'Beslutsdatum', en: 'Decided on' },
  decidedBy: { sv: 'Beslutat av', en: 'Decided by' },
  evaluationOn: { sv: 'Utvärderas senast', en: 'To be evaluated by' },
  tierAtOpening: { sv: 'Stödnivå vid öppnandet', en: 'Support tier at opening' },
} as const satisfies Record<string, Label>;
export type FieldKey = keyof typeof fieldLabels;

/** A field the history does not know (older rows): named generally, never by its key. */
export const otherFieldLabel: Label = { sv: 'Annan uppgift', en: 'Other detail' };

/** The label of a field key, or the general one. */
export function fieldLabel(key: string): Label {
  return (fieldLabels as Record<string, Label>)[key] ?? otherFieldLabel;
}
