import type { Barrier } from '../../engine/network/barrier.ts';
import { compactNumber } from '../../render/chart/format.ts';

/** What the line's sentence says of one loss (training or test) between ends named `a` and `b`. */
function lossClause(barrier: Barrier | null, what: string, a: string, b: string): string {
  if (!barrier) return `The ${what} loss is not finite somewhere between them: no barrier to read.`;
  const { start, end, peak, peakT, height } = barrier;
  const higher = start >= end ? `${a}’s, ${compactNumber(start)}` : `${b}’s, ${compactNumber(end)}`;
  if (height > 0) {
    return (
      `The ${what} loss has a barrier of ${compactNumber(height)}: it rises to ` +
      `${compactNumber(peak)} at t = ${compactNumber(peakT)}, above the higher end (${higher}).`
    );
  }
  return `No ${what} barrier: the ${what} loss never rises above the higher end (${higher}) between them.`;
}

/**
 * The line's text alternative, computed from its numbers: the ends' training losses, then the
 * training loss's barrier (the highest loss on [0, 1] minus the higher end's) or its absence, and
 * the test loss's when there is a test set.
 */
export function lineSentence(
  a: string,
  b: string,
  train: Barrier | null,
  test: Barrier | null | undefined,
): string {
  const ends = train
    ? `Training loss ${compactNumber(train.start)} at ${a}’s end (t = 0) and ` +
      `${compactNumber(train.end)} at ${b}’s (t = 1). `
    : '';
  const testPart = test === undefined ? '' : ` ${lossClause(test, 'test', a, b)}`;
  return `${ends}${lossClause(train, 'training', a, b)}${testPart}`;
}

/** The hovered sample in words: "t = 0.45: training loss 0.123, test loss 0.234". */
export function lineReadout(
  t: Float64Array,
  train: Float64Array,
  test: Float64Array | null,
  k: number | null,
): string {
  if (k === null || k < 0 || k >= t.length) return 'Hover the chart to read t and the losses.';
  const testPart = test ? `, test loss ${compactNumber(test[k]!)}` : '';
  return `t = ${compactNumber(t[k]!)}: training loss ${compactNumber(train[k]!)}${testPart}`;
}
