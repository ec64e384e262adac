import { jsonNumbers } from './jsonNumber.ts';

/** Numbers to print: a Float64Array or an array. */
type Numbers = ArrayLike<number>;

/**
 * The losses along the line between two runs' ends as `descent-lab slice --plane line` prints
 * them: `{"plane":"line","from":K,"to":L,"t":[...],"train_loss":[...],"test_loss":[...]}` (no
 * test_loss without a test set), numbers in JavaScript's shortest round-trip form, a loss that
 * overflowed (far out on the line, past a run's end) null. The page's "Line as JSON" saves the
 * same text.
 */
export function* lineJsonChunks(
  from: number,
  to: number,
  t: Numbers,
  train: Numbers,
  test: Numbers | null,
): Generator<string, void, undefined> {
  yield `{"plane":"line","from":${from},"to":${to},"t":[${jsonNumbers(t)}],`;
  yield `\n"train_loss":[${jsonNumbers(train)}]`;
  if (test) yield `,\n"test_loss":[${jsonNumbers(test)}]`;
  yield '}\n';
}
