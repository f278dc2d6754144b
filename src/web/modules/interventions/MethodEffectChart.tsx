/**
 * Per method: the mean change in attendance with the method beside that of matched comparison students (ECharts, SVG),
 * the caveat next to it, and the same figures as a table. Suppressed groups (fewer than 5) are not drawn.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import type { Change, MethodEffects } from '../../../shared/interventions/effect.ts';

/** Percentage points with one decimal, e.g. 0.032 → 3.2. */
const points = (share: number) => Math.round(share * 1000) / 10;

export function MethodEffectChart({ effects }: { effects: MethodEffects }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const name = (m: MethodEffects['methods'][number]) => (en ? m.method.name.en : m.method.name.sv);
  const caveat = en ? effects.caveat.en : effects.caveat.sv;
  const number = new Intl.NumberFormat(en ? 'en-GB' : 'sv-SE', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const pp = (c: Change | null) => (c ? t('interventionMeetings.pp', { value: number.format(points(c.attendanceRate)) }) : '–');
  const count = (n: number | null | undefined) => (n === null ? t('interventionMeetings.fewer') : n === undefined ? '–' : String(n));
  const shown = effects.methods.filter((m) => m.change !== null);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: ['#005a8c', '#5c6670'],
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${number.format(v)} ${t('interventionMeetings.ppShort')}` : '–'),
      },
      legend: { top: 0 },
      grid: { left: 160, right: 30, top: 40, bottom: 40 },
      yAxis: { type: 'category', data: shown.map(name), axisLabel: { width: 150, overflow: 'truncate' } },
      xAxis: {
        type: 'value',
        name: t('interventionMeetings.ppAxis'),
        nameLocation: 'middle',
        nameGap: 25,
        axisLabel: { formatter: (v: number) => number.format(v) },
      },
      series: [
        { name: t('interventionMeetings.withMethod'), type: 'bar', data: shown.map((m) => points(m.change?.attendanceRate ?? 0)) },
        {
          // A striped pattern besides the colour, so that the two series differ without colour (WCAG 1.4.1).
          name: t('interventionMeetings.comparison'),
          type: 'bar',
          itemStyle: {
            decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' },
          },
          data: shown.map((m) => (m.comparison.change ? points(m.comparison.change.attendanceRate) : null)),
        },
      ],
    }),
    [effects, t, en],
  );
  return (
    <section aria-labelledby="effects-heading">
      <h2 id="effects-heading">{t('interventionMeetings.effectsTitle')}</h2>
      <p>{t('interventionMeetings.effectsIntro')}</p>
      <p className="caveat" id="effects-caveat">
        <strong>{t('interventionMeetings.caveatLabel')}</strong> {caveat}
      </p>
      {effects.methods.length === 0 ? (
        <p className="notice">{t('interventionMeetings.noEffects')}</p>
      ) : (
        <>
          {shown.length > 0 ? (
            <EChart option={option} label={t('interventionMeetings.effectsChart')} describedBy="effects-caveat" />
          ) : (
            <p className="notice">
              {t(
                effects.methods.some((m) => m.n === null)
                  ? 'interventionMeetings.effectsAllSuppressed'
                  : 'interventionMeetings.noneMeasured',
              )}
            </p>
          )}
          <table>
            <caption>{t('interventionMeetings.effectsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('interventionMeetings.method')}</th>
                <th scope="col">{t('interventionMeetings.measured')}</th>
                <th scope="col">{t('interventionMeetings.withMethod')}</th>
                <th scope="col">{t('interventionMeetings.comparisonN')}</th>
                <th scope="col">{t('interventionMeetings.comparison')}</th>
                <th scope="col">{t('interventionMeetings.difference')}</th>
                <th scope="col">{t('interventionMeetings.notMeasured')}</th>
              </tr>
            </thead>
            <tbody>
              {effects.methods.map((m) => (
                <tr key={m.method.id}>
                  <th scope="row">{name(m)}</th>
                  <td>{count(m.n)}</td>
                  <td>{pp(m.change)}</td>
                  <td>{count(m.comparison.n)}</td>
                  <td>{pp(m.comparison.change)}</td>
                  <td>{pp(m.difference)}</td>
                  <td>
                    {m.excluded
                      ? t('interventionMeetings.excluded', { early: count(m.excluded.tooEarly), noData: count(m.excluded.noData) })
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
