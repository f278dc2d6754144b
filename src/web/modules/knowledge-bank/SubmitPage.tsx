/**
 * "Föreslå ett exempel": a new record, or (?record=<id>) an edit of a published one, or (?revision=<id>) a new try
 * from one of the actor's earlier suggestions (e.g. a rejected one). Sends the whole content; the server validates it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { knowledgeApi } from '../../../shared/knowledge-bank/contract.ts';
import { call } from '../../shared/api.ts';
import { ErrorMessage, Loading, useLoad, useTitle } from '../../shared/states.tsx';
import { contentOf, draftOf, emptyDraft, type Draft } from './draft.ts';
import { RecordForm } from './RecordForm.tsx';
import './knowledge-bank.css';

interface Start {
  draft: Draft;
  recordId?: string | undefined;
  name?: string | undefined;
}

async function loadStart(recordId: string | null, revisionId: string | null): Promise<Start> {
  if (revisionId) {
    const revision = await call(knowledgeApi.revision, { params: { id: revisionId } });
    return { draft: draftOf(revision.content), recordId: revision.record?.id, name: revision.record ? revision.content.nameSv : undefined };
  }
  if (recordId) {
    const record = await call(knowledgeApi.recordContent, { params: { id: recordId } });
    return { draft: draftOf(record.content), recordId: record.recordId, name: record.content.nameSv };
  }
  return { draft: emptyDraft };
}

/** The published methods an example may link to; null when they cannot be loaded (the form works without them). */
async function loadMethods(): Promise<{ id: string; nameSv: string; nameEn: string }[] | null> {
  try {
    return (await call(knowledgeApi.methods)).items;
  } catch {
    return null;
  }
}

export default function SubmitPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const recordId = params.get('record');
  const revisionId = params.get('revision');
  const start = useLoad(async () => {
    const [begin, methods, municipalities] = await Promise.all([
      loadStart(recordId, revisionId),
      loadMethods(),
      call(knowledgeApi.municipalities),
    ]);
    return { ...begin, methods, municipalities: municipalities.items };
  }, `${recordId}|${revisionId}`);
  const title = start.data?.name ? t('knowledgeBank.editTitle', { name: start.data.name }) : t('knowledgeBank.submitTitle');
  useTitle(title);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (draft: Draft) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(knowledgeApi.submit, {
        body: { ...(start.data?.recordId ? { recordId: start.data.recordId } : {}), content: contentOf(draft) },
      });
      void navigate('/forslag', { state: { sent: true } });
    } catch (e) {
      setError(e);
      setTimeout(() => document.getElementById('kb-error-summary')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{title}</h1>
      <p>{t('knowledgeBank.submitIntro')}</p>
      {start.loading && !start.data && <Loading />}
      {start.error !== undefined && <ErrorMessage error={start.error} />}
      {start.data && (
        <RecordForm
          key={`${recordId}|${revisionId}`}
          initial={start.data.draft}
          methods={start.data.methods}
          municipalities={start.data.municipalities}
          error={error}
          busy={busy}
          onSubmit={(d) => void submit(d)}
        />
      )}
    </>
  );
}
