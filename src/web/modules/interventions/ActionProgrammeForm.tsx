/**
 * The case's åtgärdsprogram (skollagen 3 kap.): needs, the student's and guardians' part, decision and evaluation
 * date; saved with the version it read (409: someone saved meanwhile — "Ladda om", never overwrite). The PDFs are
 * plain links: the browser downloads them with the session cookie.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './parts.tsx';
import { documentsApi } from '../../../shared/interventions/documents.ts';
import type { CaseView } from '../../../shared/interventions/cases.ts';
import { call } from '../../shared/api.ts';
import { isStale } from './request.ts';
import { FormProblem } from '../../shared/forms.tsx';

const textFields = ['needs', 'studentViews', 'guardianViews'] as const;
const otherFields = ['decidedOn', 'decidedBy', 'evaluationOn'] as const;
type Key = (typeof textFields)[number] | (typeof otherFields)[number];

export function ActionProgrammeSection({ data, onSaved, onReload }: { data: CaseView; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const ap = data.actionProgramme;
  const [values, setValues] = useState<Record<Key, string>>({
    needs: ap?.needs ?? '',
    studentViews: ap?.studentViews ?? '',
    guardianViews: ap?.guardianViews ?? '',
    decidedOn: ap?.decidedOn ?? '',
    decidedBy: ap?.decidedBy ?? '',
    evaluationOn: ap?.evaluationOn ?? '',
  });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const stale = isStale(error);
  const set = (k: Key, v: string) => setValues({ ...values, [k]: v });
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await call(documentsApi.saveActionProgramme, { params: { id: data.id }, body: ap ? { version: ap.version, ...values } : values });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="case-ap" className="case-section">
      <h2 id="case-ap">{t('interventions.actionProgramme')}</h2>
      <p>{t('interventions.actionProgrammeIntro')}</p>
      <ul>
        {ap && (
          <li>
            <a href={`/api/interventions/cases/${data.id}/action-programme.pdf`} download>
              {t('interventions.printActionProgramme')}
            </a>
          </li>
        )}
        <li>
          <a href={`/api/interventions/cases/${data.id}/summary.pdf`} download>
            {t('interventions.summaryPdf')}
          </a>
        </li>
      </ul>
      {!ap && <p>{t('interventions.noActionProgramme')}</p>}
      {data.can.write && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <fieldset>
            <legend>{ap ? t('interventions.editActionProgramme') : t('interventions.newActionProgramme')}</legend>
            {textFields.map((k) => (
              <Field key={k} id={`ap-${k}`} label={t(`interventions.ap.${k}`)} field={k} error={error}>
                {(p) => <textarea {...p} value={values[k]} onChange={(e) => set(k, e.target.value)} />}
              </Field>
            ))}
            <div className="inline-form">
              {otherFields.map((k) => (
                <Field key={k} id={`ap-${k}`} label={t(`interventions.ap.${k}`)} field={k} error={error}>
                  {(p) => (
                    <input {...p} type={k === 'decidedBy' ? 'text' : 'date'} value={values[k]} onChange={(e) => set(k, e.target.value)} />
                  )}
                </Field>
              ))}
            </div>
            <button type="submit" disabled={busy || stale}>
              {t('interventions.saveActionProgramme')}
            </button>
            <div aria-live="polite">{saved && <p>{t('interventions.actionProgrammeSaved')}</p>}</div>
            <FormProblem error={error} />
            {stale && (
              <button type="button" onClick={onReload}>
                {t('interventions.reload')}
              </button>
            )}
          </fieldset>
        </form>
      )}
    </section>
  );
}
