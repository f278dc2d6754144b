/**
 * The sign-in page's script (a Vite entry of its own, no framework): the page is rendered by the server
 * (src/server/modules/auth/sign-in-page.ts); this sends its form to POST /api/auth/sign-in, shows a refused field's
 * message at the field and anything else above the form, and on success goes on to the page the user asked for.
 * The language link also remembers the choice for the web app (the same localStorage key as src/web/i18n).
 */
import '../shared/base.css';
import './sign-in.css';
import { csrfToken } from '../shared/csrf.ts';

const languageKey = 'fullfolj.language';
const lang = document.documentElement.lang === 'en' ? 'en' : 'sv';

// The web app remembered another language and this URL does not ask for one: show the page in that language.
const remembered = localStorage.getItem(languageKey);
if ((remembered === 'en' || remembered === 'sv') && remembered !== lang && !new URLSearchParams(location.search).has('lang')) {
  const url = new URL(location.href);
  url.searchParams.set('lang', remembered);
  location.replace(url);
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language]'))
  link.addEventListener('click', () => localStorage.setItem(languageKey, link.dataset.language === 'en' ? 'en' : 'sv'));

const form = document.querySelector<HTMLFormElement>('form[data-sign-in]');
const alert = document.querySelector<HTMLElement>('[data-sign-in-error]');
if (form && alert) form.addEventListener('submit', (event) => void submit(event, form, alert));

type Field = 'username' | 'password';
const fields: Field[] = ['username', 'password'];

/** Shows `message` at the field (or hides its message). */
function problemAt(field: Field, message: string | null): void {
  const input = document.getElementById(field);
  const text = document.getElementById(`${field}-error`);
  if (!input || !text) return;
  text.textContent = message ?? '';
  text.hidden = !message;
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', text.id);
  } else {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

function showAlert(alert: HTMLElement, message: string | null): void {
  alert.textContent = message ?? '';
  alert.hidden = !message;
}

async function submit(event: SubmitEvent, form: HTMLFormElement, alert: HTMLElement): Promise<void> {
  event.preventDefault();
  const button = form.querySelector('button');
  const label = button?.textContent ?? '';
  const data = new FormData(form);
  showAlert(alert, null);
  for (const field of fields) problemAt(field, null);
  if (button) {
    button.disabled = true;
    button.textContent = form.dataset.working ?? label;
  }
  try {
    const res = await fetch('/api/auth/sign-in', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang, 'x-fullfolj-csrf': csrfToken() },
      body: JSON.stringify({ username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') }),
    });
    if (res.ok) {
      location.replace(form.dataset.next ?? '/');
      return;
    }
    const answer = (await res.json().catch(() => ({}))) as { error?: unknown; fields?: { field?: unknown; message?: unknown }[] };
    let atField = false;
    for (const problem of Array.isArray(answer.fields) ? answer.fields : []) {
      if ((problem.field === 'username' || problem.field === 'password') && typeof problem.message === 'string') {
        problemAt(problem.field, problem.message);
        atField = true;
      }
    }
    if (!atField) showAlert(alert, typeof answer.error === 'string' ? answer.error : (form.dataset.failed ?? ''));
  } catch {
    showAlert(alert, form.dataset.failed ?? '');
  } finally {
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  }
}
