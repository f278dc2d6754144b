/**
 * The follow-up module's vocabularies, shared by the database schema, the contract and the web app: what counts as
 * completing, within how many years, and the Kolada key figures the national comparison reads (docs/follow-up.md).
 */

/** What a student must have to count as completing: a gymnasieexamen, or a gymnasieexamen or a studiebevis. */
export const completionOutcomes = ['examen', 'examen-or-studiebevis'] as const;
export type CompletionOutcome = (typeof completionOutcomes)[number];

/** Years from the first upper-secondary start (30 June of the n-th school year). */
export const completionHorizons = [3, 4, 5] as const;
export type CompletionHorizon = (typeof completionHorizons)[number];

export const outcomeLabels: Record<CompletionOutcome, { sv: string; en: string }> = {
  examen: { sv: 'Examen', en: 'Diploma' },
  'examen-or-studiebevis': { sv: 'Examen eller studiebevis', en: 'Diploma or study certificate' },
};

/**
 * Kolada's key figures on completion (SCB's figures, per home municipality, introduktionsprogram included unless
 * noted). There is no 5-year figure in Kolada.
 */
export const koladaKpis = {
  N17445: {
    outcome: 'examen',
    years: 3,
    sv: 'Gymnasieelever med examen inom 3 år, hemkommun, andel (%)',
    en: 'Diploma within 3 years, home municipality (%)',
  },
  N17441: {
    outcome: 'examen-or-studiebevis',
    years: 3,
    sv: 'Gymnasieelever med examen eller studiebevis inom 3 år, hemkommun, andel (%)',
    en: 'Diploma or study certificate within 3 years, home municipality (%)',
  },
  N17461: {
    outcome: 'examen',
    years: 4,
    sv: 'Gymnasieelever med examen inom 4 år, hemkommun, andel (%)',
    en: 'Diploma within 4 years, home municipality (%)',
  },
  N17457: {
    outcome: 'examen-or-studiebevis',
    years: 4,
    sv: 'Gymnasieelever med examen eller studiebevis inom 4 år, hemkommun, andel (%)',
    en: 'Diploma or study certificate within 4 years, home municipality (%)',
  },
} as const satisfies Record<string, { outcome: CompletionOutcome; years: CompletionHorizon; sv: string; en: string }>;
export type KoladaKpi = keyof typeof koladaKpis;
export const koladaKpiIds = Object.keys(koladaKpis) as KoladaKpi[];

/**
 * Further completion key figures fetched and stored beside the four above, as data for later breakdowns (not charted
 * yet): per programme type, and for the introduktionsprogram. Their ids are the issue's; their exact Kolada titles and
 * definitions were not verified here (no access to Kolada's catalogue offline), so the names say only what they cover.
 */
export const koladaContextKpis = {
  N17462: {
    sv: 'Examen inom 4 år per programtyp (Kolada, titel ej kontrollerad)',
    en: 'Diploma within 4 years by programme type (Kolada, title not verified)',
  },
  N17463: {
    sv: 'Examen eller studiebevis inom 4 år per programtyp (Kolada, titel ej kontrollerad)',
    en: 'Diploma or study certificate within 4 years by programme type (Kolada, title not verified)',
  },
  N17549: { sv: 'Introduktionsprogram (Kolada, titel ej kontrollerad)', en: 'Introductory programmes (Kolada, title not verified)' },
  N17550: {
    sv: 'Introduktionsprogram, andra måttet (Kolada, titel ej kontrollerad)',
    en: 'Introductory programmes, second measure (Kolada, title not verified)',
  },
} as const satisfies Record<string, { sv: string; en: string }>;

/** Every key figure a Kolada fetch asks for. */
export const koladaFetchedKpiIds: readonly string[] = [...koladaKpiIds, ...Object.keys(koladaContextKpis)];

/** Kolada's code for the whole country. */
export const riket = '0000';
