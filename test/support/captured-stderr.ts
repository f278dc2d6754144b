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
