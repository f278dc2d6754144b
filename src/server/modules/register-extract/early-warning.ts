/**
 * Early detection: the current support tier with its indicators and the model's probability and reasons, every indicator
 * episode, the weekly history, and mentors' ratings of school connectedness.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { featureLabel } from '../early-warning/features.ts';
import { fact, section, type Section } from './document.ts';
import { label, percent, swedishDate, text, yesNo } from './format.ts';
import { connectednessLevels, dataStatuses, episodeStatuses, indicators, schoolTypes, severities, tiers } from './labels.ts';
import type { ExtractScope } from './scope.ts';

/** Indicators whose value is a share (printed as a percentage); the others are counts. */
const shareIndicators = new Set(['attendance', 'valid-absence', 'falling-attendance']);
const reasonLabel = (feature: string) => (featureLabel(feature) === feature ? 'Annan faktor' : featureLabel(feature));

/** The early-detection section. */
export async function earlyWarningSection({ db, tenantId, personId }: ExtractScope): Promise<Section> {
  const [risk] = await queryRows<{
    as_of: string;
    unit: string | null;
    school_type: string;
    school_year: number | null;
    programme_code: string | null;
    tier: number;
    flags: string[];
    data_status: string;
    probability: number | null;
    lower: number | null;
    upper: number | null;
    reasons: { feature: string; contribution: number }[];
  }>(
    db,
    sql`
    SELECT r.as_of::text, o.display_name AS unit, r.school_type, r.school_year, r.programme_code, r.tier, r.flags, r.data_status,
           r.probability, r.lower, r.upper, r.reasons
      FROM student_risk r LEFT JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.school_unit_id
     WHERE r.tenant_id = ${tenantId}::uuid AND r.student_id = ${personId}::uuid`,
  );
  const episodes = await queryRows<{
    indicator: string;
    onset: string;
    last_seen: string;
    status: string;
    resolved_on: string | null;
    severity: string;
    counts: boolean;
    value: number | null;
  }>(
    db,
    sql`
    SELECT indicator, onset::text, last_seen::text, status, resolved_on::text, severity, counts, value
      FROM indicator_episodes WHERE tenant_id = ${tenantId}::uuid AND student_id = ${personId}::uuid ORDER BY onset DESC, indicator`,
  );
  const history = await queryRows<{ as_of: string; tier: number; probability: number | null; attendance: number | null }>(
    db,
    sql`
    SELECT as_of::text, tier, probability, attendance FROM student_risk_history
     WHERE tenant_id = ${tenantId}::uuid AND student_id = ${personId}::uuid ORDER BY as_of`,
  );
  const ratings = await queryRows<{
    id: string;
    rated_on: string;
    rated_by: string | null;
    academic: string;
    behavioural: string;
    social: string;
    affective: string;
  }>(
    db,
    sql`
    SELECT c.id::text, c.rated_on::text, a.display_name AS rated_by, c.academic, c.behavioural, c.social, c.affective
      FROM connectedness_ratings c LEFT JOIN accounts a ON a.id = c.rated_by
     WHERE c.tenant_id = ${tenantId}::uuid AND c.student_id = ${personId}::uuid ORDER BY c.rated_on DESC, c.created_at DESC`,
  );

  const band = (p: number | null, lo: number | null, hi: number | null) =>
    p === null ? null : `${percent(p)} (${percent(lo)}–${percent(hi)})`;
  return section(
    'early-warning',
    [
      {
        heading: 'Läget vid senaste beräkningen',
        empty: 'Inga uppgifter.',
        entries: risk
          ? [
              {
                title: `${label(tiers, String(risk.tier))}, ${swedishDate(risk.as_of)}`,
                facts: [
                  fact('Skolenhet', risk.unit),
                  fact('Skolform', label(schoolTypes, risk.school_type)),
                  fact('Årskurs', risk.school_year),
                  fact('Program', risk.programme_code),
                  fact('Indikatorer', risk.flags.map((f) => label(indicators, f)).join(', ') || 'Inga'),
                  fact('Underlag', label(dataStatuses, risk.data_status)),
                  fact('Beräknad sannolikhet att inte fullfölja (osäkerhetsintervall)', band(risk.probability, risk.lower, risk.upper)),
                  fact('Det som påverkade beräkningen mest', risk.reasons.map((r) => reasonLabel(r.feature)).join(', ') || null),
                ],
              },
            ]
          : [],
      },
      {
        heading: 'Indikatorer',
        empty: 'Inga uppgifter.',
        entries: episodes.map((e) => ({
          title: label(indicators, e.indicator),
          facts: [
            fact('Nivå', label(severities, e.severity)),
            fact('Status', label(episodeStatuses, e.status)),
            fact('Från', swedishDate(e.onset)),
            fact('Senast sedd', swedishDate(e.last_seen)),
            ...(e.resolved_on ? [fact('Upphörde', swedishDate(e.resolved_on))] : []),
            fact('Räknas in i stödnivån', yesNo(e.counts)),
            fact('Värde', e.value === null ? null : shareIndicators.has(e.indicator) ? percent(e.value) : String(e.value)),
          ],
        })),
      },
      {
        heading: 'Utveckling vecka för vecka',
        empty: 'Inga uppgifter.',
        entries: history.map((h) => ({
          title: swedishDate(h.as_of),
          facts: [
            fact('Stödnivå', label(tiers, String(h.tier))),
            fact('Sannolikhet', h.probability === null ? null : percent(h.probability)),
            fact('Närvaro', percent(h.attendance)),
          ],
        })),
      },
      {
        heading: 'Skattning av skolanknytning',
        empty: 'Inga uppgifter.',
        entries: ratings.map((r) => ({
          title: `${swedishDate(r.rated_on)}, skattad av ${text(r.rated_by)}`,
          facts: [
            fact('Studier', label(connectednessLevels, r.academic)),
            fact('Beteende', label(connectednessLevels, r.behavioural)),
            fact('Relationer', label(connectednessLevels, r.social)),
            fact('Känsla för skolan', label(connectednessLevels, r.affective)),
          ],
          ids: { ratingId: r.id },
        })),
      },
    ],
    'Stödnivån och indikatorerna räknas fram ur uppgifterna om närvaro och betyg. De är ett stöd för skolans personal, inget beslut.',
  );
}
