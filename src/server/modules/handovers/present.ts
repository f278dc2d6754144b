/** A handover as its reader sees it: names, never a civic number, an address or a code (the web labels the codes). */
import type { HandoverListItem, HandoverView } from '../../../shared/handovers/contract.ts';
import type { HandoverTrigger } from '../../../shared/handovers/codes.ts';
import { dateOf } from '../../platform/dates.ts';
import type { HandoverRow } from './policy.ts';

const dayOf = (at: string | null) => (at ? dateOf(new Date(at)) : null);

/** True when the handover waits past its deadline: the sender's while a draft, the receiver's while unconfirmed. */
export function isOverdue(h: Pick<HandoverRow, 'status' | 'sendBy' | 'confirmBy'>, today: string): boolean {
  if (h.status === 'draft') return h.sendBy !== null && h.sendBy < today;
  if (h.status === 'sent') return h.confirmBy !== null && h.confirmBy < today;
  return false;
}

/** A list row. */
export function presentListItem(h: HandoverRow, today: string): HandoverListItem {
  return {
    id: h.id,
    direction: h.direction,
    status: h.status,
    route: h.route,
    studentName: `${h.givenName} ${h.familyName}`,
    fromUnitName: h.fromUnitName,
    toUnitName: h.toUnitName,
    toOrganiserName: h.toOrganiserName,
    triggers: h.triggers as HandoverTrigger[],
    leavesOn: h.leavesOn,
    startsOn: h.startsOn,
    sendBy: h.sendBy,
    confirmBy: h.confirmBy,
    sentOn: dayOf(h.sentAt),
    confirmedOn: dayOf(h.confirmedAt),
    overdue: isOverdue(h, today),
    meetingHeld: h.meetingHeldAt !== null,
    followUpDone: h.followUpDoneAt !== null,
    outside: h.toUnitCode !== null,
    receiptByFile: h.receiptImportedAt !== null,
    fromFile: h.direction === 'received' && h.dedupeKey.startsWith('file:'),
  };
}

/** The whole handover, with what the actor may do. */
export function presentHandover(h: HandoverRow, today: string): HandoverView {
  return {
    ...presentListItem(h, today),
    version: h.version,
    fromOrganiserName: h.fromOrganiserName,
    protectedIdentity: h.protectedIdentity,
    facts: h.facts,
    content: h.content,
    meetingOn: h.meetingOn,
    meetingAttendees: h.meetingAttendees,
    meetingMinutes: h.meetingMinutes,
    meetingActions: h.meetingActions,
    followUpDue: h.followUpDue,
    adaptationsContinued: h.adaptationsContinued,
    followUpNote: h.followUpNote,
    attendanceSinceStart: h.attendanceSinceStart,
    canEdit: h.direction === 'sent' && (h.status === 'draft' || h.status === 'not-needed'),
    canConfirm: h.direction === 'received' && h.status === 'sent',
  };
}
