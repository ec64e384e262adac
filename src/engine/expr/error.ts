/** The message of the ExprError `run` throws, or null when it throws none. */
export function refusalOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    if (e instanceof ExprError) return e.message;
    throw e;
  }
}

/** Why a typed function was refused, and where: the module's one error type. */
export class ExprError extends Error {
  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    /** 1-based column in the typed text, or null when the problem has no one place. */
    readonly column: number | null = null,
  ) {
    super(column === null ? reason : `${reason} at column ${column}`);
    this.name = 'ExprError';
  }
}
