/** The sender imports a receipt file from a school outside the installation (docs/handovers.md, "Receipts back by file"). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { receiptApi } from '../../../shared/handovers/receipt-file.ts';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';

export function ReceiptImportForm() {
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
      const out = await call(receiptApi.import, { body: { content: await file.text() } });
      await navigate(`/overlamningar/${out.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="handover-receipt-import">
      <h2 id="handover-receipt-import">{t('handovers.receipt.importTitle')}</h2>
      <p>{t('handovers.receipt.importIntro')}</p>
      <FormProblem error={error} />
      <form onSubmit={(e) => void submit(e)}>
        <Field id="handover-receipt-file" label={t('handovers.receipt.file')} field="content" error={error}>
          {(p) => <input {...p} type="file" name="content" accept="application/json,.json" />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('handovers.receipt.submit')}
        </button>
      </form>
    </section>
  );
}
