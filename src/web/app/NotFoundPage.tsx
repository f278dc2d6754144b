/** Any address the app does not know. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTitle } from '../shared/states.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t('common.notFoundTitle'));
  return (
    <>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>
        {t('common.notFoundText')} <Link to="/">{t('common.start')}</Link>
      </p>
    </>
  );
}
