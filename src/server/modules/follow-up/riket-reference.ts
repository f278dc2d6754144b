/**
 * The offline reference: the published national series (Riket) of "Gymnasieelever med examen inom 4 år" (Kolada
 * N17461, SCB's figures), in whole per cent as published, for an installation that has never reached Kolada. Shown
 * with its own source line, never as a Kolada fetch. Source: Hållbarometern, Lerum municipality's indicator page
 * "Gymnasieelever med examen inom 4 år", table with the row Riket, data source SCB —
 * https://lerum.hallbarometern.se/mal-4-god-utbildning-for-alla/gymnasieelever-med-examen-inom-4-ar/table
 * (read 2026-12-03; docs/follow-up.md).
 */
export const riketReference = {
  kpi: 'N17461',
  source: {
    sv: 'Källa: SCB, riket, avrundat till hela procent, enligt Hållbarometern (Lerums kommun) — inte en hämtning från Kolada',
    en: 'Source: Statistics Sweden, whole country, rounded to whole per cent, as published by Hållbarometern (Lerum) — not a Kolada fetch',
  },
  url: 'https://lerum.hallbarometern.se/mal-4-god-utbildning-for-alla/gymnasieelever-med-examen-inom-4-ar/table',
  values: [
    { period: 2015, value: 69 },
    { period: 2016, value: 71 },
    { period: 2017, value: 71 },
    { period: 2018, value: 71 },
    { period: 2019, value: 71 },
    { period: 2020, value: 71 },
    { period: 2021, value: 72 },
    { period: 2022, value: 74 },
    { period: 2023, value: 74 },
    { period: 2024, value: 74 },
    { period: 2025, value: 75 },
  ],
} as const;
