/**
 * The browser entry: translations, styles, then the app. The first render is a transition, so React renders it in
 * short slices that leave the main thread free in between (a phone's first load stays responsive), not in one long task.
 */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './shared/base.css';
import './app/styles.css';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  startTransition(() =>
    app.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
