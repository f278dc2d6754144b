/** Every field of a knowledge-bank record, as one form; sends the content and shows the server's field messages. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from './draft.ts';
import { CheckGroup, ErrorSummary, FieldMessage, SelectField, TextField, described, inputId } from './fields.tsx';
import { activityKeys, ageGroupKeys, focusAreaKeys, levelKeys, preventionKeys } from './types.ts';

interface Props {
  initial: Draft;
  methods: { id: string; nameSv: string }[] | null;
  error: unknown;
  busy: boolean;
  onSubmit: (draft: Draft) => void;
}

export function RecordForm({ initial, methods, error, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((old) => ({ ...old, [key]: value }));
  const f = (key: string) => t(`knowledgeBank.fields.${key}`);
  const opts = (keys: readonly string[], group: string) => keys.map((k) => ({ value: k, label: t(`knowledgeBank.${group}.${k}`) }));
  const text = (key: keyof Draft & string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField field={key} label={f(key)} value={d[key] as string} onChange={set(key) as (v: string) => void} error={error} {...extra} />
  );
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(d); }}>
      <ErrorSummary error={error} />
      <SelectField field="kind" label={f('kind')} value={d.kind} onChange={(v) => set('kind')(v as Draft['kind'])} options={opts(['example', 'method'], 'kinds')} error={error} />
      {text('nameSv', { required: true })}
      {text('summarySv', { required: true, multiline: true })}
      {text('descriptionSv', { multiline: true, help: t('knowledgeBank.markdownHelp') })}
      {text('nameEn')}
      {text('summaryEn', { multiline: true })}
      {text('organisation')}
      {text('municipalityCodes', { help: t('knowledgeBank.codesHelp'), required: d.kind === 'example' })}

      <fieldset id={inputId('places')} {...described('places', error)}>
        <legend>{f('places')}</legend>
        {d.places.map((p, i) => {
          const change = (k: 'name' | 'lat' | 'lon') => (v: string) => set('places')(d.places.map((q, j) => (j === i ? { ...q, [k]: v } : q)));
          return (
            <fieldset key={i} id={inputId(`places.${i}`)} {...described(`places.${i}`, error)}>
              <legend>{t('knowledgeBank.place', { n: i + 1 })}</legend>
              <TextField field={`places.${i}.name`} label={t('knowledgeBank.placeName')} value={p.name} onChange={change('name')} error={error} />
              <TextField field={`places.${i}.lat`} label={t('knowledgeBank.lat')} value={p.lat} onChange={change('lat')} error={error} inputMode="decimal" />
              <TextField field={`places.${i}.lon`} label={t('knowledgeBank.lon')} value={p.lon} onChange={change('lon')} error={error} inputMode="decimal" />
              <FieldMessage field={`places.${i}`} error={error} />
              <button type="button" onClick={() => set('places')(d.places.filter((_, j) => j !== i))}>{t('knowledgeBank.removePlace', { n: i + 1 })}</button>
            </fieldset>
          );
        })}
        <FieldMessage field="places" error={error} />
        <button type="button" onClick={() => set('places')([...d.places, { name: '', lat: '', lon: '' }])}>{t('knowledgeBank.addPlace')}</button>
      </fieldset>

      <CheckGroup field="focusAreas" legend={f('focusAreas')} options={opts(focusAreaKeys, 'focus')} value={d.focusAreas} onChange={set('focusAreas')} error={error} />
      {text('subChallenges', { multiline: true, help: t('knowledgeBank.linesHelp') })}
      <CheckGroup field="ageGroups" legend={f('ageGroups')} options={opts(ageGroupKeys, 'ages')} value={d.ageGroups} onChange={set('ageGroups')} error={error} />
      {text('targetGroup')}
      <SelectField field="preventionLevel" label={f('preventionLevel')} value={d.preventionLevel} onChange={set('preventionLevel')}
        options={opts(preventionKeys, 'prevention')} error={error} emptyLabel={t('knowledgeBank.none')} />
      <CheckGroup field="levels" legend={f('levels')} options={opts(levelKeys, 'levelNames')} value={d.levels} onChange={set('levels')} error={error} />
      {text('plugInFactors', { multiline: true, help: t('knowledgeBank.linesHelp') })}
      {text('periodStart', { type: 'date' })}
      {text('periodEnd', { type: 'date' })}
      <SelectField field="activityStatus" label={f('activityStatus')} value={d.activityStatus} onChange={set('activityStatus')}
        options={opts(activityKeys, 'activity')} error={error} emptyLabel={t('knowledgeBank.none')} />
      {text('costPerParticipant', { inputMode: 'numeric' })}
      {text('outcomesMeasured', { multiline: true })}

      <fieldset id={inputId('evidence')} {...described('evidence', error)}>
        <legend>{f('evidence')}</legend>
        {(['rating', 'source', 'url', 'tier'] as const).map((k) => (
          <TextField key={k} field={`evidence.${k}`} label={t(`knowledgeBank.evidence${k[0]?.toUpperCase()}${k.slice(1)}`)} value={d.evidence[k]}
            onChange={(v) => set('evidence')({ ...d.evidence, [k]: v })} error={error} type={k === 'url' ? 'url' : 'text'} />
        ))}
        <FieldMessage field="evidence" error={error} />
      </fieldset>

      <fieldset id={inputId('sources')} {...described('sources', error)}>
        <legend>{f('sources')}</legend>
        {d.sources.map((s, i) => {
          const change = (k: 'title' | 'url') => (v: string) => set('sources')(d.sources.map((q, j) => (j === i ? { ...q, [k]: v } : q)));
          return (
            <fieldset key={i} id={inputId(`sources.${i}`)} {...described(`sources.${i}`, error)}>
              <legend>{t('knowledgeBank.source', { n: i + 1 })}</legend>
              <TextField field={`sources.${i}.title`} label={t('knowledgeBank.sourceTitle')} value={s.title} onChange={change('title')} error={error} />
              <TextField field={`sources.${i}.url`} label={t('knowledgeBank.sourceUrl')} value={s.url} onChange={change('url')} error={error} type="url" />
              <FieldMessage field={`sources.${i}`} error={error} />
              <button type="button" onClick={() => set('sources')(d.sources.filter((_, j) => j !== i))}>{t('knowledgeBank.removeSource', { n: i + 1 })}</button>
            </fieldset>
          );
        })}
        <FieldMessage field="sources" error={error} />
        <button type="button" onClick={() => set('sources')([...d.sources, { title: '', url: '' }])}>{t('knowledgeBank.addSource')}</button>
      </fieldset>

      <fieldset id={inputId('contact')} {...described('contact', error)}>
        <legend>{f('contact')}</legend>
        <p className="help">{t('knowledgeBank.contactHelp')}</p>
        {(['name', 'organisation', 'email', 'phone', 'url'] as const).map((k) => (
          <TextField key={k} field={`contact.${k}`} label={t(`knowledgeBank.contact${k[0]?.toUpperCase()}${k.slice(1)}`)} value={d.contact[k]}
            onChange={(v) => set('contact')({ ...d.contact, [k]: v })} error={error} type={k === 'email' ? 'email' : k === 'url' ? 'url' : k === 'phone' ? 'tel' : 'text'} />
        ))}
        <FieldMessage field="contact" error={error} />
      </fieldset>

      {d.kind === 'example' && (methods
        ? <CheckGroup field="methodIds" legend={f('methodIds')} options={methods.map((m) => ({ value: m.id, label: m.nameSv }))}
            value={d.methodIds} onChange={set('methodIds')} error={error} />
        : <p className="muted">{t('knowledgeBank.noMethods')}</p>)}

      <button type="submit" disabled={busy}>{busy ? t('knowledgeBank.sending') : t('knowledgeBank.send')}</button>
    </form>
  );
}
