/** The start page: the actor's roles and the pages their abilities open. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { modulePages } from '../modules/index.ts';
import { RemindersPanel } from '../modules/interventions/RemindersPanel.tsx';
import { useCan, useSession } from '../shared/session.tsx';
import { useTitle } from '../shared/states.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useTitle(t('common.start'));
  const canReadCases = useCan('interventions.read');
  const pages = modulePages.filter((p) => p.navKey && me?.abilities.includes(p.permission));
  return (
    <>
      <h1>{t('common.home.title', { name: me?.account.displayName })}</h1>
      {canReadCases && <RemindersPanel />}
      <h2>{t('common.home.roles')}</h2>
      <ul>
        {me?.roles.map((r) => (
          <li key={r.role}>{r.label}</li>
        ))}
      </ul>
      <h2>{t('common.home.whatYouCanDo')}</h2>
      {pages.length === 0 ? (
        <p>{t('common.home.nothingYet')}</p>
      ) : (
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <Link to={p.path}>{t(p.navKey ?? '')}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
