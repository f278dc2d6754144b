/**
 * Municipalities chosen by name: a search box narrows the 290 names (from the server), each a checkbox beside its
 * name; the chosen ones are listed above with a button to remove each. Only the SCB codes go into the request.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityName } from '../../../shared/knowledge-bank/answers.ts';
import { described, FieldMessage, inputId } from './fields.tsx';

interface Props {
  legend: string;
  options: MunicipalityName[];
  value: string[];
  onChange: (codes: string[]) => void;
  error: unknown;
  required?: boolean;
}

const field = 'municipalityCodes';
/** Lower case the Swedish way, for matching a typed name anywhere in a municipality's name. */
const folded = (text: string) => text.toLocaleLowerCase('sv').trim();

export function MunicipalityPicker({ legend, options, value, onChange, error, required }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const base = useId();
  const names = new Map(options.map((o) => [o.code, o.name]));
  const shown = filter.trim() ? options.filter((o) => folded(o.name).includes(folded(filter))) : options;
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset id={inputId(field)} className="kb-municipalities" {...described(field, error)}>
      <legend>
        {legend}
        {required ? ` ${t('knowledgeBank.required')}` : ''}
      </legend>
      {value.length > 0 && (
        <ul className="kb-chosen" aria-label={t('knowledgeBank.chosenMunicipalities')}>
          {value.map((code) => (
            <li key={code}>
              {names.get(code) ?? t('knowledgeBank.unknownMunicipality')}{' '}
              <button type="button" onClick={() => toggle(code, false)}>
                {t('knowledgeBank.removeMunicipality', { name: names.get(code) ?? t('knowledgeBank.unknownMunicipality') })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${base}-filter`}>{t('knowledgeBank.findMunicipality')}</label>
        <input
          id={`${base}-filter`}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-controls={`${base}-options`}
          aria-describedby={`${base}-count`}
          autoComplete="off"
        />
        <p id={`${base}-count`} className="help" aria-live="polite">
          {t('knowledgeBank.municipalitiesShown', { count: shown.length })}
        </p>
      </div>
      <div id={`${base}-options`} className="kb-options" role="group" aria-label={t('knowledgeBank.municipalityChoices')}>
        {shown.map((o) => (
          <label key={o.code} className="check">
            <input type="checkbox" checked={value.includes(o.code)} onChange={(e) => toggle(o.code, e.target.checked)} />
            <span>{o.name}</span>
          </label>
        ))}
      </div>
      <FieldMessage field={field} error={error} />
    </fieldset>
  );
}
