/**
 * Slows down guessing of one username from one client, without ever locking the account out: the key is the
 * lower-cased username together with the client IP (stored only as a sha256), so the right password from another
 * client is never refused because someone else guessed. After `failuresBeforeDelay` failures each further attempt
 * must wait 2^(failures − failuresBeforeDelay) seconds, at most 15 minutes, after the last failure; throttled
 * attempts are answered before the password is checked and do not count as failures. The state lives in the
 * database (`sign_in_failures`), so it holds across processes; an advisory lock per key serializes one client's
 * attempts at one username, so concurrent guesses cannot slip past the check. Per-IP request limits stay with
 * @fastify/rate-limit.
 */
import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { signInFailures } from '../../db/schema/index.ts';
import { HttpError } from '../../platform/errors.ts';

/** The longest wait between attempts, in seconds. */
export const maxDelaySeconds = 15 * 60;
/** Rows whose last failure is older than this are pruned. */
export const idleRowLifetimeMs = 24 * 3_600_000;
/** At most about this many rows are kept (the ones with the oldest failures go first). */
export const maxRows = 10_000;

/** The stored key of a (username, client) pair: sha256 of the lower-cased username and the IP. */
export function throttleKey(username: string, ip: string): string {
  // A username is one line (no line breaks), so the separator cannot be forged from either side.
  return createHash('sha256').update(`${username.toLowerCase()}\n${ip}`).digest('hex');
}

/** The wait after `failures` failures: 0 below the threshold, then 1, 2, 4 … seconds, capped at 15 minutes. */
export function delaySeconds(failures: number, failuresBeforeDelay: number): number {
  if (failures < failuresBeforeDelay) return 0;
  return Math.min(2 ** (failures - failuresBeforeDelay), maxDelaySeconds);
}

/** Whole seconds still to wait at `now`, or 0 when an attempt may be made. */
export function secondsToWait(row: { failures: number; lastFailureAt: string }, now: Date, failuresBeforeDelay: number): number {
  const delay = delaySeconds(row.failures, failuresBeforeDelay);
  const remainingMs = new Date(row.lastFailureAt).getTime() + delay * 1000 - now.getTime();
  return remainingMs <= 0 ? 0 : Math.min(delay, Math.ceil(remainingMs / 1000));
}

/** "om 40 sekunder", "om 1 minut", "om 15 minuter". */
function inSwedish(seconds: number): string {
  if (seconds < 60) return `om ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`;
  const minutes = Math.ceil(seconds / 60);
  return `om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`;
}

/** 429 for a throttled sign-in: plain Swedish, says when to try again, and nothing about the username. */
export class SignInThrottled extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, `För många misslyckade inloggningsförsök. Vänta och försök igen ${inSwedish(retryAfterSeconds)}.`);
  }
}

/**
 * Takes the key's lock for the rest of the transaction and returns the seconds the client must still wait
 * (0: go ahead and check the password).
 */
export async function lockAndCheck(tx: DbOrTx, key: string, now: Date, failuresBeforeDelay: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('auth.sign-in'), hashtext(${key}))`);
  const [row] = await tx.select().from(signInFailures).where(eq(signInFailures.key, key));
  return row ? secondsToWait(row, now, failuresBeforeDelay) : 0;
}

/** Counts one more failure for the key at `now`, and prunes old rows. */
export async function recordFailure(tx: DbOrTx, key: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx
    .insert(signInFailures)
    .values({ key, failures: 1, lastFailureAt: at })
    .onConflictDoUpdate({ target: signInFailures.key, set: { failures: sql`${signInFailures.failures} + 1`, lastFailureAt: at } });
  await pruneFailures(tx, now);
}

/** Forgets the key's failures (after a successful sign-in). */
export async function clearFailures(tx: DbOrTx, key: string): Promise<void> {
  await tx.delete(signInFailures).where(eq(signInFailures.key, key));
}

/** Deletes rows idle for more than a day, and beyond `cap` rows those with the oldest last failure. */
export async function pruneFailures(tx: DbOrTx, now: Date, cap = maxRows): Promise<void> {
  await tx.delete(signInFailures).where(lt(signInFailures.lastFailureAt, new Date(now.getTime() - idleRowLifetimeMs).toISOString()));
  await tx.execute(sql`
    DELETE FROM ${signInFailures}
     WHERE ${signInFailures.lastFailureAt} < (
       SELECT ${signInFailures.lastFailureAt} FROM ${signInFailures}
        ORDER BY ${signInFailures.lastFailureAt} DESC OFFSET ${cap - 1} LIMIT 1)`);
}
