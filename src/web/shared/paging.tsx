/** Paging and filters kept in the URL: the pager of every list page, and a setter that goes back to page 1. */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** The URL's search parameters and `set(key, value)`, which removes empty values and resets the page (`sida`). */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'sida') next.delete('sida');
    setParams(next);
  };
  return { params, set };
}

/** Previous / next with "page N of M"; nothing when everything fits on one page. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pageOf', { page, pages })}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
