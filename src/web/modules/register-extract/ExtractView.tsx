/** The register extract on screen: the sections of the JSON with their Swedish headings, as the PDF prints them. */
import { useTranslation } from 'react-i18next';
import type { ExtractEntry, RegisterExtractDocument } from '../../../shared/register-extract/contract.ts';

export function ExtractView({ extract }: { extract: RegisterExtractDocument }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="extract-view">
      <h2 id="extract-view">{t('registerExtract.extractHeading')}</h2>
      {extract.notices.map((n) => (
        <p key={n} className="notice">
          {n}
        </p>
      ))}
      {extract.sections.map((s) => (
        <section key={s.key} aria-labelledby={`extract-${s.key}`}>
          <h3 id={`extract-${s.key}`}>{s.heading}</h3>
          {s.intro && <p>{s.intro}</p>}
          {s.parts.map((p) => (
            <div key={p.heading}>
              <h4>{p.entries.length ? `${p.heading} (${p.entries.length})` : p.heading}</h4>
              {p.entries.length === 0 ? (
                <p>{p.empty || t('registerExtract.noData')}</p>
              ) : (
                p.entries.map((e, i) => <ExtractEntry key={i} entry={e} />)
              )}
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function ExtractEntry({ entry }: { entry: ExtractEntry }) {
  return (
    <>
      {entry.title && (
        <p className={entry.secrecy ? 'extract-secret' : undefined}>
          <strong>{entry.title}</strong>
        </p>
      )}
      {entry.facts.length > 0 && (
        <dl className="extract-facts">
          {entry.facts.map((f, i) => (
            <div key={i}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
