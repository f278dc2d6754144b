/** One framework item: its question and sources, the platform's measurement, and the organiser's answer (a form for editors). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { implementationPlanApi, type Measurement, type PlanView } from '../../../shared/implementation-plan/contract.ts';
import { levelLabels, sources, type FrameworkItem } from '../../../shared/implementation-plan/framework.ts';

type Answer = PlanView['answers'][number];

function MeasurementLine({ m, lang }: { m: Measurement; lang: 'sv' | 'en' }) {
  const { t } = useTranslation();
  const value =
    m.value === null
      ? t(m.missing === 'too-few' ? 'implementationPlan.tooFew' : 'implementationPlan.noData')
      : m.measure === 'model-active'
        ? t(m.value >= 1 ? 'implementationPlan.yes' : 'implementationPlan.no')
        : m.measure === 'meetings-per-month'
          ? formatNumber(m.value)
          : formatPercent(m.value);
  return (
    <p className="plan-measure">
      <strong>{t('implementationPlan.measured')}:</strong> {t(`implementationPlan.measures.${m.measure}`, { value })}
      {m.suggestedLevel !== null && (
        <>
          {' '}
          — {t('implementationPlan.suggests')} «{levelLabels[m.suggestedLevel]![lang]}»
        </>
      )}
    </p>
  );
}

export function ItemAnswer({
  item,
  answer,
  canEdit,
  onSaved,
}: {
  item: FrameworkItem;
  answer: Answer;
  canEdit: boolean;
  onSaved: (v: PlanView) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const initial = answer.level ?? answer.measurement?.suggestedLevel ?? null;
  const [level, setLevel] = useState(initial === null ? '' : String(initial));
  const [comment, setComment] = useState(answer.comment);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const id = `item-${item.key}`;
  const save = async () => {
    setError(undefined);
    setSaved(false);
    try {
      onSaved(await call(implementationPlanApi.answer, { params: { itemKey: item.key }, body: { level: Number(level), comment } }));
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="plan-item">
      <h3>{item.question[lang]}</h3>
      <p className="help">
        {t('implementationPlan.sources')}: {item.sources.map((s) => sources[s][lang]).join('; ')}
      </p>
      {answer.measurement && <MeasurementLine m={answer.measurement} lang={lang} />}
      {canEdit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <FormProblem error={error} />
          <Field id={`${id}-level`} label={t('implementationPlan.level')} field="level" error={error}>
            {(p) => (
              <select {...p} value={level} onChange={(e) => setLevel(e.target.value)}>
                <option value="">{t('implementationPlan.notAnswered')}</option>
                {levelLabels.map((l, i) => (
                  <option key={i} value={String(i)}>
                    {l[lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-comment`} label={t('implementationPlan.comment')} field="comment" error={error}>
            {(p) => <textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <button type="submit" aria-label={`${t('implementationPlan.save')}: ${item.question[lang]}`}>
            {t('implementationPlan.save')}
          </button>
          {saved && <span role="status"> {t('implementationPlan.saved')}</span>}
        </form>
      ) : (
        <p>
          <strong>{t('implementationPlan.level')}:</strong>{' '}
          {answer.level === null ? t('implementationPlan.notAnswered') : levelLabels[answer.level]![lang]}
          {answer.comment && ` — ${answer.comment}`}
        </p>
      )}
    </li>
  );
}
