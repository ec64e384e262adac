import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Run } from '../../../src/engine/index.ts';

/**
 * The largest |actual − expected| / max(1, |expected|) between two tables of numbers of the same
 * shape (each row's length checked): how the PyTorch fixtures are compared.
 */
export function worstOf(
  actual: readonly (readonly number[])[],
  expected: readonly (readonly number[])[],
): number {
  let worst = 0;
  expected.forEach((row, k) => {
    expect(actual[k]).toHaveLength(row.length);
    row.forEach((e, j) => {
      worst = Math.max(worst, Math.abs(actual[k]![j]! - e) / Math.max(1, Math.abs(e)));
    });
  });
  return worst;
}

/** A run's points as the fixtures write them: x, y, f and, with a test set, test_f. */
export const pointRows = (run: Run): number[][] =>
  [...run.x].map((x, k) => [x, run.y[k]!, run.f[k]!, ...(run.testF ? [run.testF[k]!] : [])]);

/** A PyTorch fixture of tests/fixtures/<folder>/runs.json: cases of a preset and its runs. */
export interface TorchFixture<R> {
  readonly cases: readonly {
    readonly name: string;
    readonly preset: unknown;
    readonly runs: readonly R[];
  }[];
}

/** Reads tests/fixtures/<folder>/runs.json (see generate.py there for how PyTorch made it). */
export const readTorchFixture = <R>(folder: string): TorchFixture<R> =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/${folder}/runs.json`, import.meta.url), 'utf8'),
  ) as TorchFixture<R>;
