/**
 * The refresh's staging: rows written as CSV line by line (`riskLine`, `episodeLine`) arrive in the staging tables as
 * they were computed — text with quotes and commas, flags, reasons and details as JSON, absent and non-finite numbers as
 * NULL, shares as whole thousandths — and are stored by the merge with every share the very number computed. PGlite, or
 * PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { mergeStaged, startStaging, type EpisodeRow, type RiskRow } from './refresh-write.ts';

const database = await createTestDatabase();

const risk = (over: Partial<RiskRow>): RiskRow => ({
  student_id: randomUUID(),
  school_unit_id: randomUUID(),
  school_type: 'GY',
  school_year: 2,
  programme_code: 'NA',
  tier: 1,
  flags: [],
  data_status: 'ok',
  model_id: null,
  probability: null,
  lower: null,
  upper: null,
  reasons: [],
  measures: {
    attendance4w: 0.875,
    attendance45: null,
    attendanceTerm: 1,
    invalidTerm: 0,
    validTerm: 0.125,
    failedGrades: 2,
    failedPoints: 150,
    reportedDays45: 31,
  },
  ...over,
});

test('staged risk rows and episodes read back as computed: quotes, commas, arrays, JSON and NULLs intact', async () => {
  const model = randomUUID();
  const rows = [
    risk({ programme_code: 'IM "språk", Ä', flags: ['attendance', 'a,b "c"'], tier: 3 }),
    risk({
      school_year: null,
      programme_code: null,
      model_id: model,
      probability: 0.3125,
      lower: 0.25,
      upper: Number.NaN,
      reasons: [{ feature: 'frånvaro "ogiltig"', contribution: 0.5 }],
      data_status: 'insufficient',
    }),
  ];
  const episodes: EpisodeRow[] = [
    { student_id: rows[0]!.student_id, indicator: 'attendance', severity: 'flag', counts: true, value: 0.7, details: { text: 'a "b", c' } },
    { student_id: rows[1]!.student_id, indicator: 'valid-absence', severity: 'caution', counts: false, value: null, details: {} },
  ];
  const staged = await database.db.transaction(async (tx) => {
    const staging = await startStaging(tx);
    staging.add(rows.slice(0, 1), episodes.slice(0, 1));
    staging.add(rows.slice(1), episodes.slice(1));
    await staging.finish();
    return {
      risk: await queryRows<Record<string, unknown>>(tx, sql.raw(`select * from early_warning_refresh_risk order by tier desc`)),
      episodes: await queryRows<Record<string, unknown>>(tx, sql.raw(`select * from early_warning_refresh_episodes order by indicator`)),
    };
  });
  const [first, second] = staged.risk;
  assert.deepEqual(
    [first?.student_id, first?.programme_code, first?.flags, first?.tier, first?.reasons],
    [rows[0]!.student_id, 'IM "språk", Ä', ['attendance', 'a,b "c"'], 3, []],
  );
  assert.deepEqual(
    [first?.attendance_4w, first?.attendance_45, first?.attendance_term, first?.failed_grades, first?.reported_days_45],
    [875, null, 1000, 2, 31],
    'the shares are staged as whole thousandths',
  );
  assert.deepEqual(
    [second?.school_year, second?.programme_code, second?.model_id, second?.probability, second?.upper, second?.data_status],
    [null, null, model, 0.3125, null, 'insufficient'],
    'an absent or non-finite number is NULL',
  );
  assert.deepEqual(second?.reasons, [{ feature: 'frånvaro "ogiltig"', contribution: 0.5 }]);
  assert.deepEqual(
    staged.episodes.map((e) => [e.student_id, e.indicator, e.severity, e.counts, e.value, e.details]),
    episodes.map((e) => [e.student_id, e.indicator, e.severity, e.counts, e.value, e.details]),
  );
});

test('every share of three decimals is stored as the number this process computed, through its staged thousandths', async () => {
  const tenant = randomUUID();
  // Every value a share can take (0, 0.001, …, 1), each as the refresh rounds it (refresh.ts, `measuresSummary`).
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const shares = Array.from({ length: 1001 }, (_, k) => r3(k / 1000));
  const rows = shares.map((share, k) =>
    risk({
      measures: {
        attendance4w: share,
        attendance45: r3(1 - share),
        attendanceTerm: r3(((k * 7919) % 1001) / 1001),
        invalidTerm: k % 2 ? null : share,
        validTerm: r3(0.1 * 3),
        failedGrades: k,
        failedPoints: 0,
        reportedDays45: 45,
      },
    }),
  );
  const stored = await database.db.transaction(async (tx) => {
    const staging = await startStaging(tx);
    staging.add(rows, []);
    await staging.finish();
    await mergeStaged(tx, tenant, '2025-10-06', false);
    return queryRows<{ student_id: string; a4: number; a45: number; aterm: number; inv: number | null; valid: number; hist: number }>(
      tx,
      sql`select r.student_id, r.attendance_4w as a4, r.attendance_45 as a45, r.attendance_term as aterm, r.invalid_term as inv,
            r.valid_term as valid, h.attendance as hist
          from student_risk r join student_risk_history h using (tenant_id, student_id, as_of) where r.tenant_id = ${tenant}::uuid`,
    );
  });
  const byId = new Map(stored.map((s) => [s.student_id, s]));
  assert.equal(byId.size, rows.length);
  for (const row of rows) {
    const s = byId.get(row.student_id);
    const m = row.measures;
    assert.deepEqual(
      [s?.a4, s?.a45, s?.aterm, s?.inv, s?.valid, s?.hist],
      [m.attendance4w, m.attendance45, m.attendanceTerm, m.invalidTerm, m.validTerm, m.attendance4w],
    );
  }
});
