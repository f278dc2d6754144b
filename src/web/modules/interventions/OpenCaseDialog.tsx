/**
 * "Öppna ärende" for one student: a modal dialog (native <dialog>: focus moves in, Esc closes) with the reason, level
 * and responsible person. On success it goes to the new case; when the student already has an open case, the server's
 * message and a link to that case.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../shared/session.tsx';
import { Field } from './parts.tsx';
import { casesApi } from '../../../shared/interventions/cases.ts';
import { workLevels as levels, type WorkLevel as Level } from '../../../shared/interventions/labels.ts';
import { ApiError, call } from '../../shared/api.ts';
import { FormProblem } from '../../shared/forms.tsx';
import { useResponsibles } from './useResponsibles.ts';

export function OpenCaseDialog({
  studentId,
  studentName,
  schoolUnitId,
  openedFrom,
}: {
  studentId: string;
  studentName: string;
  schoolUnitId: string;
  openedFrom: 'flag' | 'manual';
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const responsibles = useResponsibles(schoolUnitId, { enabled: open });
  const [reason, setReason] = useState('');
  const [level, setLevel] = useState<Level>('remedying');
  const [responsibleId, setResponsibleId] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const chosen = responsibleId || (responsibles.data?.some((r) => r.accountId === me?.account.id) ? (me?.account.id ?? '') : '');
  const existing = error instanceof ApiError && error.status === 409 && typeof error.body.caseId === 'string' ? error.body.caseId : null;
  const id = `open-case-${studentId}`;
  const show = () => {
    setOpen(true);
    ref.current?.showModal();
  };
  const close = () => {
    ref.current?.close();
    setOpen(false);
  };
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await call(casesApi.open, { body: { studentId, reason, level, responsibleId: chosen, openedFrom } });
      close();
      void navigate(`/insatser/arende/${res.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={show} aria-haspopup="dialog">
        {t('interventions.openCase')}
        {studentName && <span className="visually-hidden"> {t('interventions.forStudent', { name: studentName })}</span>}
      </button>
      <dialog ref={ref} aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <h2 id={`${id}-title`}>{studentName ? t('interventions.openCaseFor', { name: studentName }) : t('interventions.openCase')}</h2>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field id={`${id}-reason`} label={t('interventions.reason')} field="reason" error={error} help={t('interventions.reasonHelp')}>
            {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Field id={`${id}-level`} label={t('interventions.level')} field="level" error={error}>
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
          <Field id={`${id}-responsible`} label={t('interventions.responsible')} field="responsibleId" error={error}>
            {(p) => (
              <select {...p} value={chosen} onChange={(e) => setResponsibleId(e.target.value)}>
                <option value="">{t('interventions.choose')}</option>
                {responsibles.data?.map((r) => (
                  <option key={r.accountId} value={r.accountId}>
                    {r.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <FormProblem error={error} />
          {existing && (
            <p>
              <Link to={`/insatser/arende/${existing}`} onClick={close}>
                {t('interventions.toExistingCase')}
              </Link>
            </p>
          )}
          <div className="inline-form">
            <button type="submit" disabled={busy}>
              {t('interventions.openCaseSubmit')}
            </button>
            <button type="button" onClick={close}>
              {t('interventions.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
