/** Small shared pieces of the early-detection pages: tier badge, probability with band, reasons, sparkline. */
import { useTranslation } from 'react-i18next';
import { isUncertain, type Probability } from '../../../shared/early-warning/probability.ts';
import type { Reason, TrendPoint } from '../../../shared/early-warning/responses.ts';
import { formatPercent } from '../../shared/format.ts';

export function TierBadge({ tier }: { tier: number }) {
  const { t } = useTranslation();
  return <span className={`tier tier-${tier}`}>{t(`earlyWarning.tier${tier}`)}</span>;
}

/** The probability in the page's language; a band too wide to mean anything reads "Osäker skattning" instead. */
export function ProbabilityText({ p }: { p: Probability }) {
  const { t } = useTranslation();
  if (p.status === 'insufficient') return <span>{t('earlyWarning.insufficient')}</span>;
  if (p.status === 'no-model') return <span>{t('earlyWarning.noModel')}</span>;
  if (isUncertain(p)) return <span title={t('earlyWarning.uncertainHelp')}>{t('earlyWarning.uncertain')}</span>;
  if (p.lower === null || p.upper === null) return <span>{formatPercent(p.value)}</span>;
  return (
    <span>{t('earlyWarning.band', { value: formatPercent(p.value), lower: formatPercent(p.lower), upper: formatPercent(p.upper) })}</span>
  );
}

export function Reasons({ reasons, flags }: { reasons: Reason[]; flags: string[] }) {
  const { t, i18n } = useTranslation();
  const texts = [...flags.map((f) => t(`earlyWarning.ind.${f}`)), ...reasons.map((r) => (i18n.language.startsWith('en') ? r.en : r.sv))];
  const unique = [...new Set(texts)];
  if (unique.length === 0) return <span>–</span>;
  return (
    <ul className="reasons">
      {unique.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

/** Attendance over the last weeks as a tiny line; the label says the first and last value for screen readers. */
export function Sparkline({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const values = points.map((p) => p.attendance).filter((v): v is number => v !== null);
  if (values.length < 2) return <span>{t('earlyWarning.noTrend')}</span>;
  const [w, h] = [90, 24];
  const min = Math.min(...values, 0.7);
  const xy = values
    .map((v, i) => `${((i / (values.length - 1)) * w).toFixed(1)},${(h - ((v - min) / (1 - min || 1)) * h).toFixed(1)}`)
    .join(' ');
  const label = t('earlyWarning.trendLabel', { first: formatPercent(values[0] as number), last: formatPercent(values.at(-1) as number) });
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <polyline points={xy} fill="none" stroke="#1f5fa8" strokeWidth="2" />
    </svg>
  );
}
