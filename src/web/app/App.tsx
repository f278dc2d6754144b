/** The router: the start page, every module page behind its permission, and a not-found page. */
import { Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { modulePages } from '../modules/index.ts';
import { SessionProvider, useCan, useSession } from '../shared/session.tsx';
import { ErrorMessage, Loading } from '../shared/states.tsx';
import { ApiError } from '../shared/api.ts';
import { HomePage } from './HomePage.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The server-rendered sign-in page (src/server/modules/auth/sign-in-page.ts), asked to come back to `path` afterwards. */
function signInUrl(path = '/'): string {
  return path === '/' ? '/logga-in' : `/logga-in?till=${encodeURIComponent(path)}`;
}

/** Leaves the app for the sign-in page, remembering where the user was going. */
function ToSignIn({ from }: { from: string }) {
  useEffect(() => window.location.replace(signInUrl(from)), [from]);
  return <Loading />;
}

/** Signed-in pages only: otherwise to the sign-in page. */
function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <ToSignIn from={location.pathname + location.search} />;
  return <Layout>{children}</Layout>;
}

function Guarded({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan(permission);
  if (!can) return <ErrorMessage error={new ApiError(403, '')} />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route
            path="/"
            element={
              <RequireSession>
                <HomePage />
              </RequireSession>
            }
          />
          {modulePages.map(({ path, permission, component: Page }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequireSession>
                  <Guarded permission={permission}>
                    <Page />
                  </Guarded>
                </RequireSession>
              }
            />
          ))}
          <Route
            path="*"
            element={
              <RequireSession>
                <NotFoundPage />
              </RequireSession>
            }
          />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
