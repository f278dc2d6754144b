/**
 * A handover to a school outside the installation (docs/handovers.md): the sender picks a student leaving their unit,
 * names the receiving school (name, skolenhetskod, municipality, school form, start) and states that it has placed or
 * admitted the student; the draft then opens, to be completed and handed over as a file.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  outsideSchoolApi,
  outsideSchoolLabels,
  outsideSchoolTypeLabels,
  outsideSchoolTypes,
  type OutsideSchoolType,
} from '../../../shared/handovers/outside-school.ts';
import { call } from '../../shared/api.ts';
import { Field, FormProblem, useFieldLabel } from '../../shared/forms.tsx';
import { useLoad } from '../../shared/states.tsx';

export function OutsideSchoolForm() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  const label = useFieldLabel(outsideSchoolLabels);
  const navigate = useNavigate();
  const options = useLoad(() => call(outsideSchoolApi.options), 'outside');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const o = options.data;
  if (!o || o.students.length === 0) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '');
    setBusy(true);
    setError(undefined);
    try {
      const out = await call(outsideSchoolApi.create, {
        body: {
          studentId: text('studentId'),
          unitName: text('unitName'),
          unitCode: text('unitCode'),
          municipalityCode: text('municipalityCode'),
          schoolType: text('schoolType') as OutsideSchoolType,
          startsOn: text('startsOn'),
          admitted: d.get('admitted') === 'on',
        },
      });
      await navigate(`/overlamningar/${out.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="handover-outside">
      <h2 id="handover-outside">{t('handovers.outside.title')}</h2>
      <p>{t('handovers.outside.intro')}</p>
      <FormProblem error={error} />
      <form onSubmit={(e) => void submit(e)}>
        <Field id="outside-student" label={label('studentId')} field="studentId" error={error}>
          {(p) => (
            <select {...p} name="studentId">
              {o.students.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.unitName})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="outside-unitName" label={label('unitName')} field="unitName" error={error}>
          {(p) => <input {...p} name="unitName" autoComplete="off" />}
        </Field>
        <Field id="outside-unitCode" label={label('unitCode')} field="unitCode" error={error} help={t('handovers.outside.codeHelp')}>
          {(p) => <input {...p} name="unitCode" inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field id="outside-municipality" label={label('municipalityCode')} field="municipalityCode" error={error}>
          {(p) => (
            <select {...p} name="municipalityCode" defaultValue="">
              <option value="">{t('handovers.outside.choose')}</option>
              {o.municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="outside-schoolType" label={label('schoolType')} field="schoolType" error={error}>
          {(p) => (
            <select {...p} name="schoolType" defaultValue="GY">
              {outsideSchoolTypes.map((s) => (
                <option key={s} value={s}>
                  {outsideSchoolTypeLabels[s][language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="outside-startsOn" label={label('startsOn')} field="startsOn" error={error}>
          {(p) => <input {...p} type="date" name="startsOn" />}
        </Field>
        <p>
          <input type="checkbox" id="outside-admitted" name="admitted" /> <label htmlFor="outside-admitted">{label('admitted')}</label>
        </p>
        <button type="submit" disabled={busy}>
          {t('handovers.outside.submit')}
        </button>
      </form>
    </section>
  );
}
