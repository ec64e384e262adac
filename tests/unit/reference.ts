import { readFileSync } from 'node:fs';

/** One run of a PyTorch reference case. */
export interface ReferenceRun {
  diverged_at: number | null;
  resolved: Record<string, unknown>;
  lrs: number[];
  points: [number, number, number][];
}

/** One PyTorch reference case: a preset and the trajectories torch computed for it. */
export interface ReferenceCase {
  name: string;
  description: string;
  tolerance: number;
  preset: Record<string, unknown>;
  runs: ReferenceRun[];
}

/** Path of the PyTorch reference file (see tests/fixtures/reference/README.md). */
export const referencePath = new URL('../fixtures/reference/trajectories.json', import.meta.url);

/** The reference cases. */
export const referenceCases: ReferenceCase[] = JSON.parse(
  readFileSync(referencePath, 'utf8'),
).cases;

/** A computed run in the comparison's terms. */
export interface ActualRun {
  points: ArrayLike<readonly number[]>;
  lrs: ArrayLike<number>;
  divergedAt: number | null;
}

/**
 * The reference README's comparison rule. Returns null when the run matches, else the first
 * difference, with the worst scaled error seen when it matches in `worst`.
 */
export function compareRun(
  expected: ReferenceRun,
  actual: ActualRun,
  tol: number,
): { mismatch: string | null; worst: number } {
  let worst = 0;
  const fail = (mismatch: string) => ({ mismatch, worst });
  if (actual.divergedAt !== expected.diverged_at) {
    return fail(`diverged_at ${actual.divergedAt}, expected ${expected.diverged_at}`);
  }
  const E = expected.points;
  if (actual.points.length !== E.length)
    return fail(`${actual.points.length} points, expected ${E.length}`);
  for (let k = 0; k < E.length; k++) {
    for (let c = 0; c < 3; c++) {
      const e = E[k]![c]!;
      const a = actual.points[k]![c]!;
      const err = Math.abs(a - e) / Math.max(1, Math.abs(e));
      if (!(err <= tol))
        return fail(
          `point ${k}[${c}] = ${a}, expected ${e} (scaled error ${err.toExponential(2)})`,
        );
      worst = Math.max(worst, err);
    }
  }
  const L = expected.lrs;
  if (actual.lrs.length !== L.length) return fail(`${actual.lrs.length} lrs, expected ${L.length}`);
  const scale = Math.max(...L.map(Math.abs));
  for (let k = 0; k < L.length; k++) {
    const err = Math.abs(actual.lrs[k]! - L[k]!) / Math.max(Math.abs(L[k]!), scale);
    if (!(err <= tol))
      return fail(
        `lrs[${k}] = ${actual.lrs[k]}, expected ${L[k]} (relative error ${err.toExponential(2)})`,
      );
  }
  return { mismatch: null, worst };
}
