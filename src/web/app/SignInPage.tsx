/** Sign-in: username and password (local accounts), and the organisation's identity provider when configured. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { authApi, type Providers } from '../../shared/auth/contract.ts';
import { ApiError, call } from '../shared/api.ts';
import { useSession } from '../shared/session.tsx';
import { useTitle } from '../shared/states.tsx';
import { LanguageSwitch } from './Layout.tsx';

type Field = 'username' | 'password';

export function SignInPage() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(params.get('fel') ? t('common.signIn.oidcFailed') : null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [working, setWorking] = useState(false);
  const [providers, setProviders] = useState<Providers | null>(null);
  useTitle(t('common.signIn.title'));
  useEffect(() => {
    // Servers without OIDC may not have the endpoint: then only the local form.
    call(authApi.providers).then(setProviders, () => setProviders(null));
  }, []);
  if (me) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setWorking(true);
    setError(null);
    setProblems({});
    try {
      await call(authApi.signIn, { body: { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') } });
      await refresh();
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } catch (e) {
      // A refused field (its message names it, in the page's language) at the field; anything else above the form.
      const atFields: Partial<Record<Field, string>> = {};
      for (const f of e instanceof ApiError ? e.fields : [])
        if (f.field === 'username' || f.field === 'password') atFields[f.field] = f.message;
      if (Object.keys(atFields).length) setProblems(atFields);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  }

  const described = (field: Field) => (problems[field] ? { 'aria-describedby': `${field}-error`, 'aria-invalid': true } : {});
  const problemAt = (field: Field) =>
    problems[field] && (
      <p id={`${field}-error`} className="field-error">
        {problems[field]}
      </p>
    );
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <span className="brand">{t('common.appName')}</span>
        <LanguageSwitch />
      </div>
      <h1>{t('common.signIn.title')}</h1>
      <p>{t('common.signIn.intro')}</p>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {providers?.oidc && (
        <>
          <p>
            <a className="button" href={providers.oidc.startUrl}>
              {t('common.signIn.withProvider', { label: providers.oidc.label })}
            </a>
          </p>
          <p className="muted">{t('common.signIn.or')}</p>
        </>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="username">{t('common.signIn.username')}</label>
        <input id="username" name="username" autoComplete="username" required {...described('username')} />
        {problemAt('username')}
        <label htmlFor="password">{t('common.signIn.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required {...described('password')} />
        {problemAt('password')}
        <button type="submit" disabled={working}>
          {working ? t('common.signIn.working') : t('common.signIn.submit')}
        </button>
      </form>
      <p>
        <a href="/kunskapsbank">{t('common.signIn.publicBank')}</a>
      </p>
    </main>
  );
}
