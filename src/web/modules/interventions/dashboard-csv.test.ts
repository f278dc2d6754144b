import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvNumber, dashboardCsv } from './dashboard-csv.ts';
import type { Dashboard, DashboardFigures } from '../../../shared/interventions/dashboard.ts';
import { interventionMeetings } from './meetings-i18n.ts';

const texts = (language: 'sv' | 'en') => ({
  language,
  t: (key: string) =>
    (interventionMeetings[language] as Record<string, string>)[key.replace('interventionMeetings.', '')] ?? `MISSING ${key}`,
});

const figures = (over: Partial<DashboardFigures>): DashboardFigures => ({
  openCases: 12,
  overdueFollowUps: null,
  medianDaysToFirstIntervention: 6.5,
  casesWithIntervention: 10,
  tier3: { total: 1234, withCase: 1000, share: 0.8104 },
  suppressed: { openCases: null, overdueFollowUps: 'small', casesWithIntervention: null, tier3Total: null, tier3WithCase: null },
  ...over,
});

const dashboard: Dashboard = {
  asOf: '2024-10-01',
  organiser: figures({}),
  units: [
    {
      ...figures({
        openCases: null,
        suppressed: {
          openCases: 'complementary',
          overdueFollowUps: 'small',
          casesWithIntervention: null,
          tier3Total: null,
          tier3WithCase: null,
        },
      }),
      schoolUnit: { id: 'u1', name: 'Skola; "A"' },
      outcomes: [],
    },
    {
      ...figures({ medianDaysToFirstIntervention: null, casesWithIntervention: 0, tier3: { total: 0, withCase: 0, share: null } }),
      schoolUnit: { id: 'u2', name: '=HYPERLINK()' },
      outcomes: [],
    },
  ],
  outcomes: [
    {
      method: { id: 'm', slug: 'mentoring', name: { sv: 'Mentorskap', en: 'Mentoring' } },
      outcomes: { improved: null, unchanged: 0, worse: 7 },
      suppressed: { improved: 'small', unchanged: null, worse: null },
    },
  ],
};

test('the overview as CSV: BOM, semicolons, Swedish headings and decimal commas, hidden cells as "dolt" with the reason below', () => {
  const csv = dashboardCsv(dashboard, undefined, texts('sv'));
  assert.ok(csv.startsWith('\uFEFF'), 'Excel reads UTF-8 by its byte-order mark');
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'Nyckeltal per skolenhet och för huvudmannen (2024-10-01)');
  assert.equal(
    lines[1],
    'Skolenhet;Öppna ärenden;Försenade uppföljningar;Median dagar från flagga till första insats;Elever med samordnat stöd;varav med ärende;Andel med ärende (%)',
  );
  assert.equal(lines[2], '"Skola; ""A""";dolt;dolt;6,5;1234;1000;81', 'quoted, a hidden count "dolt", no thousands separator');
  assert.equal(lines[3], "'=HYPERLINK();12;dolt;;0;0;", 'a formula is plain text; no cases, no median; no students, no share');
  assert.equal(lines[4], 'Totalt;12;dolt;6,5;1234;1000;81');
  assert.ok(lines.includes('Metod;Förbättring;Oförändrat;Försämring'));
  assert.ok(lines.includes('Mentorskap;dolt;0;7'));
  assert.match(csv, /dolt = färre än 5, eller dolt för att skydda en liten grupp/);
  assert.doesNotMatch(csv, /null|undefined|MISSING|complementary|small/);
});

test('in English the headings and decimal points follow the page', () => {
  const csv = dashboardCsv(dashboard, undefined, texts('en'));
  assert.match(csv, /School unit;Open cases;Overdue follow-ups/);
  assert.match(csv, /Total;12;hidden;6\.5;1234;1000;81/);
});

test('cells and numbers', () => {
  assert.equal(csvCell('-3,2'), '-3,2', 'a negative number stays a number');
  assert.equal(csvCell('@sum'), "'@sum");
  assert.equal(csvCell('a\nb'), '"a\nb"');
  assert.equal(csvNumber(0.125, 'sv', 2), '0,13');
  assert.equal(csvNumber(12_345, 'sv', 0), '12345');
});
