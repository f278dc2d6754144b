/** Small shared pieces of the interventions pages: names, status and level texts, labelled fields with their errors. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from './request.ts';

/** A person's name, or '–' for nobody (or an account whose name is gone). */
export function personName(p: { name: string | null } | null | undefined): string {
  return p?.name ?? '–';
}

/** A `{ sv, en }` text (or a plain one) in the current language. */
export function useLocalText() {
  const { i18n } = useTranslation();
  return (x: string | { sv: string; en: string } | null | undefined) =>
    !x ? '' : typeof x === 'string' ? x : i18n.language.startsWith('en') ? x.en : x.sv;
}

/**
 * A labelled input, textarea or select; the server's message for `field` is shown below it, linked with
 * aria-describedby and marked aria-invalid (with a text, not only a colour).
 */
export function Field({
  id,
  label,
  field,
  error,
  help,
  children,
}: {
  id: string;
  label: string;
  field: string;
  error: unknown;
  help?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const { t } = useTranslation();
  const message = fieldMessage(error, field);
  const described = [help ? `${id}-help` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': message ? true : undefined })}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {t('interventions.fieldError', { message })}
        </p>
      )}
    </div>
  );
}
