/**
 * The value of a computation written as steps (a generator that yields where a worker may stop:
 * TaskedJob runs such a one a few steps a task), computed to its end at once, as the command line
 * and the tests want it.
 */
export function toEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
