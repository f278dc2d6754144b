/**
 * The implementation plan's framework (docs/region-network.md): the items an organiser assesses itself against, as
 * data, each citing its sources. No published readiness checklist for such a plan was found, so the items are built
 * from the sources the programmes name: Plug In's success factors, SKR's levers in its ESF programme, the EWIMS steps
 * and the School Act. Where the platform can measure an item from the organiser's own live data, `measure` names it;
 * people answer the rest.
 */
type Text = { sv: string; en: string };

export const sources = {
  'plug-in': {
    sv: 'Plug In 2.0 (SKR, ESF): framgångsfaktorer för att fler ska fullfölja gymnasiet',
    en: 'Plug In 2.0 (SKR, ESF): success factors for more students completing upper secondary school',
  },
  'skr-esf': {
    sv: 'SKR:s ESF-program Fullföljd utbildning: tydliga strategier, styrning och ledning, samverkan; hela styrkedjan deltar',
    en: "SKR's ESF programme Fullföljd utbildning: clear strategies, governance and leadership, cooperation; the whole chain of command takes part",
  },
  ewims: {
    sv: 'EWIMS (American Institutes for Research, 2013): granska data, tolka, tilldela insatser, följa upp, utvärdera och förfina',
    en: 'EWIMS (American Institutes for Research, 2013): review data, interpret, assign interventions, monitor, evaluate and refine',
  },
  'skollagen-elevhalsa': {
    sv: 'Skollagen (2010:800) 2 kap. 25 § (elevhälsan)',
    en: 'The Education Act (2010:800) ch. 2 s. 25 (student health)',
  },
  'skollagen-kaa': {
    sv: 'Skollagen (2010:800) 29 kap. 9 § (kommunernas aktivitetsansvar)',
    en: "The Education Act (2010:800) ch. 29 s. 9 (the municipalities' activity responsibility)",
  },
  'skollagen-samverkan': {
    sv: 'Skollagen (2010:800) 29 kap. 13 § (samverkan med samhällsorgan)',
    en: 'The Education Act (2010:800) ch. 29 s. 13 (cooperation with public bodies)',
  },
} as const satisfies Record<string, Text>;
export type SourceKey = keyof typeof sources;

/** What the platform can measure itself, from the organiser's live data. */
export const measures = ['tier3-with-case', 'follow-ups-overdue', 'model-active', 'meetings-per-month'] as const;
export type MeasureKey = (typeof measures)[number];

export const areas = {
  roles: { sv: 'Roller och ansvar', en: 'Roles and responsibilities' },
  data: { sv: 'Data och verktyget', en: 'The data and the tool' },
  meetings: { sv: 'Elevhälsoteamens mötesrytm', en: "The student-health teams' meeting cadence" },
  catalogue: { sv: 'Insatskatalogen', en: 'The intervention catalogue' },
  followUp: { sv: 'Uppföljning av insatser', en: 'Follow-up of interventions' },
  evaluation: { sv: 'Utvärdering', en: 'Evaluation' },
  chain: { sv: 'Styrkedjan', en: 'The chain of command' },
  cooperation: { sv: 'Samverkan med KAA och socialtjänsten', en: 'Cooperation with KAA and social services' },
} as const satisfies Record<string, Text>;
export type AreaKey = keyof typeof areas;

export interface FrameworkItem {
  key: string;
  area: AreaKey;
  question: Text;
  sources: readonly SourceKey[];
  measure?: MeasureKey;
}

/** The items, in the order the page asks them. */
export const frameworkItems: readonly FrameworkItem[] = [
  {
    key: 'roles-team',
    area: 'roles',
    question: {
      sv: 'Det finns ett utsett team per skolenhet som ansvarar för tidig upptäckt, med namngivna roller.',
      en: 'Each school unit has a named team responsible for early detection, with named roles.',
    },
    sources: ['ewims', 'skr-esf'],
  },
  {
    key: 'roles-tier3',
    area: 'roles',
    question: {
      sv: 'Varje elev med tydliga varningssignaler (nivå 3) har ett öppet ärende med en ansvarig.',
      en: 'Every student with clear warning signs (tier 3) has an open case with someone responsible.',
    },
    sources: ['ewims', 'plug-in'],
    measure: 'tier3-with-case',
  },
  {
    key: 'data-tool',
    area: 'data',
    question: {
      sv: 'Verktyget för tidig upptäckt används med aktuella data och en prövad riskmodell.',
      en: 'The early-detection tool is used with current data and a tested risk model.',
    },
    sources: ['ewims'],
    measure: 'model-active',
  },
  {
    key: 'data-review',
    area: 'data',
    question: {
      sv: 'Teamen granskar och tolkar varningssignalerna på fasta tider under läsåret.',
      en: 'The teams review and interpret the warning signs at fixed times during the school year.',
    },
    sources: ['ewims', 'plug-in'],
  },
  {
    key: 'meetings-cadence',
    area: 'meetings',
    question: {
      sv: 'Elevhälsoteamen möts regelbundet, minst varannan vecka, med en dagordning från verktyget.',
      en: 'The student-health teams meet regularly, at least every other week, with an agenda from the tool.',
    },
    sources: ['skollagen-elevhalsa', 'plug-in'],
    measure: 'meetings-per-month',
  },
  {
    key: 'catalogue',
    area: 'catalogue',
    question: {
      sv: 'Det finns en känd katalog över insatser på varje nivå, med metodernas stöd i forskning.',
      en: 'There is a known catalogue of interventions at every tier, with the evidence for each method.',
    },
    sources: ['ewims', 'plug-in'],
  },
  {
    key: 'follow-up-dates',
    area: 'followUp',
    question: {
      sv: 'Insatser följs upp på utsatt datum.',
      en: 'Interventions are followed up on their set dates.',
    },
    sources: ['ewims', 'plug-in'],
    measure: 'follow-ups-overdue',
  },
  {
    key: 'evaluation',
    area: 'evaluation',
    question: {
      sv: 'Arbetet utvärderas minst en gång per läsår och justeras utifrån resultaten.',
      en: 'The work is evaluated at least once a school year and adjusted by its results.',
    },
    sources: ['ewims', 'plug-in'],
  },
  {
    key: 'chain-anchoring',
    area: 'chain',
    question: {
      sv: 'Arbetet är förankrat i ledningen och hela styrkedjan, från politiker till lärare, känner till det.',
      en: 'The work is anchored in management, and the whole chain of command, from politicians to teachers, knows it.',
    },
    sources: ['skr-esf'],
  },
  {
    key: 'chain-goals',
    area: 'chain',
    question: {
      sv: 'Det finns tydliga mål för fullföljda studier som följs upp i styrkedjan.',
      en: 'There are clear goals for completed studies, followed up along the chain of command.',
    },
    sources: ['plug-in', 'skr-esf'],
  },
  {
    key: 'cooperation-kaa',
    area: 'cooperation',
    question: {
      sv: 'Det finns rutiner för överlämning till och samverkan med det kommunala aktivitetsansvaret.',
      en: 'There are routines for handover to, and cooperation with, the municipal activity responsibility.',
    },
    sources: ['skollagen-kaa', 'skr-esf'],
  },
  {
    key: 'cooperation-social',
    area: 'cooperation',
    question: {
      sv: 'Det finns en överenskommelse om samverkan med socialtjänsten kring elever som behöver det.',
      en: 'There is an agreement on cooperation with social services about students who need it.',
    },
    sources: ['skollagen-samverkan', 'skr-esf', 'plug-in'],
  },
];

export const frameworkKeys = frameworkItems.map((i) => i.key) as [string, ...string[]];

/** The self-assessment's levels. */
export const levelLabels: readonly Text[] = [
  { sv: 'Inte påbörjat', en: 'Not started' },
  { sv: 'Påbörjat', en: 'Begun' },
  { sv: 'Till stor del på plats', en: 'Largely in place' },
  { sv: 'På plats och uppföljt', en: 'In place and followed up' },
];

/** A planned action from idea to done. */
export const actionStatuses = ['planned', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus, Text> = {
  planned: { sv: 'Planerad', en: 'Planned' },
  'in-progress': { sv: 'Pågår', en: 'In progress' },
  done: { sv: 'Klar', en: 'Done' },
};
