/**
 * The knowledge bank's filtered view for reuse: CSV (semicolons and a BOM, so Excel with Swedish settings opens it as
 * columns with å, ä and ö intact), GeoJSON (RFC 7946: one Point feature per place) and JSON.
 */
import { stringify } from 'csv-stringify/sync';
import { label } from './pages/texts.ts';
import type { PublicRecordSummary } from './present.ts';

export const csvHeader = [
  'id (slug)',
  'typ',
  'namn',
  'sammanfattning',
  'kommuner',
  'kommunkoder',
  'organisation',
  'fokusområden',
  'åldersgrupper',
  'nivå',
  'evidens',
  'evidenskälla',
  'evidenslänk',
  'status',
  'period från',
  'period till',
  'publicerad',
  'senast granskad',
  'länk',
];

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe:
 * the content is written by the public, and a CSV opened in Excel must not run it (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvRow(r: PublicRecordSummary): string[] {
  return [
    r.slug,
    label('sv', 'kind', r.kind),
    r.name.sv,
    r.summary.sv,
    r.municipalities.map((m) => m.name).join(', '),
    r.municipalities.map((m) => m.code).join(', '),
    r.organisation,
    r.focusAreas.map((f) => label('sv', 'focus', f)).join(', '),
    r.ageGroups.map((a) => label('sv', 'age', a)).join(', '),
    r.preventionLevel ? label('sv', 'level', r.preventionLevel) : '',
    r.evidence?.rating,
    r.evidence?.source,
    r.evidence?.url,
    r.activityStatus ? label('sv', 'activity', r.activityStatus) : '',
    r.periodStart,
    r.periodEnd,
    r.publishedAt,
    r.lastReviewedOn,
    r.url,
  ].map(csvCell);
}

/** The records as CSV text (BOM, `;`, CRLF line ends as RFC 4180). */
export function examplesCsv(records: readonly PublicRecordSummary[], note?: string): string {
  const rows = [csvHeader, ...records.map(csvRow)];
  if (note) rows.push([note]);
  return `\ufeff${stringify(rows, { delimiter: ';', record_delimiter: 'windows' })}`;
}

export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { slug: string; name: string; place: string; kind: string; focusAreas: string[]; url: string };
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  features: PlaceFeature[];
}

/** The places of the records as a GeoJSON FeatureCollection (WGS 84, [longitude, latitude]); records without places are left out. */
export function examplesGeoJson(records: readonly PublicRecordSummary[]): PlaceCollection {
  return {
    type: 'FeatureCollection',
    features: records.flatMap((r) =>
      r.places.map((p): PlaceFeature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { slug: r.slug, name: r.name.sv, place: p.name, kind: r.kind, focusAreas: r.focusAreas, url: r.url },
      })),
    ),
  };
}
