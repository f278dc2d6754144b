/**
 * Kolada's figures in the database: a fetch stores every value it got (upsert, in one transaction) and records
 * itself; a failed fetch records why and leaves the last good data in place. The national comparison reads them back
 * for a municipality and Riket, falling back on the shipped reference series (riket-reference.ts) for Riket.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { koladaFetches, koladaValues, municipalities } from '../../db/schema/index.ts';
import type { National, NationalSeries } from '../../../shared/follow-up/national.ts';
import { koladaFetchedKpiIds, koladaKpiIds, koladaKpis, riket, type KoladaKpi } from '../../../shared/follow-up/vocabulary.ts';
import { fetchKolada, koladaOrigin, type KoladaOptions, type KoladaResult } from './kolada.ts';
import { riketReference } from './riket-reference.ts';

/** A fetch record's source when its figures came from a recorded answer (kolada-recorded.ts), not from Kolada. */
export const recordedSourcePrefix = 'recorded:';

export interface FetchSummary {
  status: 'ok' | 'failed';
  stored: number;
  message: string | null;
  missingYears: number[];
  skipped: KoladaResult['skipped'] | null;
  requests: number;
}

/** Fetches the completion key figures for the municipalities and Riket over the years, and stores them. */
export async function runKoladaFetch(
  db: DbOrTx,
  args: { municipalities: readonly string[]; years: readonly number[]; now: () => Date; options?: KoladaOptions; source?: string },
): Promise<FetchSummary> {
  const startedAt = args.now().toISOString();
  const source = args.source ?? args.options?.baseUrl ?? koladaOrigin;
  const areas = [...new Set([...args.municipalities, riket])];
  try {
    const result = await fetchKolada(koladaFetchedKpiIds, areas, args.years, args.options);
    const fetchedAt = args.now().toISOString();
    await db.transaction(async (tx) => {
      for (let i = 0; i < result.values.length; i += 500) {
        await tx
          .insert(koladaValues)
          .values(result.values.slice(i, i + 500).map((v) => ({ ...v, fetchedAt })))
          .onConflictDoUpdate({
            target: [koladaValues.kpi, koladaValues.municipality, koladaValues.period, koladaValues.gender],
            set: { value: sql`excluded.value`, count: sql`excluded.count`, fetchedAt: sql`excluded.fetched_at` },
          });
      }
      const note = result.missingYears.length ? `Inga värden för ${result.missingYears.join(', ')}.` : null;
      await tx
        .insert(koladaFetches)
        .values({ startedAt, finishedAt: fetchedAt, outcome: 'ok', source, values: result.values.length, message: note });
    });
    return {
      status: 'ok',
      stored: result.values.length,
      message: null,
      missingYears: result.missingYears,
      skipped: result.skipped,
      requests: result.requests,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Hämtningen från Kolada misslyckades.';
    await db
      .insert(koladaFetches)
      .values({ startedAt, finishedAt: args.now().toISOString(), outcome: 'failed', source, values: 0, message });
    return { status: 'failed', stored: 0, message, missingYears: [], skipped: null, requests: 0 };
  }
}

const differences: National['differences'] = [
  {
    sv: 'Kolada räknar elever folkbokförda i kommunen (hemkommun), var de än går; Fullföljs egen siffra räknar huvudmannens egna elever, var de än bor.',
    en: "Kolada counts students registered in the municipality (home municipality), wherever they study; Fullfölj's own figure counts the organiser's own students, wherever they live.",
  },
  {
    sv: 'Kolada följer eleven i hela landet; den egna siffran ser bara examen och studiebevis som huvudmannen själv utfärdat.',
    en: 'Kolada follows the student across the country; the own figure sees only diplomas and certificates the organiser issued itself.',
  },
  {
    sv: 'Båda räknar introduktionsprogrammen med och utelämnar elever utan svenskt personnummer vid starten.',
    en: 'Both include the introductory programmes and leave out students without a Swedish personal identity number at the start.',
  },
  {
    sv: 'Kolada anger året då måttet togs (startåret plus tre eller fyra år); den egna siffran visas på samma sätt.',
    en: 'Kolada gives the year of measurement (the start year plus three or four years); the own figure is shown the same way.',
  },
];

/** The national comparison for a municipality. */
export async function nationalComparison(db: DbOrTx, municipalityCode: string): Promise<National> {
  const rows = await db
    .select()
    .from(koladaValues)
    .where(
      and(
        inArray(koladaValues.kpi, koladaKpiIds),
        inArray(koladaValues.municipality, [municipalityCode, riket]),
        eq(koladaValues.gender, 'T'),
      ),
    )
    .orderBy(koladaValues.period);
  const [muni] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, municipalityCode));
  const [last] = await db.select().from(koladaFetches).orderBy(desc(koladaFetches.id)).limit(1);
  const [lastGood] = await db.select().from(koladaFetches).where(eq(koladaFetches.outcome, 'ok')).orderBy(desc(koladaFetches.id)).limit(1);
  const fetchedOn = lastGood ? lastGood.finishedAt.slice(0, 10) : null;
  const koladaSource = lastGood?.source.startsWith(recordedSourcePrefix)
    ? {
        sv: `Källa: SCB, riket, så som Hållbarometern (Lerums kommun) publicerar det; inspelat svar för demon, inläst ${fetchedOn} — inte en hämtning från Kolada`,
        en: `Source: Statistics Sweden, whole country, as published by Hållbarometern (Lerum); a recorded answer for the demo, loaded ${fetchedOn} — not a Kolada fetch`,
      }
    : {
        sv: `Källa: Kolada/SCB, hämtat ${fetchedOn ?? ''}`.trim(),
        en: `Source: Kolada/Statistics Sweden, fetched ${fetchedOn ?? ''}`.trim(),
      };
  const series: NationalSeries[] = [];
  for (const kpi of koladaKpiIds) {
    const def = koladaKpis[kpi as KoladaKpi];
    for (const [area, code] of [
      ['municipality', municipalityCode],
      ['riket', riket],
    ] as const) {
      const points = rows
        .filter((r) => r.kpi === kpi && r.municipality === code && r.value !== null)
        .map((r) => ({ year: r.period, percent: r.value! }));
      if (points.length > 0)
        series.push({
          kpi,
          name: { sv: def.sv, en: def.en },
          outcome: def.outcome,
          years: def.years,
          area,
          areaName: area === 'riket' ? 'Riket' : (muni?.name ?? ''),
          points,
          source: koladaSource,
        });
    }
  }
  if (!series.some((s) => s.kpi === riketReference.kpi && s.area === 'riket')) {
    const def = koladaKpis[riketReference.kpi];
    series.push({
      kpi: riketReference.kpi,
      name: { sv: def.sv, en: def.en },
      outcome: def.outcome,
      years: def.years,
      area: 'riket',
      areaName: 'Riket',
      points: riketReference.values.map((v) => ({ year: v.period, percent: v.value })),
      source: riketReference.source,
    });
  }
  return {
    series,
    lastFetch: last
      ? { at: last.finishedAt, outcome: last.outcome, message: last.message, lastGoodAt: lastGood?.finishedAt ?? null }
      : null,
    differences,
  };
}
