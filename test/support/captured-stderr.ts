/** Everything written to stderr from now until the test file ends (the server's log), to show what never reaches it. */
import { after } from 'node:test';

/** Starts capturing stderr (still passed through) and returns the captured chunks, restored after the file's tests. */
export function captureStderr(): string[] {
  const logged: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged.push(String(chunk));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  after(() => {
    process.stderr.write = write;
  });
  return logged;
}

/** Runs `fn`, capturing what is written to stdout and stderr meanwhile (passed through: the test runner reports there). */
export async function capturingOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  let output = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: unknown, ...rest: never[]) => {
    output += String(chunk);
    return out(chunk as string, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: never[]) => {
    output += String(chunk);
    return err(chunk as string, ...rest);
  }) as typeof process.stderr.write;
  try {
    return { result: await fn(), output };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
