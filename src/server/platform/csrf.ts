/**
 * CSRF protection for cookie sessions: every state-changing request must carry the header
 * `X-Fullfolj-CSRF`, and once signed in its value must equal the `fullfolj_csrf` cookie (double submit).
 * A cross-site form cannot set a custom header, and a cross-site script cannot read the cookie.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { HttpError } from './errors.ts';
import { sessionCookie } from './sessions.ts';

export const csrfCookie = 'fullfolj_csrf';
export const csrfHeader = 'x-fullfolj-csrf';

/** A fresh token for the csrf cookie (readable by the web app, which echoes it in the header). */
export const newCsrfToken = () => randomBytes(24).toString('base64url');

/** Throws 403 when a state-changing request lacks a matching CSRF header. */
export function checkCsrf(req: FastifyRequest): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const header = req.headers[csrfHeader];
  const cookie = req.cookies[csrfCookie];
  const hasSession = Boolean(req.cookies[sessionCookie]);
  const ok = typeof header === 'string' && header.length > 0 && (cookie || hasSession ? same(header, cookie ?? '') : true);
  if (!ok) throw new HttpError(403, 'Begäran saknar giltig CSRF-token (X-Fullfolj-CSRF).');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
