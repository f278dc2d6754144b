/** Output for CLI commands: human text by default, one JSON document on stdout with --json. */

export interface OutputOptions {
  json?: boolean;
}

/** Prints `json` as JSON when --json was given, otherwise the human text. */
export function printResult(opts: OutputOptions, json: unknown, human: () => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

/** Progress and diagnostics go to stderr, so that --json output stays parseable. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
