/**
 * The error of a form's last submission, announced: the server's message, or — when it named fields — a summary of
 * them (each is also shown at its field).
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';

export function FormProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div role="alert" className="notice notice-error">
      {fields.length > 0 ? (
        <>
          <p>{t('interventions.checkFields')}</p>
          <ul>
            {fields.map((f) => (
              <li key={f.field}>{f.message}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
    </div>
  );
}
