/**
 * The worklist as a CSV file for Excel with Swedish settings: a byte-order mark and semicolons (å, ä and ö intact, one
 * column per field), Swedish headings, and names instead of codes — support tiers, indicators, reasons, probabilities
 * as percentages with decimal commas ("osäker skattning" where the band says nothing), yes and no.
 */
import { stringify } from 'csv-stringify/sync';
import { indicatorLabel, tierNames } from '../../../shared/early-warning/labels.ts';
import { isUncertain, type Probability } from '../../../shared/early-warning/probability.ts';
import type { WorklistItem } from '../../../shared/early-warning/responses.ts';
import { numberFormat } from '../../../shared/contract/intl.ts';

export const worklistCsvHeader = [
  'Plats',
  'Efternamn',
  'Förnamn',
  'Skolenhet',
  'Årskurs',
  'Program',
  'Stödnivå',
  'Skäl',
  'Sannolikhet att inte fullfölja',
  'Sedan',
  'Närvaro denna termin',
  'Inom teamets kapacitet',
  'Öppet elevhälsoärende',
];

// Kept, not built per value (intl.ts): a file has two per row.
const wholePercent = numberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });
const tenthPercent = numberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });
const percent = (fraction: number) => wholePercent.format(fraction);

/** The probability as the worklist page reads it, in Swedish. */
export function probabilityText(p: Probability): string {
  if (p.status === 'insufficient') return 'Otillräckligt underlag';
  if (p.status === 'no-model') return 'Ingen modell';
  if (isUncertain(p)) return 'Osäker skattning';
  if (p.lower === null || p.upper === null) return percent(p.value);
  return `${percent(p.value)} (${percent(p.lower)}–${percent(p.upper)})`;
}

/** The indicators that placed the student and the model's reasons, each named once. */
function reasonsText(item: WorklistItem): string {
  return [...new Set([...item.flags.map((f) => indicatorLabel(f, 'sv')), ...item.reasons.map((r) => r.sv)])].join(', ');
}

/** One row of the file. */
export function worklistCsvRecord(item: WorklistItem): string[] {
  return [
    String(item.rank),
    item.familyName,
    item.givenName,
    item.schoolUnit.name ?? '',
    item.schoolYear === null ? '' : String(item.schoolYear),
    item.programmeName ?? item.programmeCode ?? '',
    tierNames[item.tier as 1 | 2 | 3].sv,
    reasonsText(item),
    probabilityText(item.probability),
    item.onset ?? '',
    item.attendance === null ? '' : tenthPercent.format(item.attendance),
    item.withinCapacity ? 'Ja' : 'Nej',
    item.openCaseId ? 'Ja' : 'Nej',
  ];
}

/** The whole file; when the selection is larger than the export, its last line says so. */
export function worklistCsv(items: WorklistItem[], total: number): string {
  const records = [worklistCsvHeader, ...items.map(worklistCsvRecord)];
  if (total > items.length) records.push([`Urvalet har ${total} elever; filen visar de ${items.length} första.`]);
  return `\ufeff${stringify(records, { delimiter: ';' })}`;
}
