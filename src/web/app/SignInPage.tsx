/** Sign-in: username and password (local accounts), and the organisation's identity provider when configured. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../shared/api.ts';
import { useSession } from '../shared/session.tsx';
import { useTitle } from '../shared/states.tsx';
import { LanguageSwitch } from './Layout.tsx';

interface Providers { local: boolean; oidc: null | { label: string; startUrl: string } }

export function SignInPage() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(params.get('fel') ? t('common.signIn.oidcFailed') : null);
  const [working, setWorking] = useState(false);
  const [providers, setProviders] = useState<Providers | null>(null);
  useTitle(t('common.signIn.title'));
  useEffect(() => {
    // Servers without OIDC may not have the endpoint: then only the local form.
    api<Providers>('/api/auth/providers').then(setProviders, () => setProviders(null));
  }, []);
  if (me) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setWorking(true);
    setError(null);
    try {
      await api('/api/auth/sign-in', { method: 'POST', body: { username: form.get('username'), password: form.get('password') } });
      await refresh();
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top"><span className="brand">{t('common.appName')}</span><LanguageSwitch /></div>
      <h1>{t('common.signIn.title')}</h1>
      <p>{t('common.signIn.intro')}</p>
      {error && <p role="alert" className="notice notice-error">{error}</p>}
      {providers?.oidc && (
        <>
          <p><a className="button" href={providers.oidc.startUrl}>{t('common.signIn.withProvider', { label: providers.oidc.label })}</a></p>
          <p className="muted">{t('common.signIn.or')}</p>
        </>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="username">{t('common.signIn.username')}</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">{t('common.signIn.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={working}>{working ? t('common.signIn.working') : t('common.signIn.submit')}</button>
      </form>
      <p><a href="/kunskapsbank">{t('common.signIn.publicBank')}</a></p>
    </main>
  );
}
