/**
 * The logical checks on a young person's rows before the half-year file is exported. They follow what SCB's
 * instructions and data-file description ask of each block (docs/kaa-report.md lists them with their source); each
 * failure names the young person, the block and the field by its label — never a code or a key.
 */
import type { Label } from '../../../../shared/contract/endpoint.ts';
import { halfYearBounds, type ReportFailure } from '../../../../shared/kaa/report.ts';
import { parseCivicNo } from '../../../../ingest/ss12000/civic-number.ts';
import type { ReportYouth } from './build.ts';
import { codeFor, type CodeFile, type CodeListName } from './codes.ts';

export const blockLabels: Record<1 | 2 | 3 | 4 | 5, Label> = {
  1: { sv: 'Block 1 – obligatoriska uppgifter', en: 'Block 1 – mandatory data' },
  2: { sv: 'Block 2 – kontakt med den unga', en: 'Block 2 – contact with the young person' },
  3: { sv: 'Block 3 – åtgärd påbörjad', en: 'Block 3 – measure started' },
  4: { sv: 'Block 4 – åtgärd avslutad', en: 'Block 4 – measure ended' },
  5: { sv: 'Block 5 – aktivitetsansvaret upphörde', en: 'Block 5 – responsibility ended' },
};

/** Each field of the file as the register's forms name it. */
export const fieldLabels: Record<string, Label> = {
  municipality: { sv: 'Hemkommun', en: 'Home municipality' },
  civicNo: { sv: 'Personnummer', en: 'Civic number' },
  birthDate: { sv: 'Födelsedatum', en: 'Date of birth' },
  registrationReason: { sv: 'Registreringsorsak', en: 'Reason for registration' },
  contactDate: { sv: 'Datum för kontakt', en: 'Date of contact' },
  occupationAtContact: { sv: 'Sysselsättning vid kontakt', en: 'Occupation at contact' },
  measureStart: { sv: 'Åtgärden påbörjades', en: 'Measure started' },
  measureKind: { sv: 'Typ av åtgärd', en: 'Kind of measure' },
  measureEnd: { sv: 'Åtgärden avslutades', en: 'Measure ended' },
  occupationAfter: { sv: 'Sysselsättning efter åtgärden', en: 'Occupation after the measure' },
  endedOn: { sv: 'Aktivitetsansvaret upphörde', en: 'Responsibility ended' },
  endReason: { sv: 'Orsak till att ansvaret upphörde', en: 'Reason the responsibility ended' },
};

const problems = {
  missing: { sv: 'saknas', en: 'is missing' },
  notInList: { sv: 'har ett värde som inte finns i SCB:s kodlista', en: 'has a value that is not in SCB’s code list' },
  civicInvalid: {
    sv: 'är inte ett giltigt personnummer eller samordningsnummer',
    en: 'is not a valid personal identity or co-ordination number',
  },
  civicTemporary: { sv: 'är ett tillfälligt nummer, som SCB inte tar emot', en: 'is a temporary number, which SCB does not accept' },
  otherMunicipality: { sv: 'är en annan kommun än den som rapporterar', en: 'is another municipality than the one reporting' },
  turned20: { sv: 'den unga hade fyllt 20 år när halvåret började', en: 'the young person was 20 before the half-year began' },
  tooYoung: { sv: 'den unga är yngre än 15 år vid halvårets slut', en: 'the young person is under 15 at the end of the half-year' },
  afterEnd: { sv: 'ligger efter det datum då aktivitetsansvaret upphörde', en: 'is after the date the responsibility ended' },
  beforeStart: { sv: 'ligger före datumet då åtgärden påbörjades', en: 'is before the date the measure started' },
  beforeRegistration: { sv: 'ligger före datumet då den unga registrerades', en: 'is before the date the young person was registered' },
  openAfterEnd: {
    sv: 'saknas fast aktivitetsansvaret upphörde under halvåret',
    en: 'is missing although the responsibility ended during the half-year',
  },
  notTwenty: {
    sv: 'är «Fyllt 20 år» men den unga var inte 20 år det datumet',
    en: 'is «Turned 20» but the young person was not 20 on that date',
  },
} satisfies Record<string, Label>;

/** The age in whole years on a date, from a birth date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The failures of one young person, in the file's order of blocks. */
export function checkYouth(codes: CodeFile, half: string, municipalityCode: string, y: ReportYouth): ReportFailure[] {
  const { from, to } = halfYearBounds(half);
  const failures: ReportFailure[] = [];
  const fail = (block: 1 | 2 | 3 | 4 | 5, field: string, problem: Label) =>
    failures.push({ personId: y.personId, name: y.name, block: blockLabels[block], field: fieldLabels[field]!, problem });
  const coded = (block: 1 | 2 | 3 | 4 | 5, field: string, list: CodeListName, key: string | null) => {
    if (!key) fail(block, field, problems.missing);
    else if (codeFor(codes, list, key) === null) fail(block, field, problems.notInList);
  };

  // Block 1: who, where, why.
  if (!y.municipalityCode) fail(1, 'municipality', problems.missing);
  else if (y.municipalityCode !== municipalityCode) fail(1, 'municipality', problems.otherMunicipality);
  if (!y.civicNo) fail(1, 'civicNo', problems.missing);
  else {
    const parsed = parseCivicNo(y.civicNo);
    if (!parsed.ok) fail(1, 'civicNo', problems.civicInvalid);
    else if (parsed.kind === 'temporary') fail(1, 'civicNo', problems.civicTemporary);
  }
  if (!y.birthDate) fail(1, 'birthDate', problems.missing);
  else {
    if (ageOn(y.birthDate, from) >= 20) fail(1, 'birthDate', problems.turned20);
    if (ageOn(y.birthDate, to) < 15) fail(1, 'birthDate', problems.tooYoung);
  }
  coded(1, 'registrationReason', 'registrationReasons', y.registrationReason);

  const ended = y.endedOn !== null && y.endedOn >= from && y.endedOn <= to ? y.endedOn : null;

  // Block 2: each contact in the half-year has a date inside the responsibility and an occupation.
  for (const c of y.contacts.filter((c) => c.date >= from && c.date <= to)) {
    if (ended && c.date > ended) fail(2, 'contactDate', problems.afterEnd);
    coded(2, 'occupationAtContact', 'occupations', c.occupation);
  }

  // Blocks 3 and 4: every measure that ran during the half-year.
  for (const m of y.measures.filter((m) => m.startedOn === null || (m.startedOn <= to && (m.endedOn === null || m.endedOn >= from)))) {
    if (!m.startedOn) fail(3, 'measureStart', problems.missing);
    else {
      if (m.startedOn < y.registeredOn) fail(3, 'measureStart', problems.beforeRegistration);
      if (ended && m.startedOn > ended) fail(3, 'measureStart', problems.afterEnd);
    }
    coded(3, 'measureKind', 'measureKinds', m.kind);
    const endInHalf = m.endedOn !== null && m.endedOn <= to ? m.endedOn : null;
    if (endInHalf) {
      if (m.startedOn && endInHalf < m.startedOn) fail(4, 'measureEnd', problems.beforeStart);
      if (ended && endInHalf > ended) fail(4, 'measureEnd', problems.afterEnd);
      coded(4, 'occupationAfter', 'occupations', m.occupationAfter);
    } else if (ended) fail(4, 'measureEnd', problems.openAfterEnd);
  }

  // Block 5: when the responsibility ended, why; and the reason must agree with the data.
  if (ended) {
    if (ended < y.registeredOn) fail(5, 'endedOn', problems.beforeRegistration);
    coded(5, 'endReason', 'endReasons', y.endReason);
    if (y.endReason === 'turned-20' && y.birthDate && ageOn(y.birthDate, ended) < 20) fail(5, 'endReason', problems.notTwenty);
  }
  return failures;
}
