import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Overview } from '../../../shared/early-warning/responses.ts';
import { earlyWarning } from './i18n.ts';
import { overviewCsv } from './overview-csv.ts';

/** The module's texts as the app's `t` would give them (full keys, {{date}} filled in). */
const texts = (language: 'sv' | 'en') => ({
  language,
  schoolType: (code: string) => (code === 'GY' ? (language === 'sv' ? 'Gymnasieskola' : 'Upper secondary school') : 'Annan'),
  t: (key: string, options?: Record<string, string>) => {
    const value = key
      .replace('earlyWarning.', '')
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], earlyWarning[language]);
    assert.equal(typeof value, 'string', `no text for ${key}`);
    return (value as string).replace('{{date}}', options?.date ?? '');
  },
});

const overview: Overview = {
  asOf: '2024-10-01',
  units: [
    { schoolUnitId: 'a0000000-0000-4000-8000-000000000002', name: 'Exempelgymnasiet; "Norra"', tier: 3, count: 1234, suppressed: null },
    { schoolUnitId: 'a0000000-0000-4000-8000-000000000002', name: 'Exempelgymnasiet; "Norra"', tier: 2, count: null, suppressed: 'small' },
    { schoolUnitId: 'a0000000-0000-4000-8000-000000000003', name: '=SUMMA(A1)', tier: 2, count: null, suppressed: 'complementary' },
  ],
  indicators: [{ indicator: 'attendance', count: 12, suppressed: null }],
  years: [{ schoolType: 'GY', schoolYear: 2, tier: 3, count: 7, suppressed: null }],
  programmes: [{ programmeCode: 'NA', programmeName: 'Naturvetenskapsprogrammet', tier: 3, count: 6, suppressed: null }],
};

test('the overview as CSV: BOM, semicolons, CRLF, Swedish headings and labels, hidden counts in words saying why', () => {
  const csv = overviewCsv(overview, texts('sv'));
  assert.ok(csv.startsWith('\uFEFF') && csv.endsWith('\r\n'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'Tidig upptäckt – översikt;Uppdaterad 2024-10-01');
  assert.ok(lines.includes('Skolenhet;Stödnivå;Elever'), lines.join('\n'));
  assert.ok(lines.includes(`"Exempelgymnasiet; ""Norra""";${earlyWarning.sv.tier3};1234`), 'a name with ; and " is quoted');
  assert.ok(lines.includes(`"Exempelgymnasiet; ""Norra""";${earlyWarning.sv.tier2};färre än 5`));
  assert.ok(lines.includes(`'=SUMMA(A1);${earlyWarning.sv.tier2};dold för att skydda en liten grupp`), 'a formula is plain text');
  assert.ok(lines.includes(`${earlyWarning.sv.ind.attendance};12`));
  assert.ok(lines.includes(`Gymnasieskola;2;${earlyWarning.sv.tier3};7`));
  assert.ok(lines.includes(`Naturvetenskapsprogrammet;${earlyWarning.sv.tier3};6`));
  assert.ok(!/[0-9a-f]{8}-[0-9a-f]{4}-/.test(csv), 'no ids');
  assert.ok(!/\battendance\b|\bGY\b|\bNA\b|complementary|small/.test(csv), 'no codes');
});

test('in English the headings and labels follow the page', () => {
  const csv = overviewCsv({ ...overview, asOf: null }, texts('en'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], `Early detection – overview;${earlyWarning.en.notRefreshed}`);
  assert.ok(lines.includes('School unit;Support tier;Students'));
  assert.ok(lines.some((l) => l.endsWith(';fewer than 5')) && lines.some((l) => l.endsWith(';hidden to protect a small group')));
});
