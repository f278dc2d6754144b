/**
 * The KAA forms' parts: a field whose label comes from the contract and whose error, in the server's words naming the
 * field, is shown at it; a choice among labelled codes (never the code itself); the form's summary of problems.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldLabels, Label } from '../../../shared/contract/endpoint.ts';
import { ApiError } from '../../shared/api.ts';

export type Language = 'sv' | 'en';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'sv';
}

/** The server's message for `field`, if the error names it. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
  return found.length ? found.map((f) => f.message).join(' ') : undefined;
}

interface FieldProps {
  id: string;
  field: string;
  labels: FieldLabels;
  error: unknown;
  help?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/** A labelled field (the label from the endpoint's labels) with its help and its error below it. */
export function Field({ id, field, labels, error, help, children }: FieldProps) {
  const language = useLanguage();
  const message = fieldError(error, field);
  const described = [help ? `${id}-help` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="kaa-field">
      <label htmlFor={id}>{labels[field]?.[language] ?? field}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': message ? true : undefined })}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
    </div>
  );
}

/** Options for a select: each code by its label, in the list's order. */
export function Options({ labels, codes }: { labels: Readonly<Record<string, Label>>; codes: readonly string[] }) {
  const language = useLanguage();
  return (
    <>
      {codes.map((c) => (
        <option key={c} value={c}>
          {labels[c]?.[language] ?? ''}
        </option>
      ))}
    </>
  );
}

/** The last submission's problem, announced; the fields' messages are also shown at each field. */
export function FormProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div role="alert" className="notice notice-error">
      {fields.length > 0 ? (
        <>
          <p>{t('kaa.checkFields')}</p>
          <ul>
            {fields.map((f) => (
              <li key={f.field}>{f.message}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
    </div>
  );
}

/** Runs a submission with busy and error state. */
export async function submitting(setBusy: (b: boolean) => void, setError: (e: unknown) => void, work: () => Promise<void>): Promise<void> {
  setBusy(true);
  setError(undefined);
  try {
    await work();
  } catch (e) {
    setError(e);
  } finally {
    setBusy(false);
  }
}
