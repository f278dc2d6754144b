/**
 * The goals with their trajectories: per goal, the share not completing year by year beside the straight path to the
 * goal (chart and table) and whether the latest figure is on it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/chart.tsx';
import { formatPercent } from '../../shared/format.ts';
import type { GoalProgress } from '../../../shared/follow-up/goals.ts';

/** One goal: its summary, whether the latest figure is on the path, the chart and the table beside it. */
export function GoalView({ goal }: { goal: GoalProgress }) {
  const { t } = useTranslation();
  const outcome = t(`followUp.outcomes.${goal.outcome}`);
  const pct = (x: number | null) => (x === null ? '–' : formatPercent(x, 1));
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      color: ['#005a8c', '#4d4d4d'],
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v, 1) : '–') },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: goal.trajectory.map((p) => String(p.year)) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatPercent(v) } },
      series: [
        { name: t('followUp.actual'), type: 'line', symbol: 'circle', symbolSize: 8, data: goal.trajectory.map((p) => p.actual) },
        { name: t('followUp.path'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed' }, data: goal.trajectory.map((p) => p.path) },
      ],
    }),
    [goal, t],
  );
  const summary =
    goal.baseline === null
      ? t('followUp.goalNoBaseline', {
          target: pct(goal.targetShare),
          outcome,
          years: goal.years,
          targetYear: goal.targetYear,
          baselineYear: goal.baselineYear,
        })
      : t('followUp.goalSummary', {
          target: pct(goal.targetShare),
          outcome,
          years: goal.years,
          targetYear: goal.targetYear,
          baseline: pct(goal.baseline),
          baselineYear: goal.baselineYear,
        });
  const status = t(`followUp.status.${goal.status}`, {
    actual: pct(goal.latest?.actual ?? null),
    year: goal.latest?.year,
    path: pct(goal.latest?.path ?? null),
  });
  const rows = goal.trajectory.filter((p) => p.actual !== null || p.path !== null);
  return (
    <article className="follow-up-goal">
      <h3>{goal.name}</h3>
      <p>{summary}</p>
      <p className={`goal-status goal-${goal.status}`}>
        <strong>{status}</strong>
      </p>
      <EChart option={option} label={t('followUp.goalChart', { outcome, years: goal.years })} />
      <div className="table-scroll">
        <table>
          <caption>{t('followUp.goalCaption', { name: goal.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.measuredYear')}</th>
              <th scope="col">{t('followUp.actual')}</th>
              <th scope="col">{t('followUp.path')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                <td>{pct(p.actual)}</td>
                <td>{pct(p.path)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

/** The goals with their trajectories; `noGoals` says who sets them when there are none. */
export function GoalsSection({ goals, noGoals }: { goals: GoalProgress[]; noGoals?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('followUp.goalsHeading')}</h2>
      {goals.length === 0 ? <p>{noGoals ?? t('followUp.noGoals')}</p> : goals.map((g) => <GoalView key={g.id} goal={g} />)}
    </section>
  );
}
