/** The knowledge bank's moderation API as the web reads it (src/server/modules/knowledge-bank/moderation.ts). */
export interface Place { name: string; lat: number; lon: number }
export interface Source { title: string; url: string }
export interface Evidence { rating: string; source: string; url?: string; tier?: string }
export interface Contact { name?: string; organisation?: string; email?: string; phone?: string; url?: string }

/** A proposed record: the submission content (validation.ts), the record's fields in camelCase. */
export interface RecordContent {
  kind: 'example' | 'method';
  nameSv: string; nameEn: string; summarySv: string; summaryEn: string; descriptionSv: string;
  municipalityCodes: string[]; places: Place[]; organisation: string | null;
  focusAreas: string[]; subChallenges: string[]; ageGroups: string[]; targetGroup: string | null;
  preventionLevel: string | null; levels: string[]; plugInFactors: string[];
  periodStart: string | null; periodEnd: string | null; activityStatus: string | null;
  costPerParticipant: number | null; outcomesMeasured: string | null;
  evidence: Evidence | null; sources: Source[]; contact: Contact | null; methodIds: string[];
}

export interface Person { id: string; name: string }
export interface Comment { id: string; author: Person | null; body: string; createdAt: string }

export interface Revision {
  id: string;
  type: 'new' | 'edit';
  baseVersion: number | null;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  record: { id: string; slug: string | null; status: string | null } | null;
  content: RecordContent;
  submittedBy: Person | null; submittedAt: string;
  reviewedBy: Person | null; reviewedAt: string | null; decisionReason: string | null;
  comments: Comment[];
}

export interface QueueRevision extends Revision {
  diff: { field: string; before: unknown; after: unknown }[] | null;
  stale: boolean;
}

export interface DueRecord { id: string; slug: string; kind: 'example' | 'method'; nameSv: string; lastReviewedOn: string | null; dueOn: string }

export const focusAreaKeys = ['mental-health', 'parents', 'reading-language', 'motivation'] as const;
export const ageGroupKeys = ['preschool', 'f-3', '4-6', '7-9', 'upper-secondary'] as const;
export const levelKeys = ['promoting', 'preventing', 'remedying'] as const;
export const preventionKeys = ['universal', 'targeted', 'indicated'] as const;
export const activityKeys = ['planned', 'ongoing', 'completed'] as const;
