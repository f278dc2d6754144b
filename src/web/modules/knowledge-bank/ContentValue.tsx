/**
 * A content field's value as a person reads it, for the review queue: choices by their labels, methods and
 * municipalities by name (never an id or a code), places, evidence and contact as labelled lines, sources as links,
 * numbers and dates in the page's language, and the description as the safe HTML the server rendered from its
 * Markdown (the public pages' renderer: no raw HTML, only http(s)/mailto links).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentField, RecordContent } from '../../../shared/knowledge-bank/answers.ts';
import { formatDate, formatNumber } from '../../shared/format.ts';

/** Names for what content refers to by id or code. */
export interface Names {
  methods: Map<string, string>;
  municipalities: Map<string, string>;
}

const choiceGroups: Partial<Record<ContentField, string>> = {
  kind: 'kinds',
  focusAreas: 'focus',
  ageGroups: 'ages',
  levels: 'levelNames',
  preventionLevel: 'prevention',
  activityStatus: 'activity',
};

/** Whether the field holds nothing worth showing. */
export function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value as object).every((v) => v === undefined || v === null || v === ''))
  );
}

/** Labelled lines (a definition list) of the set values. */
function Lines({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <dl className="kb-lines">
      {shown.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const List = ({ items }: { items: ReactNode[] }) => (
  <ul className="kb-values">
    {items.map((item, i) => (
      <li key={i}>{item}</li>
    ))}
  </ul>
);

/** One field of `content`; `html` is the description's rendered HTML. */
export function ContentValue({ field, content, html, names }: { field: ContentField; content: RecordContent; html: string; names: Names }) {
  const { t } = useTranslation();
  const value = content[field];
  if (isEmpty(value)) return <>{t('knowledgeBank.empty')}</>;
  const group = choiceGroups[field];
  switch (field) {
    case 'descriptionSv':
      // Safe HTML from the server's Markdown renderer (markdown.ts), the same as on the public pages.
      return <div className="kb-markdown" dangerouslySetInnerHTML={{ __html: html }} />;
    case 'summarySv':
    case 'summaryEn':
    case 'outcomesMeasured':
      return <span className="kb-text">{String(value)}</span>;
    case 'municipalityCodes':
      return <List items={content.municipalityCodes.map((c) => names.municipalities.get(c) ?? t('knowledgeBank.unknownMunicipality'))} />;
    case 'methodIds':
      return <List items={content.methodIds.map((id) => names.methods.get(id) ?? t('knowledgeBank.unknownMethod'))} />;
    case 'subChallenges':
    case 'plugInFactors':
      return <List items={content[field]} />;
    case 'places':
      return (
        <List
          items={content.places.map(
            (p) => `${p.name} (${t('knowledgeBank.lat')} ${formatNumber(p.lat, 5)}, ${t('knowledgeBank.lon')} ${formatNumber(p.lon, 5)})`,
          )}
        />
      );
    case 'sources':
      return (
        <List
          items={content.sources.map((s) => (
            <a href={s.url} rel="noopener nofollow">
              {s.title}
            </a>
          ))}
        />
      );
    case 'evidence': {
      const e = content.evidence!;
      return (
        <Lines
          rows={[
            [t('knowledgeBank.evidenceRating'), e.rating],
            [t('knowledgeBank.evidenceSource'), e.source],
            [
              t('knowledgeBank.evidenceUrl'),
              e.url ? (
                <a href={e.url} rel="noopener nofollow">
                  {e.url}
                </a>
              ) : undefined,
            ],
            [t('knowledgeBank.evidenceTier'), e.tier],
          ]}
        />
      );
    }
    case 'contact': {
      const c = content.contact!;
      return (
        <Lines
          rows={[
            [t('knowledgeBank.contactName'), c.name],
            [t('knowledgeBank.contactOrganisation'), c.organisation],
            [t('knowledgeBank.contactEmail'), c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : undefined],
            [t('knowledgeBank.contactPhone'), c.phone],
            [
              t('knowledgeBank.contactUrl'),
              c.url ? (
                <a href={c.url} rel="noopener nofollow">
                  {c.url}
                </a>
              ) : undefined,
            ],
          ]}
        />
      );
    }
    case 'periodStart':
    case 'periodEnd':
      return <>{formatDate(String(value))}</>;
    case 'costPerParticipant':
      return <>{t('knowledgeBank.kronor', { amount: formatNumber(content.costPerParticipant!, 0) })}</>;
    default:
      if (Array.isArray(value)) return <List items={value.map((v) => (group ? t(`knowledgeBank.${group}.${String(v)}`) : String(v)))} />;
      return <>{group ? t(`knowledgeBank.${group}.${String(value)}`) : String(value)}</>;
  }
}
