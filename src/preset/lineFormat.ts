/** Numbers to print: a Float64Array or an array. */
type Numbers = Pick<readonly number[], 'join'>;

/**
 * The losses along the line between two runs' ends as `descent-lab slice --plane line` prints
 * them: `{"plane":"line","from":K,"to":L,"t":[...],"train_loss":[...],"test_loss":[...]}` (no
 * test_loss without a test set), numbers in JavaScript's shortest round-trip form. The page's
 * "Line as JSON" saves the same text.
 */
export function* lineJsonChunks(
  from: number,
  to: number,
  t: Numbers,
  train: Numbers,
  test: Numbers | null,
): Generator<string, void, undefined> {
  yield `{"plane":"line","from":${from},"to":${to},"t":[${t.join(',')}],`;
  yield `\n"train_loss":[${train.join(',')}]`;
  if (test) yield `,\n"test_loss":[${test.join(',')}]`;
  yield '}\n';
}
