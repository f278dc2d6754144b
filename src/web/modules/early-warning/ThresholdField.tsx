/** One threshold on the settings form: its label, the value in its unit, the allowed range, the default and the source. */
import { useTranslation } from 'react-i18next';
import type { ThresholdName, ThresholdSpec } from '../../../shared/early-warning/thresholds.ts';
import { rangeText, withUnit } from './threshold-input.ts';

interface Props {
  name: ThresholdName;
  spec: ThresholdSpec;
  language: 'sv' | 'en';
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}

export function ThresholdField({ name, spec, language, value, problem, onChange }: Props) {
  const { t } = useTranslation();
  const id = `th-${name}`;
  const unit = t(`earlyWarning.units.${spec.unit}`);
  const host = spec.url ? new URL(spec.url).host.replace(/^www\./, '') : null;
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label[language]}</label>
      <input
        id={id}
        inputMode="decimal"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${spec.unit === 'count' ? '' : `${id}-unit `}${id}-help${problem ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      {spec.unit !== 'count' && (
        <span id={`${id}-unit`} className="threshold-unit">
          {spec.unit === 'share' ? '%' : unit}
        </span>
      )}
      {problem && (
        <p id={`${id}-error`} className="ew-field-error">
          {problem}
        </p>
      )}
      <p id={`${id}-help`} className="help">
        {t('earlyWarning.range', { range: rangeText(spec, t), default: withUnit(spec, spec.default, t) })}{' '}
        {t('earlyWarning.source', { source: spec.source[language] })}
        {spec.url && host && (
          <>
            {' '}
            <a href={spec.url} rel="noreferrer">
              {host}
            </a>
          </>
        )}
      </p>
    </div>
  );
}
