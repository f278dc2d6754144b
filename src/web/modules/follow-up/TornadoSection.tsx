/**
 * The economic model's tornado: for the chosen outcome (what is at stake, the intervention's net result for society or
 * for the municipality) each uncertain parameter moved alone from its low to its high value, drawn as the change from
 * the central value (widest bar on top), with the same figures in a table beside the chart.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatNumber, formatPercent, formatPercentagePoints } from '../../shared/format.ts';
import type { Parameters, Uncertain, Uncertainty } from '../../../shared/follow-up/economics.ts';
import { uncertainLabels } from '../../../shared/follow-up/economics-api.ts';
import { sensitivity, type Outcome } from '../../../shared/follow-up/sensitivity.ts';

const shown = ['netMunicipality', 'netPublic', 'atStake'] as const satisfies readonly Outcome[];

interface Props {
  p: Parameters;
  u: Uncertainty;
  /** The outcome's central value. */
  central: Record<(typeof shown)[number], number>;
}

/** The tornado chart and its table, with a choice of outcome. */
export function TornadoSection({ p, u, central }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const [outcome, setOutcome] = useState<(typeof shown)[number]>('netMunicipality');
  const bars = useMemo(() => sensitivity(p, u, outcome).bars, [p, u, outcome]);
  const mid = central[outcome];
  const mkr = (kr: number) => t('followUpEconomics.mkr', { value: formatNumber(kr / 1e6, 1) });
  const name = (k: Uncertain) => uncertainLabels[k][lang];
  const value = (k: Uncertain, v: number) =>
    k === 'annualCost' || k === 'costPerParticipant'
      ? t('followUpEconomics.kr', { value: formatNumber(v, 0) })
      : k === 'toAge' || k === 'completionPerAttendance'
        ? formatNumber(v, 1)
        : k === 'attendanceEffect'
          ? formatPercentagePoints(v, 1)
          : formatPercent(v, 1);

  const option = useMemo<ChartOption>(() => {
    const reversed = [...bars].reverse();
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 10, bottom: 70, containLabel: true },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatNumber(v, 1) },
        name: t('followUpEconomics.tornadoAxis'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'category', data: reversed.map((b) => name(b.parameter)), axisLabel: { width: 150, overflow: 'break' } },
      series: [
        {
          name: t('followUpEconomics.lowBar'),
          type: 'bar',
          stack: 'tornado',
          itemStyle: { color: '#8a1020' },
          data: reversed.map((b) => (b.low - mid) / 1e6),
        },
        {
          name: t('followUpEconomics.highBar'),
          type: 'bar',
          stack: 'tornado',
          itemStyle: { color: '#005a8c' },
          data: reversed.map((b) => (b.high - mid) / 1e6),
        },
      ],
    };
  }, [bars, mid, lang, t]);

  return (
    <section aria-labelledby="tornado-heading">
      <h3 id="tornado-heading">{t('followUpEconomics.tornadoHeading')}</h3>
      <fieldset className="no-print">
        <legend>{t('followUpEconomics.outcomeLegend')}</legend>
        {shown.map((o) => (
          <label key={o} className="inline-choice">
            <input type="radio" name="tornado-outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{' '}
            {t(`followUpEconomics.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <EChart option={option} label={t('followUpEconomics.tornadoChart')} />
      <div className="table-scroll">
        <table>
          <caption>{t('followUpEconomics.tornadoCaption', { outcome: t(`followUpEconomics.outcome.${outcome}`), mid: mkr(mid) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUpEconomics.parameter')}</th>
              <th scope="col">{t('followUpEconomics.lowValue')}</th>
              <th scope="col">{t('followUpEconomics.highValue')}</th>
              <th scope="col">{t('followUpEconomics.resultLow')}</th>
              <th scope="col">{t('followUpEconomics.resultHigh')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.parameter}>
                <th scope="row">{name(b.parameter)}</th>
                <td>{value(b.parameter, b.values[0])}</td>
                <td>{value(b.parameter, b.values[1])}</td>
                <td>{mkr(b.low)}</td>
                <td>{mkr(b.high)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
