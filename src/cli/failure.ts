/** Exit statuses of the command line (documented in --help and the README). */
export const EXIT = {
  /** Done; also when the reader of the output closed it early (`| head`). */
  ok: 0,
  /** The output could not be written, or a bug: one line on stderr. */
  failed: 1,
  /** A bad invocation or input: one line on stderr, nothing on stdout. */
  usage: 2,
} as const;

/** A bad invocation or input: reported as one line on stderr with exit status 2. */
export class UsageError extends Error {}

/** Writing the output failed: reported as one line with exit status 1. */
export class OutputError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The one stderr line and the exit status for anything `main` caught. */
export function failure(e: unknown): { line: string | null; status: number } {
  if (e instanceof UsageError) return { line: e.message, status: EXIT.usage };
  // A reader that stops early (`descent-lab run … | head`) wanted no more: nothing to report.
  if (e instanceof OutputError && e.code === 'EPIPE') return { line: null, status: EXIT.ok };
  if (e instanceof OutputError) return { line: e.message, status: EXIT.failed };
  return { line: internalError(e), status: EXIT.failed };
}

/** The line for an error nobody expected (a bug), without its stack trace. */
export const internalError = (e: unknown): string =>
  `internal error: ${oneLine(e)} (please report it)`;

/** An error's message on one line: a stack trace never reaches the user. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
