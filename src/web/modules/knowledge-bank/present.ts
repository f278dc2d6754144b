/** A content field's value in words, for the review queue's diff and content tables. */
import type { TFunction } from 'i18next';

const labelled: Record<string, string> = {
  kind: 'kinds', focusAreas: 'focus', ageGroups: 'ages', levels: 'levelNames', preventionLevel: 'prevention', activityStatus: 'activity',
};

export function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('knowledgeBank.empty');
  const group = labelled[field];
  const word = (v: unknown) => (group && typeof v === 'string' ? t(`knowledgeBank.${group}.${v}`) : v);
  if (Array.isArray(value)) {
    return value.map((v) => {
      if (v && typeof v === 'object') return Object.values(v as Record<string, unknown>).filter((x) => x !== '' && x != null).join(' · ');
      return String(word(v));
    }).join('; ');
  }
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).filter(([, v]) => v != null && v !== '').map(([k, v]) => `${k}: ${String(v)}`).join('; ');
  if (typeof value === 'boolean') return value ? t('knowledgeBank.yes') : t('knowledgeBank.no');
  return String(word(value));
}

export const contentFields = [
  'kind', 'nameSv', 'nameEn', 'summarySv', 'summaryEn', 'descriptionSv', 'municipalityCodes', 'places', 'organisation', 'focusAreas',
  'subChallenges', 'ageGroups', 'targetGroup', 'preventionLevel', 'levels', 'plugInFactors', 'periodStart', 'periodEnd', 'activityStatus',
  'costPerParticipant', 'outcomesMeasured', 'evidence', 'sources', 'contact', 'methodIds',
] as const;
