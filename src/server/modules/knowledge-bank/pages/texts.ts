/**
 * The public pages' words, Swedish first and English second. The language is `?lang=en|sv`, else the browser's
 * Accept-Language (English only when it prefers English over Swedish), else Swedish.
 */
import { requestLanguage, type Language } from '../../../platform/language.ts';

export type Lang = Language;

/** The visitor's language. */
export const pickLanguage = requestLanguage;

const labels = {
  kind: { example: ['Lokalt exempel', 'Local example'], method: ['Metod', 'Method'] },
  focus: {
    'mental-health': ['Psykisk hälsa', 'Mental health'],
    parents: ['Föräldrar som resurs', 'Parents as a resource'],
    'reading-language': ['Läsning och språkutveckling', 'Reading and language development'],
    motivation: ['Motivation och framtidstro', 'Motivation and hope for the future'],
  },
  age: {
    preschool: ['Förskola', 'Preschool'],
    'f-3': ['Grundskola F–3', 'Compulsory school F–3'],
    '4-6': ['Grundskola 4–6', 'Compulsory school 4–6'],
    '7-9': ['Grundskola 7–9', 'Compulsory school 7–9'],
    'upper-secondary': ['Gymnasium', 'Upper secondary school'],
  },
  level: {
    universal: ['Universell', 'Universal'],
    targeted: ['Riktad', 'Targeted'],
    indicated: ['Indikerad', 'Indicated'],
  },
  workLevel: {
    promoting: ['Främjande', 'Promoting'],
    preventing: ['Förebyggande', 'Preventing'],
    remedying: ['Åtgärdande', 'Remedying'],
  },
  activity: {
    planned: ['Planerad', 'Planned'],
    ongoing: ['Pågående', 'Ongoing'],
    completed: ['Avslutad', 'Completed'],
  },
} as const;

type Group = keyof typeof labels;

/** The name of a code in a group (focus area, age group, …), or the code itself when unknown. */
export function label(lang: Lang, group: Group, code: string): string {
  const entry = (labels[group] as Record<string, readonly [string, string]>)[code];
  return entry ? entry[lang === 'sv' ? 0 : 1] : code;
}

const words = {
  bank: ['Kunskapsbanken', 'The knowledge bank'],
  bankIntro: [
    'Lokala exempel och metoder som hjälper fler unga att fullfölja gymnasiet, granskade av regionala redaktörer.',
    'Local examples and methods that help more young people complete upper secondary school, reviewed by regional editors.',
  ],
  skip: ['Hoppa till innehållet', 'Skip to content'],
  search: ['Sök', 'Search'],
  searchLabel: ['Sökord', 'Search words'],
  filters: ['Avgränsa', 'Filter'],
  kind: ['Typ', 'Kind'],
  any: ['Alla', 'All'],
  focusAreas: ['Fokusområden', 'Focus areas'],
  ageGroups: ['Åldersgrupper', 'Age groups'],
  level: ['Preventionsnivå', 'Prevention level'],
  municipality: ['Kommun', 'Municipality'],
  results: ['Resultat', 'Results'],
  noResults: ['Inga träffar. Prova färre avgränsningar eller andra sökord.', 'No results. Try fewer filters or other words.'],
  page: ['Sida', 'Page'],
  previous: ['Föregående sida', 'Previous page'],
  next: ['Nästa sida', 'Next page'],
  pages: ['Sidor', 'Pages'],
  evidence: ['Evidens', 'Evidence'],
  export: ['Ladda ned urvalet', 'Download this selection'],
  feed: ['Nya poster (Atom-flöde)', 'New records (Atom feed)'],
  map: ['Karta', 'Map'],
  mapAlt: [
    'Kartan visar samma träffar som listan. Listan är det tillgängliga alternativet.',
    'The map shows the same results as the list. The list is the accessible equivalent.',
  ],
  regionMap: ['Karta över regionen', 'Region overview map'],
  regionIntro: [
    'Antal publicerade lokala exempel per kommun och fokusområde. Tabellen har samma siffror som kartan.',
    'Number of published local examples per municipality and focus area. The table holds the same numbers as the map.',
  ],
  allFocus: ['Alla fokusområden', 'All focus areas'],
  show: ['Visa', 'Show'],
  examples: ['Exempel', 'Examples'],
  examplesIn: ['Exempel i', 'Examples in'],
  total: ['Totalt', 'Total'],
  summary: ['Sammanfattning', 'Summary'],
  description: ['Beskrivning', 'Description'],
  facts: ['Fakta', 'Facts'],
  organisation: ['Organisation', 'Organisation'],
  municipalities: ['Kommuner', 'Municipalities'],
  places: ['Platser', 'Places'],
  subChallenges: ['Delutmaningar', 'Sub-challenges'],
  targetGroup: ['Målgrupp', 'Target group'],
  workLevels: ['Elevhälsans nivåer', 'Student-health levels'],
  plugIn: ['Plug In-framgångsfaktorer', 'Plug In success factors'],
  period: ['Period', 'Period'],
  activityStatus: ['Status', 'Status'],
  cost: ['Kostnad per deltagare', 'Cost per participant'],
  outcomes: ['Mätta utfall', 'Outcomes measured'],
  sources: ['Källor', 'Sources'],
  contact: ['Kontakt', 'Contact'],
  lastReviewed: ['Senast granskad', 'Last reviewed'],
  methods: ['Metoder som används', 'Methods used'],
  usedIn: ['Lokala exempel som använder metoden', 'Local examples using this method'],
  notFound: ['Sidan finns inte', 'Page not found'],
  notFoundText: ['Vi hittar ingen publicerad post med den adressen.', 'There is no published record at that address.'],
  backToBank: ['Till kunskapsbanken', 'Back to the knowledge bank'],
  language: ['In English', 'På svenska'],
  embedMore: ['Fler exempel i kunskapsbanken', 'More examples in the knowledge bank'],
  municipalityPage: ['Kommunens sida', "The municipality's page"],
  openRecord: ['Öppna', 'Open'],
  sek: ['kr', 'SEK'],
  breadcrumb: ['Brödsmulor', 'Breadcrumbs'],
  filtersApplied: ['träffar', 'results'],
} as const;

export type Word = keyof typeof words;

/** A word or phrase in the visitor's language. */
export function t(lang: Lang, word: Word): string {
  return words[word][lang === 'sv' ? 0 : 1];
}
