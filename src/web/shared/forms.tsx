/**
 * The web app's forms kit: a labelled field that shows the server's message for it (its label from the endpoint's
 * contract or the page's texts), and the form's summary of what was refused. The server names each field by the label
 * the form shows (src/server/platform/validate.ts), so the message at the field and in the summary read the same.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldLabels } from '../../shared/contract/endpoint.ts';
import { ApiError } from './api.ts';

/** The server's message for `field` (and its nested fields, `places.0.lat`), if the error names it. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
  return found.length ? found.map((f) => f.message).join(' ') : undefined;
}

/** A function giving a contract field's label in the page's language (the key itself never reaches a person: '' instead). */
export function useFieldLabel(labels: FieldLabels): (field: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  return (field) => labels[field]?.[language] ?? '';
}

export interface FieldProps {
  id: string;
  label: string;
  /** The field's name in the request (the server's problem names it). */
  field: string;
  error: unknown;
  help?: string;
  className?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/**
 * A labelled input, textarea or select; the server's message for `field` is shown below it («Fel: …», a text and not
 * only a colour), linked with aria-describedby and marked aria-invalid.
 */
export function Field({ id, label, field, error, help, className = 'field', children }: FieldProps) {
  const { t } = useTranslation();
  const message = fieldMessage(error, field);
  const described = [help ? `${id}-help` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': message ? true : undefined })}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {t('common.form.fieldError', { message })}
        </p>
      )}
    </div>
  );
}

/** The error of a form's last submission, announced: the server's message, or — when it named fields — a list of them. */
export function FormProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div role="alert" className="notice notice-error">
      {fields.length > 0 ? (
        <>
          <p>{t('common.form.checkFields')}</p>
          <ul>
            {fields.map((f) => (
              <li key={f.field + f.message}>{f.message}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
    </div>
  );
}
