/**
 * The submission form's field labels from the shared contract (src/shared/knowledge-bank/labels.ts), in the page's
 * language: the form shows the same words the server's messages name the fields by.
 */
import { useTranslation } from 'react-i18next';
import { contentLabels, type ContentLabelKey } from '../../../shared/knowledge-bank/labels.ts';

/** A function giving a content field's label; `n` fills a list position («Plats {n}»). */
export function useContentLabel(): (key: ContentLabelKey, n?: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  return (key, n) => contentLabels[key][language].replace('{n}', n === undefined ? '' : String(n)).trim();
}
