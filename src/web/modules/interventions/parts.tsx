/** Small shared pieces of the interventions pages: names, status and level texts, labelled fields with their errors. */
import { useTranslation } from 'react-i18next';

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

/** The forms kit's field (src/web/shared/forms.tsx). */
export { Field } from '../../shared/forms.tsx';
