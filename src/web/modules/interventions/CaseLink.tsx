/**
 * On the early-detection pages: a link to the student's open case, or "Öppna ärende" for those who may open one.
 * `openCaseId` comes with the worklist row or the student page (the server joins the open case); a case opened since is found by the server's 409 in the dialog.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../shared/session.tsx';
import { OpenCaseDialog } from './OpenCaseDialog.tsx';

export function CaseLink({
  openCaseId,
  studentId,
  studentName,
  schoolUnitId,
  openedFrom = 'flag',
}: {
  openCaseId: string | undefined;
  studentId: string;
  studentName: string;
  schoolUnitId: string;
  openedFrom?: 'flag' | 'manual';
}) {
  const { t } = useTranslation();
  const canWrite = useCan('interventions.write');
  const canRead = useCan('interventions.read');
  if (openCaseId && canRead) {
    return (
      <Link to={`/insatser/arende/${openCaseId}`}>
        {t('interventions.toCase')}
        {studentName && <span className="visually-hidden"> {t('interventions.forStudent', { name: studentName })}</span>}
      </Link>
    );
  }
  if (!canWrite) return <span>–</span>;
  return <OpenCaseDialog studentId={studentId} studentName={studentName} schoolUnitId={schoolUnitId} openedFrom={openedFrom} />;
}
