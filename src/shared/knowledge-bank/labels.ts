/**
 * The submission form's fields as a person reads them, in Swedish and English: the form shows these labels and a
 * 400 names each field by them («Namn: måste ha minst 3 tecken.», «Plats 1: ligger inte inom Sverige.»). Keys are
 * paths inside the content; `{n}` is the position in a list.
 */
import type { FieldLabels, Label } from '../contract/endpoint.ts';

export const contentLabels = {
  kind: { sv: 'Typ', en: 'Kind' },
  nameSv: { sv: 'Namn', en: 'Name' },
  nameEn: { sv: 'Namn på engelska', en: 'Name in English' },
  summarySv: { sv: 'Sammanfattning', en: 'Summary' },
  summaryEn: { sv: 'Sammanfattning på engelska', en: 'Summary in English' },
  descriptionSv: { sv: 'Beskrivning', en: 'Description' },
  municipalityCodes: { sv: 'Kommuner', en: 'Municipalities' },
  'municipalityCodes.*': { sv: 'Kommun {n}', en: 'Municipality {n}' },
  places: { sv: 'Platser', en: 'Places' },
  'places.*': { sv: 'Plats {n}', en: 'Place {n}' },
  'places.*.name': { sv: 'Namn på plats {n}', en: 'Name of place {n}' },
  'places.*.lat': { sv: 'Latitud för plats {n}', en: 'Latitude of place {n}' },
  'places.*.lon': { sv: 'Longitud för plats {n}', en: 'Longitude of place {n}' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  focusAreas: { sv: 'Inriktningar', en: 'Focus areas' },
  'focusAreas.*': { sv: 'Inriktning {n}', en: 'Focus area {n}' },
  subChallenges: { sv: 'Delutmaningar', en: 'Sub-challenges' },
  'subChallenges.*': { sv: 'Delutmaning {n}', en: 'Sub-challenge {n}' },
  ageGroups: { sv: 'Åldersgrupper', en: 'Age groups' },
  'ageGroups.*': { sv: 'Åldersgrupp {n}', en: 'Age group {n}' },
  targetGroup: { sv: 'Målgrupp', en: 'Target group' },
  preventionLevel: { sv: 'Preventionsnivå', en: 'Prevention level' },
  levels: { sv: 'Elevhälsans nivåer', en: 'Student-health levels' },
  'levels.*': { sv: 'Elevhälsans nivå {n}', en: 'Student-health level {n}' },
  plugInFactors: { sv: 'Plug In-framgångsfaktorer', en: 'Plug In success factors' },
  'plugInFactors.*': { sv: 'Plug In-framgångsfaktor {n}', en: 'Plug In success factor {n}' },
  periodStart: { sv: 'Period från', en: 'Period from' },
  periodEnd: { sv: 'Period till', en: 'Period to' },
  activityStatus: { sv: 'Status för verksamheten', en: 'Activity status' },
  costPerParticipant: { sv: 'Kostnad per deltagare (kr)', en: 'Cost per participant (SEK)' },
  outcomesMeasured: { sv: 'Vad som mätts (resultat)', en: 'Outcomes measured' },
  evidence: { sv: 'Evidens', en: 'Evidence' },
  'evidence.rating': { sv: 'Bedömning av evidensen', en: 'Evidence rating' },
  'evidence.source': { sv: 'Vem som bedömt evidensen', en: 'Evidence rated by' },
  'evidence.url': { sv: 'Länk till evidensbedömningen', en: 'Link to the evidence rating' },
  'evidence.tier': { sv: 'Evidensnivå', en: 'Evidence tier' },
  sources: { sv: 'Källor', en: 'Sources' },
  'sources.*': { sv: 'Källa {n}', en: 'Source {n}' },
  'sources.*.title': { sv: 'Titel på källa {n}', en: 'Title of source {n}' },
  'sources.*.url': { sv: 'Webbadress till källa {n}', en: 'Web address of source {n}' },
  contact: { sv: 'Kontakt', en: 'Contact' },
  'contact.name': { sv: 'Kontaktens namn', en: "Contact's name" },
  'contact.organisation': { sv: 'Kontaktens organisation', en: "Contact's organisation" },
  'contact.email': { sv: 'Kontaktens e-post', en: "Contact's e-mail" },
  'contact.phone': { sv: 'Kontaktens telefon', en: "Contact's phone" },
  'contact.url': { sv: 'Kontaktens webbplats', en: "Contact's website" },
  methodIds: { sv: 'Metoder som exemplet använder', en: 'Methods the example uses' },
  'methodIds.*': { sv: 'Metod {n}', en: 'Method {n}' },
} as const satisfies Record<string, Label>;

export type ContentLabelKey = keyof typeof contentLabels;

/** The labels with every key under `prefix` (`content` → `content.nameSv`). */
export function labelsUnder(prefix: string, labels: FieldLabels): FieldLabels {
  return Object.fromEntries(Object.entries(labels).map(([key, label]) => [`${prefix}.${key}`, label]));
}

/** The request body of a submission: the record an edit is for, and the content. */
export const submissionLabels: FieldLabels = {
  recordId: { sv: 'Post som ändras', en: 'Record being changed' },
  content: { sv: 'Förslaget', en: 'The suggestion' },
  ...labelsUnder('content', contentLabels),
};
