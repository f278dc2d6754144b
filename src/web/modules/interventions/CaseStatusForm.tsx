/**
 * The case's status, level and responsible person. Sends the version it read; when someone else changed the case
 * meanwhile (409) it shows the server's message and "Ladda om" — it never overwrites their change.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './parts.tsx';
import { casesApi, type CaseView, type UpdateCaseBody } from '../../../shared/interventions/cases.ts';
import {
  caseStatuses,
  closingReasons,
  workLevels as levels,
  type CaseStatus,
  type ClosingReason,
  type WorkLevel as Level,
} from '../../../shared/interventions/labels.ts';
import { call } from '../../shared/api.ts';
import { isStale } from './request.ts';
import { FormProblem } from '../../shared/forms.tsx';
import { useResponsibles } from './useResponsibles.ts';

export function CaseStatusForm({ data, onSaved, onReload }: { data: CaseView; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const responsibles = useResponsibles(data.student.schoolUnit.id);
  const [status, setStatus] = useState<CaseStatus>(data.status);
  const [level, setLevel] = useState<Level>(data.level);
  const [responsibleId, setResponsibleId] = useState(data.responsible?.id ?? '');
  const [closingReason, setClosingReason] = useState<ClosingReason | ''>(data.closingReason ?? '');
  const [closingNote, setClosingNote] = useState(data.closingNote ?? '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const stale = isStale(error);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const body: UpdateCaseBody = { version: data.version };
    if (status !== data.status) body.status = status;
    if (level !== data.level) body.level = level;
    if (responsibleId && responsibleId !== data.responsible?.id) body.responsibleId = responsibleId;
    if (status === 'closed' && data.status !== 'closed') {
      if (closingReason) body.closingReason = closingReason;
      if (closingNote.trim()) body.closingNote = closingNote;
    }
    try {
      await call(casesApi.update, { params: { id: data.id }, body });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('interventions.changeCase')}</legend>
        <div className="inline-form">
          <Field id="case-status" label={t('interventions.status')} field="status" error={error}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
                {caseStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`interventions.caseStatus.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="case-level" label={t('interventions.level')} field="level" error={error}>
            {(p) => (
              <select {...p} value={level} onChange={(e) => setLevel(e.target.value as Level)}>
                {levels.map((l) => (
                  <option key={l} value={l}>
                    {t(`interventions.levels.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="case-responsible" label={t('interventions.responsible')} field="responsibleId" error={error}>
            {(p) => (
              <select {...p} value={responsibleId} onChange={(e) => setResponsibleId(e.target.value)}>
                {!responsibles.data?.some((r) => r.accountId === responsibleId) && (
                  <option value={responsibleId}>{data.responsible?.name ?? '–'}</option>
                )}
                {responsibles.data?.map((r) => (
                  <option key={r.accountId} value={r.accountId}>
                    {r.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {status === 'closed' && data.status !== 'closed' && (
          <>
            <Field id="case-closing-reason" label={t('interventions.closingReason')} field="closingReason" error={error}>
              {(p) => (
                <select {...p} value={closingReason} onChange={(e) => setClosingReason(e.target.value as ClosingReason | '')}>
                  <option value="">{t('interventions.choose')}</option>
                  {closingReasons.map((r) => (
                    <option key={r} value={r}>
                      {t(`interventions.closing.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="case-closing-note" label={t('interventions.closingNote')} field="closingNote" error={error}>
              {(p) => <textarea {...p} value={closingNote} onChange={(e) => setClosingNote(e.target.value)} />}
            </Field>
          </>
        )}
        <button type="submit" disabled={busy || stale}>
          {t('interventions.saveCase')}
        </button>
        <FormProblem error={error} />
        {stale && (
          <button type="button" onClick={onReload}>
            {t('interventions.reload')}
          </button>
        )}
      </fieldset>
    </form>
  );
}
