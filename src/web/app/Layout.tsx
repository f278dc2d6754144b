/**
 * The frame of every signed-in page: skip link, header with the account, nav by role, language switch. On a narrow
 * screen (a phone) the menu folds behind a "Meny" button, so no page scrolls sideways.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { setLanguage, type Language } from '../i18n/index.ts';
import { modulePages } from '../modules/index.ts';
import { useSession } from '../shared/session.tsx';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other: Language = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <button type="button" className="link-button" lang={other} onClick={() => setLanguage(other)}>
      {other === 'en' ? 'English' : 'Svenska'}
      <span className="visually-hidden"> ({t('common.language')})</span>
    </button>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, signOut } = useSession();
  const entries = modulePages.filter((p) => p.navKey && me?.abilities.includes(p.permission));
  const [menuOpen, setMenuOpen] = useState(false);
  const close = () => setMenuOpen(false);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <span className="brand">{t('common.appName')}</span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('common.menu')}
        </button>
        <nav id="main-nav" aria-label={t('common.mainNav')} className={menuOpen ? 'open' : undefined}>
          <ul>
            <li>
              <NavLink to="/" end onClick={close}>
                {t('common.start')}
              </NavLink>
            </li>
            {entries.map((p) => (
              <li key={p.path}>
                <NavLink to={p.path} onClick={close}>
                  {t(p.navKey ?? '')}
                </NavLink>
              </li>
            ))}
            {/* The public knowledge bank is served by the server, not this app: a plain link, a full page load. */}
            <li>
              <a href="/kunskapsbank">{t('common.knowledgeBank')}</a>
            </li>
          </ul>
        </nav>
        <div className="account">
          <span>{me?.account.displayName}</span>
          <LanguageSwitch />
          <button type="button" onClick={() => void signOut().then(() => window.location.assign('/logga-in'))}>
            {t('common.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <nav aria-label={t('common.documentsNav')}>
          <a href={i18n.language.startsWith('en') ? '/tillganglighet?lang=en' : '/tillganglighet'}>{t('common.accessibilityStatement')}</a>{' '}
          · <a href={i18n.language.startsWith('en') ? '/behandlingar?lang=en' : '/behandlingar'}>{t('common.processingRecord')}</a>
        </nav>
      </footer>
    </>
  );
}
