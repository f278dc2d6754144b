/**
 * Reading a file from a school outside the installation (docs/handovers.md): a handover file on the receiving side
 * ("The handover file"), a receipt file on the sending side ("Receipts back by file"). The same form for both; the
 * server checks the file and answers with the handover it concerns, which the page then opens.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { receiptApi } from '../../../shared/handovers/receipt-file.ts';
import { transferApi } from '../../../shared/handovers/transfer-file.ts';
import { call } from '../../shared/api.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';

/** What a file form reads: its texts' keys, its element ids and the endpoint that imports the file's content. */
const kinds = {
  handover: {
    id: 'handover-import',
    title: 'handovers.import.title',
    intro: 'handovers.import.intro',
    file: 'handovers.import.file',
    submit: 'handovers.import.submit',
    send: (content: string) => call(transferApi.import, { body: { content } }),
  },
  receipt: {
    id: 'handover-receipt-import',
    title: 'handovers.receipt.importTitle',
    intro: 'handovers.receipt.importIntro',
    file: 'handovers.receipt.file',
    submit: 'handovers.receipt.submit',
    send: (content: string) => call(receiptApi.import, { body: { content } }),
  },
} as const;

/** The form for one kind of file: a handover file (the receiving unit) or a receipt file (the sending unit). */
export function ImportForm({ kind }: { kind: keyof typeof kinds }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const k = kinds[kind];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('content') as HTMLInputElement).files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const out = await k.send(await file.text());
      await navigate(`/overlamningar/${out.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={k.id}>
      <h2 id={k.id}>{t(k.title)}</h2>
      <p>{t(k.intro)}</p>
      <FormProblem error={error} />
      <form onSubmit={(e) => void submit(e)}>
        <Field id={`${k.id}-file`} label={t(k.file)} field="content" error={error}>
          {(p) => <input {...p} type="file" name="content" accept="application/json,.json" />}
        </Field>
        <button type="submit" disabled={busy}>
          {t(k.submit)}
        </button>
      </form>
    </section>
  );
}
