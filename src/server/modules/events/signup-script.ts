/**
 * The event page's sign-up script, served from this site (the pages' CSP allows only own scripts): it posts the form
 * as JSON to the public sign-up endpoint with the CSRF header (the cookie's value when a session exists), and shows
 * the answer in the page's live region, marking the field a refusal names.
 */
export const signupScript = `
const form = document.getElementById('ev-signup');
const out = document.getElementById('ev-result');
if (form && out) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('fullfolj_csrf='));
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    out.textContent = '';
    const res = await fetch(form.dataset.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fullfolj-csrf': cookie ? decodeURIComponent(cookie.split('=')[1]) : '1', 'accept-language': document.documentElement.lang },
      body: JSON.stringify(data),
    });
    const body = await res.json().catch(() => ({}));
    if (res.ok) {
      const p = document.createElement('p');
      p.textContent = body.message;
      const a = document.createElement('a');
      a.href = body.calendarHref;
      a.textContent = form.dataset.calendar;
      out.append(p, a);
      out.className = 'ev-notice ev-ok';
      form.reset();
      a.focus();
      return;
    }
    out.className = 'ev-notice ev-error';
    out.textContent = body.error || body.message || form.dataset.failed;
    for (const f of body.fields || []) {
      const el = form.elements.namedItem(f.field);
      if (el) el.setAttribute('aria-invalid', 'true');
    }
  });
}
`;
