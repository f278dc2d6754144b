/** A labelled form field whose help and error text are tied to the control (aria-describedby, aria-invalid). */
import type { ReactNode } from 'react';

export interface MeetingFieldProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export function MeetingField({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  children: (props: MeetingFieldProps) => ReactNode;
}) {
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true as const } : {}) })}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
