/** Importing a handover file from a school outside the installation (docs/handovers.md, "The handover file"). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { transferApi } from '../../../shared/handovers/transfer-file.ts';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';

export function ImportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('content') as HTMLInputElement).files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const out = await call(transferApi.import, { body: { content: await file.text() } });
      await navigate(`/overlamningar/${out.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="handover-import">
      <h2 id="handover-import">{t('handovers.import.title')}</h2>
      <p>{t('handovers.import.intro')}</p>
      <FormProblem error={error} />
      <form onSubmit={(e) => void submit(e)}>
        <Field id="handover-import-file" label={t('handovers.import.file')} field="content" error={error}>
          {(p) => <input {...p} type="file" name="content" accept="application/json,.json" />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('handovers.import.submit')}
        </button>
      </form>
    </section>
  );
}
