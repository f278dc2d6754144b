/** The CSRF header's value (double submit): the `fullfolj_csrf` cookie, or '1' before sign-in. */
export function csrfToken(): string {
  const match = document.cookie.split('; ').find((c) => c.startsWith('fullfolj_csrf='));
  // Before sign-in there is no cookie: any non-empty header proves the request came from a script of ours.
  return match ? decodeURIComponent(match.slice('fullfolj_csrf='.length)) : '1';
}
