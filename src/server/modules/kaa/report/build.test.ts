import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport, parseFile, summarise, type ReportYouth } from './build.ts';
import { ageOn } from './checks.ts';
import { scbCodes } from './codes.ts';

const codes = scbCodes();
const municipality = { code: '1496', name: 'Skövde' };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function youth(overrides: Partial<ReportYouth> = {}): ReportYouth {
  return {
    personId: id(1),
    name: 'Alva Testsson',
    civicNo: '200701012395',
    birthDate: '2007-01-01',
    municipalityCode: '1496',
    registeredOn: '2026-03-01',
    registrationReason: 'dropout-national',
    contacts: [{ date: '2026-09-10', occupation: 'none' }],
    measures: [],
    endedOn: null,
    endReason: null,
    ...overrides,
  };
}

test('a clean register gives a file without failures whose summary is counted from the file', () => {
  const report = buildReport(codes, {
    half: '2026H2',
    municipality,
    youths: [
      youth(),
      youth({
        personId: id(2),
        name: 'Bo Exempel',
        civicNo: '200701022386',
        birthDate: '2007-01-02',
        registrationReason: 'studiebevis',
        measures: [
          { id: id(10), kind: 'guidance', startedOn: '2026-08-20', endedOn: '2026-10-01', occupationAfter: 'adult-education' },
          { id: id(11), kind: 'internship', startedOn: '2026-10-05', endedOn: null, occupationAfter: null },
        ],
      }),
      youth({
        personId: id(3),
        name: 'Cleo Prov',
        civicNo: '200701032385',
        birthDate: '2006-07-03',
        contacts: [],
        endedOn: '2026-07-03',
        endReason: 'turned-20',
      }),
    ],
  });
  assert.deepEqual(report.failures, []);
  assert.equal(report.rows.length, 4, 'one row per measure, one for each young person without one');
  const lines = report.file.split('\r\n');
  assert.equal(
    lines[0],
    'Kommunkod;Personnummer;Registreringsorsak;Kontaktdatum;SysselsattningKontakt;AtgardStartdatum;AtgardTyp;AtgardSlutdatum;SysselsattningEfterAtgard;UpphorDatum;UpphorOrsak',
  );
  assert.equal(lines[1], '1496;200701012395;1;20260910;50;;;;;;');
  assert.equal(lines[2], '1496;200701022386;3;20260910;50;20260820;1;20261001;13;;');
  assert.equal(lines[3], '1496;200701022386;3;20260910;50;20261005;3;;;;');
  assert.equal(lines[4], '1496;200701032385;1;;;;;;;20260703;4');
  assert.deepEqual(report.summary, summarise(codes, report.file));
  assert.equal(report.summary.youths, 3);
  assert.equal(report.summary.contacted, 2);
  assert.equal(report.summary.measuresStarted, 2);
  assert.equal(report.summary.measuresEnded, 1);
  assert.deepEqual(report.summary.endReasons, [{ label: { sv: 'Fyllt 20 år', en: 'Turned 20' }, count: 1 }]);
  assert.deepEqual(
    report.summary.registrationReasons.map((r) => [r.label.sv, r.count]),
    [
      ['Avbrott på nationellt program', 2],
      ['Studiebevis utan gymnasieexamen', 1],
    ],
  );
  assert.equal(parseFile(codes, report.file).length, 4);
});

test('each failing check names the young person, the block and the field by label, never a code or key', () => {
  const report = buildReport(codes, {
    half: '2026H2',
    municipality,
    youths: [
      youth({ civicNo: '200701012396', registrationReason: null, contacts: [{ date: '2026-09-01', occupation: null }] }),
      youth({
        personId: id(2),
        name: 'Bo Exempel',
        civicNo: '20070102TF01',
        birthDate: '2008-03-01',
        municipalityCode: '1480',
        measures: [
          { id: id(10), kind: null, startedOn: '2026-09-01', endedOn: '2026-08-01', occupationAfter: null },
          { id: id(11), kind: 'guidance', startedOn: '2026-10-01', endedOn: null, occupationAfter: null },
        ],
        endedOn: '2026-11-01',
        endReason: 'turned-20',
      }),
    ],
  });
  const seen = report.failures.map((f) => `${f.name} | ${f.block.sv} | ${f.field.sv} ${f.problem.sv}`);
  assert.deepEqual(seen, [
    'Alva Testsson | Block 1 – obligatoriska uppgifter | Personnummer är inte ett giltigt personnummer eller samordningsnummer',
    'Alva Testsson | Block 1 – obligatoriska uppgifter | Registreringsorsak saknas',
    'Alva Testsson | Block 2 – kontakt med den unga | Sysselsättning vid kontakt saknas',
    'Bo Exempel | Block 1 – obligatoriska uppgifter | Hemkommun är en annan kommun än den som rapporterar',
    'Bo Exempel | Block 1 – obligatoriska uppgifter | Personnummer är ett tillfälligt nummer, som SCB inte tar emot',
    'Bo Exempel | Block 3 – åtgärd påbörjad | Typ av åtgärd saknas',
    'Bo Exempel | Block 4 – åtgärd avslutad | Åtgärden avslutades ligger före datumet då åtgärden påbörjades',
    'Bo Exempel | Block 4 – åtgärd avslutad | Sysselsättning efter åtgärden saknas',
    'Bo Exempel | Block 4 – åtgärd avslutad | Åtgärden avslutades saknas fast aktivitetsansvaret upphörde under halvåret',
    'Bo Exempel | Block 5 – aktivitetsansvaret upphörde | Orsak till att ansvaret upphörde är «Fyllt 20 år» men den unga var inte 20 år det datumet',
  ]);
  const text = JSON.stringify(report.failures.map(({ personId: _, ...rest }) => rest));
  for (const key of ['dropout-national', 'turned-20', 'occupationAfter', 'civicNo', '200701012396', 'TF01'])
    assert.ok(!text.includes(key), key);
});

test('the digest changes with the data and stays with the same data', () => {
  const input = { half: '2026H2', municipality, youths: [youth()] };
  const a = buildReport(codes, input);
  assert.equal(buildReport(codes, input).digest, a.digest);
  assert.notEqual(buildReport(codes, { ...input, youths: [youth({ contacts: [] })] }).digest, a.digest);
  assert.match(a.digest, /^[0-9a-f]{64}$/);
});

test('contacts and measures outside the half-year stay out of its file', () => {
  const report = buildReport(codes, {
    half: '2026H1',
    municipality,
    youths: [youth({ measures: [{ id: id(9), kind: 'guidance', startedOn: '2026-08-01', endedOn: null, occupationAfter: null }] })],
  });
  assert.equal(report.rows.length, 1);
  assert.equal(report.rows[0]!.contactDate, '');
  assert.equal(report.rows[0]!.measureStart, '');
});

test('age in whole years', () => {
  assert.equal(ageOn('2006-07-03', '2026-07-02'), 19);
  assert.equal(ageOn('2006-07-03', '2026-07-03'), 20);
});
