/**
 * Failed sign-ins per username, in memory (per server process): after `limit` failures within the
 * window the username is refused until the window has passed, whatever the password. Per-IP limits
 * are @fastify/rate-limit's; this one stops a spread-out guessing of one account.
 */
export interface UsernameThrottle {
  isBlocked(username: string, now: Date): boolean;
  recordFailure(username: string, now: Date): void;
  reset(username: string): void;
}

const windowMs = 15 * 60_000;

/** A throttle allowing `limit` failures per username per 15 minutes. */
export function createUsernameThrottle(limit: number): UsernameThrottle {
  const failures = new Map<string, number[]>();
  const recent = (username: string, now: Date) =>
    (failures.get(username) ?? []).filter((t) => now.getTime() - t < windowMs);
  return {
    isBlocked: (username, now) => recent(username, now).length >= limit,
    recordFailure(username, now) {
      failures.set(username, [...recent(username, now), now.getTime()]);
    },
    reset(username) {
      failures.delete(username);
    },
  };
}
