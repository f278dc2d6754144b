/** Password hashing with argon2id (@node-rs/argon2: prebuilt binaries, no build step). */
import { hash, verify } from '@node-rs/argon2';

// argon2id is the library's default algorithm (its enum is ambient-const, not importable here); a test asserts
// the $argon2id$ prefix. OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** An argon2id PHC string for `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified against when the username is unknown, so that timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoyHash ??= hashPassword('fullfolj-decoy-password');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
