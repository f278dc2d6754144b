/**
 * Students per school unit and support tier as a stacked bar chart (ECharts, SVG); the table below it is the
 * alternative. Axis and tooltip numbers with the page's language's separators. A hidden count is never drawn as
 * nothing (which reads as zero): it is a grey, hatched segment of a fixed small height marked "dolt", and the tooltip
 * says why (fewer than 5, or hidden to protect a small group) instead of a number.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/early-warning/responses.ts';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatNumber } from '../../shared/format.ts';

/** Tier colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const colours = ['#5c6670', '#7a4d00', '#8a1020'];
const hatch = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: Math.PI / 4, color: '#5c6670' };

type Unit = Overview['units'][number];
interface Segment {
  value: number;
  hidden?: NonNullable<Unit['suppressed']>;
}

/** Tooltip text is HTML: a unit's name is escaped. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function TierChart({ units }: { units: Overview['units'] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const names = [...new Set(units.map((u) => u.name ?? ''))];
    const totals = names.map((n) => units.filter((u) => (u.name ?? '') === n).reduce((sum, u) => sum + (u.count ?? 0), 0));
    // The marker's height says nothing about the count: a tenth of the tallest stack, at least 1.
    const marker = Math.max(1, Math.ceil(Math.max(0, ...totals) / 10));
    const why = (s: Segment['hidden']) => t(s === 'complementary' ? 'earlyWarning.protected' : 'earlyWarning.fewer');
    const segment = (u: Unit | undefined): Segment | Record<string, unknown> =>
      !u || u.count !== null
        ? { value: u?.count ?? 0 }
        : {
            value: marker,
            hidden: u.suppressed ?? 'small',
            itemStyle: { color: '#eceef0', borderColor: '#5c6670', borderWidth: 1, borderType: 'dashed', decal: hatch },
            label: { show: true, position: 'inside', formatter: t('earlyWarning.hiddenBar'), color: '#1d2125' },
          };
    return {
      animation: false,
      color: colours,
      tooltip: {
        trigger: 'axis',
        formatter: (params: { seriesName: string; name: string; data: Segment }[]) =>
          [
            escape(params[0]?.name ?? ''),
            ...params.map(
              (p) =>
                `${escape(p.seriesName)}: ${p.data.hidden ? `${t('earlyWarning.hiddenBar')} – ${why(p.data.hidden)}` : formatNumber(p.data.value, 0)}`,
            ),
          ].join('<br>'),
      },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: {
        type: 'value',
        name: t('earlyWarning.students'),
        minInterval: 1,
        axisLabel: { formatter: (v: number) => formatNumber(v, 0) },
      },
      series: [1, 2, 3].map((tier) => ({
        name: t(`earlyWarning.tier${tier}`),
        type: 'bar',
        stack: 'tiers',
        data: names.map((n) => segment(units.find((u) => (u.name ?? '') === n && u.tier === tier))),
      })),
    };
  }, [units, t, i18n.language]);
  return <EChart option={option} label={t('earlyWarning.tierChart')} />;
}
