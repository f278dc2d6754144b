/**
 * Students per school unit and support tier as a stacked bar chart (ECharts, SVG); the table below it is the
 * alternative. Axis and tooltip numbers with the page's language's separators.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/early-warning/responses.ts';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatNumber } from '../../shared/format.ts';

/** Tier colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const colours = ['#5c6670', '#7a4d00', '#8a1020'];
const count = (value: unknown) => (typeof value === 'number' ? formatNumber(value, 0) : '–');

export function TierChart({ units }: { units: Overview['units'] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const names = [...new Set(units.map((u) => u.name ?? ''))];
    return {
      animation: false,
      color: colours,
      tooltip: { trigger: 'axis', valueFormatter: count },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', name: t('earlyWarning.students'), minInterval: 1, axisLabel: { formatter: count } },
      // Hidden counts (fewer than 5, or hidden to protect a small group) are drawn as 0 and named in the table.
      series: [1, 2, 3].map((tier) => ({
        name: t(`earlyWarning.tier${tier}`),
        type: 'bar',
        stack: 'tiers',
        data: names.map((n) => units.find((u) => (u.name ?? '') === n && u.tier === tier)?.count ?? 0),
      })),
    };
  }, [units, t, i18n.language]);
  return <EChart option={option} label={t('earlyWarning.tierChart')} />;
}
