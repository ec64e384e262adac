import { NormalSource } from '../noise.ts';
import type { Params } from '../types.ts';

/**
 * Examples of a data set, columnar: inputs `a` (and `b` for two-feature models; zeros otherwise)
 * and the targets `t`.
 */
export interface Examples {
  readonly n: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly t: Float64Array;
}

/** A generated data set split in two: the first examples train, the rest test. */
export interface Dataset {
  readonly train: Examples;
  readonly test: Examples;
}

/** Draws example i's features and target from the generator: [a, b, t]. */
export type Draw = (source: NormalSource, params: Params) => readonly [number, number, number];

/** Training examples of `n` in all with a test share `test`: never fewer than one. */
export const trainSize = (n: number, test: number): number => n - Math.round(n * test);

/**
 * `params.n` examples drawn in order from the generator seeded with `params.seed`, the first
 * trainSize(n, test) of them for training, the rest for testing. The same seed gives the same
 * bits everywhere: the generator is integer arithmetic and the engine's portable logarithm.
 */
export function generate(params: Params, draw: Draw): Dataset {
  const n = params['n']!;
  const nTrain = trainSize(n, params['test']!);
  const source = new NormalSource(params['seed']!);
  const [a, b, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) [a[i], b[i], t[i]] = draw(source, params);
  return splitAt({ n, a, b, t }, nTrain);
}

/** The first `nTrain` examples for training and the rest for testing, as views of `all`. */
export function splitAt(all: Examples, nTrain: number): Dataset {
  const { n, a, b, t } = all;
  const part = (from: number, to: number): Examples => ({
    n: to - from,
    a: a.subarray(from, to),
    b: b.subarray(from, to),
    t: t.subarray(from, to),
  });
  return { train: part(0, nTrain), test: part(nTrain, n) };
}

/**
 * One data set per parameter object: a scene's parameters are an immutable value, and the minima,
 * the objective and the data views of one scene all ask for its data.
 */
export function memoized(draw: Draw): (params: Params) => Dataset {
  const sets = new WeakMap<Params, Dataset>();
  return (params) => {
    let set = sets.get(params);
    if (!set) sets.set(params, (set = generate(params, draw)));
    return set;
  };
}
