/**
 * Form parts of the knowledge-bank pages: each input with its label, help and the server's message for exactly its
 * field, linked by aria-describedby (and aria-invalid when there is a message).
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';

/** A field the server named, as the form names it: the path inside the content (`content.places.0.lat` → `places.0.lat`). */
export const formField = (field: string) => field.replace(/^content\./, '');

/** The server's message(s) for exactly this field (e.g. `places.0.lat`). */
export function messageFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fields.filter((f) => formField(f.field) === field);
  return found.length ? found.map((f) => f.message).join(' ') : undefined;
}

export const inputId = (field: string) => `kb-${field.replace(/\./g, '-')}`;

/** aria-describedby/aria-invalid for an input: its help (if any) and its error (if any). */
export function described(field: string, error: unknown, help?: boolean) {
  const message = messageFor(error, field);
  const ids = [help ? `${inputId(field)}-help` : '', message ? `${inputId(field)}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': message ? true : undefined };
}

export function FieldMessage({ field, error }: { field: string; error: unknown }) {
  const message = messageFor(error, field);
  return message ? (
    <p id={`${inputId(field)}-error`} className="field-error">
      {message}
    </p>
  ) : null;
}

interface TextProps {
  field: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: unknown;
  help?: string;
  required?: boolean;
  multiline?: boolean;
  type?: string;
  inputMode?: 'decimal' | 'numeric';
}

export function TextField({ field, label, value, onChange, error, help, required, multiline, type, inputMode }: TextProps) {
  const { t } = useTranslation();
  const id = inputId(field);
  const common = {
    id,
    value,
    required,
    ...described(field, error, !!help),
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? ` ${t('knowledgeBank.required')}` : ''}
      </label>
      {multiline ? <textarea rows={4} {...common} /> : <input type={type ?? 'text'} inputMode={inputMode} {...common} />}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      <FieldMessage field={field} error={error} />
    </div>
  );
}

/** Checkboxes in a fieldset, each beside its label; the legend names the field, the message sits inside the fieldset. */
export function CheckGroup({
  field,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  field: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  error: unknown;
}) {
  return (
    <fieldset id={inputId(field)} {...described(field, error)}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <FieldMessage field={field} error={error} />
    </fieldset>
  );
}

export function SelectField({
  field,
  label,
  value,
  onChange,
  options,
  error,
  emptyLabel,
}: {
  field: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error: unknown;
  emptyLabel?: string;
}) {
  const id = inputId(field);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...described(field, error)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage field={field} error={error} />
    </div>
  );
}

/** The error summary of the last submission: links to each named field, or the server's message. */
export function ErrorSummary({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div role="alert" className="notice notice-error" tabIndex={-1} id="kb-error-summary">
      {fields.length > 0 ? (
        <>
          <p>{t('knowledgeBank.checkFields')}</p>
          <ul>
            {fields.map((f) => (
              <li key={f.field + f.message}>
                <a href={`#${inputId(formField(f.field))}`}>{f.message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
    </div>
  );
}
