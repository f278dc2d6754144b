/**
 * Every field of a knowledge-bank record, as one form; sends the content and shows the server's field messages. The
 * fields' labels come from the shared contract, so a message names a field exactly as the form does.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityName } from '../../../shared/knowledge-bank/answers.ts';
import type { ContentLabelKey } from '../../../shared/knowledge-bank/labels.ts';
import { activityStatuses, ageGroups, focusAreas, preventionLevels, workLevels } from '../../../shared/knowledge-bank/vocabulary.ts';
import type { Draft } from './draft.ts';
import { CheckGroup, ErrorSummary, FieldMessage, SelectField, TextField, described, inputId } from './fields.tsx';
import { useContentLabel } from './labels.ts';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';

interface Props {
  initial: Draft;
  methods: { id: string; nameSv: string; nameEn: string }[] | null;
  municipalities: MunicipalityName[];
  error: unknown;
  busy: boolean;
  onSubmit: (draft: Draft) => void;
}

export function RecordForm({ initial, methods, municipalities, error, busy, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const label = useContentLabel();
  const [d, setD] = useState<Draft>(initial);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setD((old) => ({ ...old, [key]: value }));
  const opts = (keys: readonly string[], group: string) => keys.map((k) => ({ value: k, label: t(`knowledgeBank.${group}.${k}`) }));
  const text = (key: keyof Draft & ContentLabelKey, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      field={key}
      label={label(key)}
      value={d[key] as string}
      onChange={set(key) as (v: string) => void}
      error={error}
      {...extra}
    />
  );
  return (
    <form
      className="kb-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(d);
      }}
    >
      <ErrorSummary error={error} />
      <SelectField
        field="kind"
        label={label('kind')}
        value={d.kind}
        onChange={(v) => set('kind')(v as Draft['kind'])}
        options={opts(['example', 'method'], 'kinds')}
        error={error}
      />
      {text('nameSv', { required: true })}
      {text('summarySv', { required: true, multiline: true })}
      {text('descriptionSv', { multiline: true, help: t('knowledgeBank.markdownHelp') })}
      {text('nameEn')}
      {text('summaryEn', { multiline: true })}
      {text('organisation')}
      <MunicipalityPicker
        legend={label('municipalityCodes')}
        options={municipalities}
        value={d.municipalityCodes}
        onChange={set('municipalityCodes')}
        error={error}
        required={d.kind === 'example'}
      />

      <fieldset id={inputId('places')} {...described('places', error)}>
        <legend>{label('places')}</legend>
        {d.places.map((p, i) => {
          const change = (k: 'name' | 'lat' | 'lon') => (v: string) =>
            set('places')(d.places.map((q, j) => (j === i ? { ...q, [k]: v } : q)));
          return (
            <fieldset key={i} id={inputId(`places.${i}`)} {...described(`places.${i}`, error)}>
              <legend>{label('places.*', i + 1)}</legend>
              <TextField
                field={`places.${i}.name`}
                label={label('places.*.name', i + 1)}
                value={p.name}
                onChange={change('name')}
                error={error}
              />
              <TextField
                field={`places.${i}.lat`}
                label={label('places.*.lat', i + 1)}
                value={p.lat}
                onChange={change('lat')}
                error={error}
                inputMode="decimal"
              />
              <TextField
                field={`places.${i}.lon`}
                label={label('places.*.lon', i + 1)}
                value={p.lon}
                onChange={change('lon')}
                error={error}
                inputMode="decimal"
              />
              <FieldMessage field={`places.${i}`} error={error} />
              <button type="button" onClick={() => set('places')(d.places.filter((_, j) => j !== i))}>
                {t('knowledgeBank.removePlace', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        <FieldMessage field="places" error={error} />
        <button type="button" onClick={() => set('places')([...d.places, { name: '', lat: '', lon: '' }])}>
          {t('knowledgeBank.addPlace')}
        </button>
      </fieldset>

      <CheckGroup
        field="focusAreas"
        legend={label('focusAreas')}
        options={opts(focusAreas, 'focus')}
        value={d.focusAreas}
        onChange={set('focusAreas')}
        error={error}
      />
      {text('subChallenges', { multiline: true, help: t('knowledgeBank.linesHelp') })}
      <CheckGroup
        field="ageGroups"
        legend={label('ageGroups')}
        options={opts(ageGroups, 'ages')}
        value={d.ageGroups}
        onChange={set('ageGroups')}
        error={error}
      />
      {text('targetGroup')}
      <SelectField
        field="preventionLevel"
        label={label('preventionLevel')}
        value={d.preventionLevel}
        onChange={set('preventionLevel')}
        options={opts(preventionLevels, 'prevention')}
        error={error}
        emptyLabel={t('knowledgeBank.none')}
      />
      <CheckGroup
        field="levels"
        legend={label('levels')}
        options={opts(workLevels, 'levelNames')}
        value={d.levels}
        onChange={set('levels')}
        error={error}
      />
      {text('plugInFactors', { multiline: true, help: t('knowledgeBank.linesHelp') })}
      {text('periodStart', { type: 'date' })}
      {text('periodEnd', { type: 'date' })}
      <SelectField
        field="activityStatus"
        label={label('activityStatus')}
        value={d.activityStatus}
        onChange={set('activityStatus')}
        options={opts(activityStatuses, 'activity')}
        error={error}
        emptyLabel={t('knowledgeBank.none')}
      />
      {text('costPerParticipant', { inputMode: 'numeric' })}
      {text('outcomesMeasured', { multiline: true })}

      <fieldset id={inputId('evidence')} {...described('evidence', error)}>
        <legend>{label('evidence')}</legend>
        {(['rating', 'source', 'url', 'tier'] as const).map((k) => (
          <TextField
            key={k}
            field={`evidence.${k}`}
            label={label(`evidence.${k}`)}
            value={d.evidence[k]}
            onChange={(v) => set('evidence')({ ...d.evidence, [k]: v })}
            error={error}
            type={k === 'url' ? 'url' : 'text'}
          />
        ))}
        <FieldMessage field="evidence" error={error} />
      </fieldset>

      <fieldset id={inputId('sources')} {...described('sources', error)}>
        <legend>{label('sources')}</legend>
        {d.sources.map((s, i) => {
          const change = (k: 'title' | 'url') => (v: string) => set('sources')(d.sources.map((q, j) => (j === i ? { ...q, [k]: v } : q)));
          return (
            <fieldset key={i} id={inputId(`sources.${i}`)} {...described(`sources.${i}`, error)}>
              <legend>{label('sources.*', i + 1)}</legend>
              <TextField
                field={`sources.${i}.title`}
                label={label('sources.*.title', i + 1)}
                value={s.title}
                onChange={change('title')}
                error={error}
              />
              <TextField
                field={`sources.${i}.url`}
                label={label('sources.*.url', i + 1)}
                value={s.url}
                onChange={change('url')}
                error={error}
                type="url"
              />
              <FieldMessage field={`sources.${i}`} error={error} />
              <button type="button" onClick={() => set('sources')(d.sources.filter((_, j) => j !== i))}>
                {t('knowledgeBank.removeSource', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        <FieldMessage field="sources" error={error} />
        <button type="button" onClick={() => set('sources')([...d.sources, { title: '', url: '' }])}>
          {t('knowledgeBank.addSource')}
        </button>
      </fieldset>

      <fieldset id={inputId('contact')} {...described('contact', error)}>
        <legend>{label('contact')}</legend>
        <p className="help">{t('knowledgeBank.contactHelp')}</p>
        {(['name', 'organisation', 'email', 'phone', 'url'] as const).map((k) => (
          <TextField
            key={k}
            field={`contact.${k}`}
            label={label(`contact.${k}`)}
            value={d.contact[k]}
            onChange={(v) => set('contact')({ ...d.contact, [k]: v })}
            error={error}
            type={k === 'email' ? 'email' : k === 'url' ? 'url' : k === 'phone' ? 'tel' : 'text'}
          />
        ))}
        <FieldMessage field="contact" error={error} />
      </fieldset>

      {d.kind === 'example' &&
        (methods ? (
          <CheckGroup
            field="methodIds"
            legend={label('methodIds')}
            options={methods.map((m) => ({ value: m.id, label: (i18n.language === 'en' && m.nameEn) || m.nameSv }))}
            value={d.methodIds}
            onChange={set('methodIds')}
            error={error}
          />
        ) : (
          <p className="muted">{t('knowledgeBank.noMethods')}</p>
        ))}

      <button type="submit" disabled={busy}>
        {busy ? t('knowledgeBank.sending') : t('knowledgeBank.send')}
      </button>
    </form>
  );
}
