/**
 * Open cases and overdue follow-ups per school unit as grouped bars (ECharts, SVG); the table below is the alternative.
 * A hidden count is never drawn as nothing (which reads as zero): it is a grey, hatched bar of a fixed small height
 * marked "dolt", and the tooltip says why (fewer than 5, or hidden to protect a small group) instead of a number.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatNumber } from '../../shared/format.ts';
import type { Dashboard, Suppressed } from '../../../shared/interventions/dashboard.ts';

type Measure = 'openCases' | 'overdueFollowUps';
interface Bar {
  value: number;
  hidden?: Suppressed;
}

/** Tooltip text is HTML: a unit's name is escaped. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const hatch = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: Math.PI / 4, color: '#5c6670' };

export function DashboardChart({ units }: { units: Dashboard['units'] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const shown = units.flatMap((u) => [u.openCases, u.overdueFollowUps]).filter((n): n is number => n !== null);
    // The marker's height says nothing about the count: a tenth of the tallest bar, at least 1.
    const marker = Math.max(1, Math.ceil(Math.max(0, ...shown) / 10));
    const why = (s: Suppressed) => t(s === 'complementary' ? 'interventionMeetings.protected' : 'interventionMeetings.fewer');
    const bars = (measure: Measure) =>
      units.map((u): Bar | Record<string, unknown> =>
        u[measure] !== null
          ? { value: u[measure] }
          : {
              value: marker,
              hidden: u.suppressed[measure] ?? 'small',
              itemStyle: { color: '#eceef0', borderColor: '#5c6670', borderWidth: 1, borderType: 'dashed', decal: hatch },
              label: { show: true, position: 'top', formatter: t('interventionMeetings.hiddenCell'), color: '#1d2125' },
            },
      );
    return {
      animation: false,
      color: ['#005a8c', '#8a1020'],
      tooltip: {
        trigger: 'axis',
        formatter: (params: { seriesName: string; name: string; data: Bar }[]) =>
          [
            escape(params[0]?.name ?? ''),
            ...params.map(
              (p) =>
                `${escape(p.seriesName)}: ${p.data.hidden ? `${t('interventionMeetings.hiddenCell')} – ${why(p.data.hidden)}` : formatNumber(p.data.value, 0)}`,
            ),
          ].join('<br>'),
      },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: units.map((u) => u.schoolUnit.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
      series: [
        { name: t('interventionMeetings.openCases'), type: 'bar', data: bars('openCases') },
        {
          // Striped besides the colour, so that the series differ without colour (WCAG 1.4.1).
          name: t('interventionMeetings.overdueFollowUps'),
          type: 'bar',
          itemStyle: {
            decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' },
          },
          data: bars('overdueFollowUps'),
        },
      ],
    };
  }, [units, t]);
  return <EChart option={option} label={t('interventionMeetings.figuresChart')} />;
}
