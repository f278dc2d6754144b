/**
 * The access-log review's filter: username, the student's personnummer (looked up by POST, never in the URL), period
 * and outcome. Labels come from the contract; the server's message for a field is shown at it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accessLogApi, accessLogLabels } from '../../../shared/access-log/contract.ts';
import { outcomeLabels } from '../../../shared/access-log/labels.ts';
import { ApiError, call } from '../../shared/api.ts';
import { ErrorMessage } from '../../shared/states.tsx';

/** The filter's values as the URL keeps them (the student as an id). */
export interface LogFilter {
  username?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  outcome?: string;
}

const fields = ['username', 'civicNo', 'from', 'to', 'outcome'] as const;
type Field = (typeof fields)[number];
const inputId = (field: Field) => `log-${field}`;

/** Messages by field from an ApiError (a 400); other errors give none. */
function fieldProblems(error: unknown): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const f of error instanceof ApiError ? error.fields : []) {
    const field = fields.find((k) => k === f.field);
    if (field) found[field] = [found[field], f.message].filter(Boolean).join(' ');
  }
  return found;
}

export function AccessLogFilter({
  values,
  listError,
  onApply,
}: {
  values: LogFilter;
  listError: unknown;
  onApply: (next: LogFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const [lookupError, setLookupError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const problems = { ...fieldProblems(listError), ...fieldProblems(lookupError) };
  const label = (field: Field) => accessLogLabels[field]![lang];
  const described = (field: Field, help?: string) => ({
    'aria-describedby': [help, problems[field] ? `${inputId(field)}-error` : ''].filter(Boolean).join(' ') || undefined,
    'aria-invalid': problems[field] ? true : undefined,
  });
  const problemAt = (field: Field) =>
    problems[field] && (
      <p id={`${inputId(field)}-error`} className="field-error">
        {problems[field]}
      </p>
    );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setLookupError(undefined);
    const next: LogFilter = { subjectId: values.subjectId };
    for (const k of ['username', 'from', 'to', 'outcome'] as const) if (form[k]?.trim()) next[k] = form[k].trim();
    if (form.civicNo?.trim()) {
      setBusy(true);
      try {
        const { matches } = await call(accessLogApi.lookup, { body: { civicNo: form.civicNo.trim() } });
        if (!matches[0]) {
          setLookupError(new ApiError(400, t('accessLog.noPerson'), [{ field: 'civicNo', message: t('accessLog.noPerson') }]));
          return;
        }
        next.subjectId = matches[0].id;
      } catch (error) {
        setLookupError(error);
        return;
      } finally {
        setBusy(false);
      }
    }
    onApply(next);
  }

  const unplaced = lookupError !== undefined && Object.keys(fieldProblems(lookupError)).length === 0;
  return (
    <>
      <form className="filters access-log-filter" role="search" noValidate onSubmit={(e) => void submit(e)}>
        <div>
          <label htmlFor={inputId('username')}>{label('username')}</label>
          <input
            id={inputId('username')}
            name="username"
            autoComplete="off"
            defaultValue={values.username ?? ''}
            {...described('username')}
          />
          {problemAt('username')}
        </div>
        <div>
          <label htmlFor={inputId('civicNo')}>{label('civicNo')}</label>
          <input id={inputId('civicNo')} name="civicNo" autoComplete="off" {...described('civicNo', 'log-civic-hint')} />
          <p id="log-civic-hint" className="muted">
            {t('accessLog.studentHint')}
          </p>
          {problemAt('civicNo')}
        </div>
        <div>
          <label htmlFor={inputId('from')}>{label('from')}</label>
          <input id={inputId('from')} name="from" type="date" defaultValue={values.from ?? ''} {...described('from')} />
          {problemAt('from')}
        </div>
        <div>
          <label htmlFor={inputId('to')}>{label('to')}</label>
          <input id={inputId('to')} name="to" type="date" defaultValue={values.to ?? ''} {...described('to')} />
          {problemAt('to')}
        </div>
        <div>
          <label htmlFor={inputId('outcome')}>{label('outcome')}</label>
          <select id={inputId('outcome')} name="outcome" defaultValue={values.outcome ?? ''} {...described('outcome')}>
            <option value="">{t('accessLog.all')}</option>
            <option value="allowed">{outcomeLabels.allowed[lang]}</option>
            <option value="denied">{outcomeLabels.denied[lang]}</option>
          </select>
          {problemAt('outcome')}
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {t('accessLog.search')}
          </button>
        </div>
      </form>
      {unplaced && <ErrorMessage error={lookupError} />}
    </>
  );
}
