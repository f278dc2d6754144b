/**
 * The goals' form, shared by the organiser's and the region's goals pages: each goal a highest share without a diploma
 * (or without a diploma or study certificate) within 3, 4 or 5 years by a target year, from a baseline (stated, or the
 * organiser's or region's own figure); the seeds' goals offered as templates. Saved as a whole; a refusal is named at
 * its field.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';
import { formatPercent } from '../../shared/format.ts';
import { ErrorMessage } from '../../shared/states.tsx';
import { goalTemplates, type Goal, type GoalInput } from '../../../shared/follow-up/goals.ts';

interface Draft {
  id?: string;
  name: string;
  outcome: GoalInput['outcome'];
  years: string;
  baselineYear: string;
  baselineShare: string;
  targetYear: string;
  targetShare: string;
}

const pct = (x: number | null) => (x === null ? '' : String(Math.round(x * 1000) / 10).replace('.', ','));
const toDraft = (g: Omit<Goal, 'id'> & { id?: string }): Draft => ({
  id: g.id,
  name: g.name,
  outcome: g.outcome,
  years: String(g.years),
  baselineYear: String(g.baselineYear),
  baselineShare: pct(g.baselineShare),
  targetYear: String(g.targetYear),
  targetShare: pct(g.targetShare),
});
const num = (s: string) => Number(s.trim().replace(',', '.'));

export interface GoalsEditorProps {
  goals: Goal[];
  /** Help under the baseline share: whose own figure an empty field means. */
  baselineHelp: string;
  /** Saves the goals as a whole (a refusal is thrown as the API's error). */
  save: (goals: GoalInput[]) => Promise<unknown>;
  onSaved: () => void;
}

/** The form: the goals, the templates to add, save. */
export function GoalsEditor({ goals, baselineHelp, save: send, onSaved }: GoalsEditorProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setDrafts(goals.map(toDraft)), [goals]);
  const set = (i: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const fieldError = (i: number, name: string) =>
    error instanceof ApiError ? error.fields.find((f) => f.field === `goals.${i}.${name}`)?.message : undefined;
  const save = async () => {
    setSaved(false);
    setError(undefined);
    try {
      await send(
        drafts.map((d) => ({
          ...(d.id ? { id: d.id } : {}),
          name: d.name,
          outcome: d.outcome,
          years: num(d.years) as 3 | 4 | 5,
          baselineYear: num(d.baselineYear),
          baselineShare: d.baselineShare.trim() === '' ? null : num(d.baselineShare) / 100,
          targetYear: num(d.targetYear),
          targetShare: num(d.targetShare) / 100,
        })),
      );
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  const input = (i: number, name: keyof Draft, label: string, help?: string) => {
    const id = `goal-${i}-${name}`;
    const problem = fieldError(i, name);
    return (
      <div className="goal-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={String(drafts[i]![name] ?? '')}
          inputMode={name === 'name' ? undefined : 'decimal'}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[help ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => set(i, { [name]: e.target.value })}
        />
        {help && <small id={`${id}-help`}>{help}</small>}
        {problem && (
          <span id={`${id}-error`} className="field-error">
            {problem}
          </span>
        )}
      </div>
    );
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {drafts.length === 0 && <p>{t('followUp.noGoalsYet')}</p>}
      {drafts.map((d, i) => (
        <fieldset key={d.id ?? `new-${i}`}>
          <legend>{d.name || t('followUp.newGoal')}</legend>
          <div className="calculator-grid">
            {input(i, 'name', t('followUp.goalName'))}
            <label htmlFor={`goal-${i}-outcome`}>
              <span>{t('followUp.goalOutcome')}</span>
              <select id={`goal-${i}-outcome`} value={d.outcome} onChange={(e) => set(i, { outcome: e.target.value as Draft['outcome'] })}>
                <option value="examen">{t('followUp.outcomes.examen')}</option>
                <option value="examen-or-studiebevis">{t('followUp.outcomes.examen-or-studiebevis')}</option>
              </select>
            </label>
            <label htmlFor={`goal-${i}-years`}>
              <span>{t('followUp.goalYears')}</span>
              <select id={`goal-${i}-years`} value={d.years} onChange={(e) => set(i, { years: e.target.value })}>
                {['3', '4', '5'].map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            {input(i, 'baselineYear', t('followUp.goalBaselineYear'))}
            {input(i, 'baselineShare', t('followUp.goalBaselineShare'), baselineHelp)}
            {input(i, 'targetYear', t('followUp.goalTargetYear'))}
            {input(i, 'targetShare', t('followUp.goalTargetShare'))}
          </div>
          <p>
            <button type="button" onClick={() => setDrafts(drafts.filter((_, k) => k !== i))}>
              {t('followUp.removeGoal', { name: d.name })}
            </button>
          </p>
        </fieldset>
      ))}
      <h2>{t('followUp.templatesHeading')}</h2>
      <ul>
        {goalTemplates.map((g) => (
          <li key={g.name}>
            <button type="button" onClick={() => setDrafts([...drafts, toDraft(g)])}>
              {t('followUp.addTemplate', { name: g.name })}
            </button>{' '}
            {g.source[lang]} ({t('followUp.templateTarget', { share: formatPercent(g.targetShare, 1), year: g.targetYear })})
          </li>
        ))}
      </ul>
      {error !== undefined && !(error instanceof ApiError && error.fields.length > 0) && <ErrorMessage error={error} />}
      {error instanceof ApiError && error.fields.length > 0 && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
      {saved && <p role="status">{t('followUp.goalsSaved')}</p>}
      <button type="submit">{t('followUp.saveGoals')}</button>
    </form>
  );
}
