/**
 * A record's name as its author wrote it: the English name on an English page when there is one, otherwise the Swedish
 * name marked `lang="sv"` (WCAG 3.1.2, language of parts: a screen reader reads it with Swedish pronunciation).
 */
import { useTranslation } from 'react-i18next';

export function RecordName({ content }: { content: { nameSv: string; nameEn?: string } }) {
  const { i18n } = useTranslation();
  if (i18n.language !== 'en') return <>{content.nameSv}</>;
  if (content.nameEn) return <>{content.nameEn}</>;
  return <span lang="sv">{content.nameSv}</span>;
}
