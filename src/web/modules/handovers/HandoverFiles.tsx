/**
 * A handover's files (docs/handovers.md): the grade-catalogue extract (PDF), the attachments — listed and downloaded by
 * both sides, added and removed by the sender while it is a draft — and, for the sender, the handover as a file for a
 * school outside the installation (exporting a draft sends it).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentLimits, attachmentPath, attachmentsApi } from '../../../shared/handovers/attachments.ts';
import { gradeExtractPath, type HandoverView } from '../../../shared/handovers/contract.ts';
import { receiptExportPath } from '../../../shared/handovers/receipt-file.ts';
import { transferExportPath } from '../../../shared/handovers/transfer-file.ts';
import { call } from '../../shared/api.ts';
import { downloadPost } from '../../shared/download.ts';
import { Field, FormProblem } from '../../shared/forms.tsx';
import { useLoad } from '../../shared/states.tsx';

/** Reads a file as base64 (without the data-URL prefix). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function HandoverFiles({ h, onExported }: { h: HandoverView; onExported: () => void }) {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const list = useLoad(() => call(attachmentsApi.list, { params: { id: h.id } }), `${h.id}:${reload}`);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} kB`;

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('content') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      await call(attachmentsApi.add, { params: { id: h.id }, body: { fileName: file.name, content: await base64Of(file) } });
      input.value = '';
      setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(attachmentId: string) {
    setError(undefined);
    try {
      await call(attachmentsApi.remove, { params: { id: h.id, attachmentId } });
      setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  }

  async function exportReceipt() {
    setError(undefined);
    try {
      await downloadPost(receiptExportPath(h.id), {}, 'kvittens.json');
    } catch (e) {
      setError(e);
    }
  }

  async function exportFile() {
    setError(undefined);
    try {
      await downloadPost(transferExportPath(h.id), {}, 'overlamning.json');
      onExported();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="handover-files">
      <h2 id="handover-files">{t('handovers.files.title')}</h2>
      <p>
        <a href={gradeExtractPath(h.id)} download>
          {t('handovers.files.gradeExtract')}
        </a>
      </p>
      <FormProblem error={error} />
      {list.data && list.data.items.length === 0 && <p>{t('handovers.files.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul>
          {list.data.items.map((a) => (
            <li key={a.id}>
              <a href={attachmentPath(h.id, a.id)} download>
                {a.fileName}
              </a>{' '}
              ({kb(a.sizeBytes)})
              {h.canEdit && (
                <>
                  {' '}
                  <button type="button" onClick={() => void remove(a.id)}>
                    {t('handovers.files.remove', { name: a.fileName })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.data?.canAdd && (
        <form onSubmit={(e) => void add(e)}>
          <Field
            id="handover-attachment"
            label={t('handovers.files.attachment')}
            field="content"
            error={error}
            help={t('handovers.files.limits', { count: attachmentLimits.count })}
          >
            {(p) => <input {...p} type="file" name="content" accept="application/pdf,image/png,image/jpeg" />}
          </Field>
          <button type="submit" disabled={busy}>
            {t('handovers.files.add')}
          </button>
        </form>
      )}
      {h.direction === 'sent' && h.status !== 'not-needed' && (
        <p>
          <button type="button" onClick={() => void exportFile()}>
            {h.status === 'draft' ? t('handovers.files.exportDraft') : t('handovers.files.export')}
          </button>
        </p>
      )}
      {h.direction === 'sent' && h.outside && <p>{t('handovers.outside.only')}</p>}
      {h.direction === 'sent' && h.receiptByFile && <p>{t('handovers.receipt.byFile')}</p>}
      {h.direction === 'received' && h.status === 'confirmed' && h.fromFile && (
        <p>
          <button type="button" onClick={() => void exportReceipt()}>
            {t('handovers.receipt.export')}
          </button>
        </p>
      )}
    </section>
  );
}
