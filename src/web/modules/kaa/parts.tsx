/**
 * The KAA forms' parts: a field whose label comes from the contract and whose error, in the server's words naming the
 * field, is shown at it; a choice among labelled codes (never the code itself); the form's summary of problems.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldLabels, Label } from '../../../shared/contract/endpoint.ts';
import { Field as SharedField, useFieldLabel } from '../../shared/forms.tsx';

export type Language = 'sv' | 'en';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'sv';
}

export { fieldMessage as fieldError } from '../../shared/forms.tsx';

interface FieldProps {
  id: string;
  field: string;
  labels: FieldLabels;
  error: unknown;
  help?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/** A labelled field (the label from the endpoint's labels) with its help and its error below it: the forms kit's field. */
export function Field({ labels, ...props }: FieldProps) {
  const label = useFieldLabel(labels);
  return <SharedField {...props} label={label(props.field)} className="kaa-field" />;
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

export { FormProblem } from '../../shared/forms.tsx';

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
