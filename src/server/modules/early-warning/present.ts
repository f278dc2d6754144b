/** Early-warning responses (shapes: src/shared/early-warning/responses.ts): explicit picks, reasons in words, small counts suppressed. */
import type { z } from 'zod';
import type { StudentEarlyWarning, WorklistItem, overview } from '../../../shared/early-warning/responses.ts';
import { shown } from '../../platform/disclosure.ts';
import { featureLabel } from './features.ts';
import { protectOverview } from './overview-disclosure.ts';
import type { EpisodeRow, OverviewRows, RiskRow, WorklistRow } from './queries.ts';

const reasonsOf = (reasons: RiskRow['reasons']) =>
  reasons.map((r) => ({
    feature: r.feature,
    sv: featureLabel(r.feature, 'sv'),
    en: featureLabel(r.feature, 'en'),
    contribution: r.contribution,
  }));

const probabilityOf = (r: Pick<RiskRow, 'probability' | 'lower' | 'upper' | 'data_status'>) =>
  r.data_status === 'insufficient'
    ? { status: 'insufficient' as const }
    : r.probability === null
      ? { status: 'no-model' as const }
      : { status: 'ok' as const, value: r.probability, lower: r.lower, upper: r.upper };

/** A worklist row: `rank` is its place in the list as shown, `withinCapacity` marks its unit's top K. */
export function presentWorklistItem(r: WorklistRow, capacity: number): WorklistItem {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    schoolUnit: { id: r.school_unit_id, name: r.school_unit_name },
    schoolYear: r.school_year,
    programmeCode: r.programme_code,
    programmeName: r.programme_name,
    tier: r.tier,
    flags: r.flags,
    probability: probabilityOf(r),
    reasons: reasonsOf(r.reasons),
    onset: r.onset,
    trend: (r.trend ?? []).map((t) => ({ asOf: t.asOf, attendance: t.attendance, probability: t.probability, tier: t.tier })),
    attendance: r.measures.attendanceTerm ?? null,
    rank: r.rank,
    withinCapacity: r.unit_rank <= capacity,
    openCaseId: r.open_case_id,
  };
}

/** One student's early-detection page. */
export function presentStudentEarlyWarning(parts: {
  risk: RiskRow | undefined;
  episodes: EpisodeRow[];
  history: { as_of: string; tier: number; probability: number | null; attendance: number | null }[];
  openCaseId: string | null;
  student: { given_name: string; family_name: string } | undefined;
}): StudentEarlyWarning {
  const { risk } = parts;
  return {
    current: risk
      ? {
          asOf: risk.as_of,
          tier: risk.tier,
          flags: risk.flags,
          schoolUnit: { id: risk.school_unit_id, name: risk.school_unit_name },
          schoolYear: risk.school_year,
          programmeCode: risk.programme_code,
          probability: probabilityOf(risk),
          reasons: reasonsOf(risk.reasons),
          measures: risk.measures,
        }
      : null,
    indicators: parts.episodes.map((e) => ({
      indicator: e.indicator,
      onset: e.onset,
      lastSeen: e.last_seen,
      status: e.status,
      resolvedOn: e.resolved_on,
      severity: e.severity,
      counts: e.counts,
      value: e.value,
      details: e.details,
      expiresOn: e.expires_on,
    })),
    history: parts.history.map((h) => ({ asOf: h.as_of, tier: h.tier, probability: h.probability, attendance: h.attendance })),
    student: parts.student ? { givenName: parts.student.given_name, familyName: parts.student.family_name } : null,
    openCaseId: parts.openCaseId,
  };
}

/**
 * The overview: counts per unit and tier, indicator, year and programme. A count is null when `suppressed` says why:
 * 'small' (1–4) or 'complementary' (hidden so that a small count beside it cannot be worked out by subtraction).
 */
export function presentOverview(rows: OverviewRows): z.input<typeof overview> {
  const why = protectOverview(rows);
  return {
    asOf: rows.asOf,
    units: rows.tiers.map((t, k) => ({
      schoolUnitId: t.school_unit_id,
      name: t.school_unit_name,
      tier: t.tier,
      count: shown(t.n, why.tiers[k]!),
      suppressed: why.tiers[k]!,
    })),
    indicators: rows.indicators.map((i, k) => ({
      indicator: i.indicator,
      count: shown(i.n, why.indicators[k]!),
      suppressed: why.indicators[k]!,
    })),
    years: rows.years.map((y, k) => ({
      schoolType: y.school_type,
      schoolYear: y.school_year,
      tier: y.tier,
      count: shown(y.n, why.years[k]!),
      suppressed: why.years[k]!,
    })),
    programmes: rows.programmes.map((p, k) => ({
      programmeCode: p.programme_code,
      programmeName: p.programme_name ?? null,
      tier: p.tier,
      count: shown(p.n, why.programmes[k]!),
      suppressed: why.programmes[k]!,
    })),
  };
}
