/** Loading, error and empty states, announced to screen readers. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div role="alert" className="notice notice-error">
      <h2>{forbidden ? t('common.forbiddenTitle') : t('common.errorTitle')}</h2>
      <p>{forbidden ? t('common.forbiddenText') : error instanceof Error ? error.message : String(error)}</p>
    </div>
  );
}

export function EmptyState({ text }: { text: string }) {
  return <p className="notice">{text}</p>;
}

/** Loads `load()` whenever `key` changes: { data, error, loading }. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** Sets the page title: "<page> – Fullfölj". */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Fullfölj`;
  }, [title]);
}
