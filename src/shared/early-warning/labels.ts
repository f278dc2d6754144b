/**
 * What early detection's codes are called, in Swedish and English: the support tiers (never "high-risk"), the
 * indicators, the connectedness dimensions and levels. The pages, the CSV export and the server's texts read them
 * here, so a code never reaches a person.
 */
import type { Label } from '../contract/endpoint.ts';

export const indicatorCodes = [
  'attendance',
  'valid-absence',
  'csn-invalid-absence',
  'long-absence',
  'falling-attendance',
  'failed-grades',
  'fail-warnings',
  'points-at-risk',
  'eligibility',
  'programme-change',
  'school-change',
  'introduction',
  'newly-arrived',
  'connectedness',
] as const;
export type IndicatorCode = (typeof indicatorCodes)[number];

/** Support tiers as the pages name them. */
export const tierNames: Record<1 | 2 | 3, Label> = {
  1: { sv: 'Ordinarie stöd', en: 'Universal support' },
  2: { sv: 'Extra uppmärksamhet', en: 'Extra attention' },
  3: { sv: 'Samordnat stöd', en: 'Coordinated support' },
};

export const indicatorLabels: Record<IndicatorCode, Label> = {
  attendance: { sv: 'Låg närvaro', en: 'Low attendance' },
  'valid-absence': { sv: 'Hög giltig frånvaro', en: 'High excused absence' },
  'csn-invalid-absence': { sv: 'Ogiltig frånvaro över CSN-gränsen', en: 'Unexcused absence over the CSN limit' },
  'long-absence': { sv: 'Långvarig frånvaro', en: 'Long absence' },
  'falling-attendance': { sv: 'Sjunkande närvaro', en: 'Falling attendance' },
  'failed-grades': { sv: 'F eller streck', en: 'F or dash grades' },
  'fail-warnings': { sv: 'Varning för F', en: 'Warning of F' },
  'points-at-risk': { sv: 'Poäng i fara för examen', en: 'Diploma credits at risk' },
  eligibility: { sv: 'Inte på väg mot behörighet', en: 'Not on track for eligibility' },
  'programme-change': { sv: 'Programbyte', en: 'Programme change' },
  'school-change': { sv: 'Skolbyte', en: 'School change' },
  introduction: { sv: 'Introduktionsprogram', en: 'Introductory programme' },
  'newly-arrived': { sv: 'Nyanländ', en: 'Newly arrived' },
  connectedness: { sv: 'Svag skolanknytning', en: 'Weak school connectedness' },
};

/** An indicator's name; an unknown code (from an older version) reads "Annan indikator". */
export function indicatorLabel(code: string, language: 'sv' | 'en'): string {
  return (indicatorLabels as Record<string, Label>)[code]?.[language] ?? (language === 'sv' ? 'Annan indikator' : 'Other indicator');
}

export const connectednessDimensions = ['academic', 'behavioural', 'social', 'affective'] as const;
export const connectednessLevels = ['green', 'yellow', 'red'] as const;

export const dimensionLabels: Record<(typeof connectednessDimensions)[number], Label> = {
  academic: { sv: 'Studier', en: 'Studies' },
  behavioural: { sv: 'Beteende', en: 'Behaviour' },
  social: { sv: 'Relationer', en: 'Relationships' },
  affective: { sv: 'Känsla för skolan', en: 'Feeling for school' },
};
