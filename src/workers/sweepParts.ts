import type { SweepPlan } from '../engine/sweep/types.ts';

/** Some cells of a sweep, computed together by one worker. */
export interface Part {
  /** Its index in the run's order (coarse levels first). */
  readonly index: number;
  /** The level its cells come from: 1 is the coarsest. */
  readonly level: number;
  readonly cells: Int32Array;
}

/**
 * Steps (cells × runs × steps) in one part at most: ≈ 20–50 ms of work, so a newer request waits
 * for at most that long, and progress shows several times per level.
 */
export const PART_STEPS = 2e6;

/**
 * Splits the levels of a sweep (levelsOf) into parts, in order: each level in at least as many
 * parts as there are workers (the coarse picture comes from all of them at once), and in more
 * where a part would exceed PART_STEPS.
 */
export function partsOf(
  plan: SweepPlan,
  runs: number,
  levels: readonly Int32Array[],
  workers: number,
): Part[] {
  const stepsPerCell = Math.max(1, runs * (plan.scene.steps + 1));
  const parts: Part[] = [];
  levels.forEach((cells, k) => {
    if (cells.length === 0) return;
    const pieces = Math.min(
      cells.length,
      Math.max(workers, Math.ceil((cells.length * stepsPerCell) / PART_STEPS)),
    );
    const size = Math.ceil(cells.length / pieces);
    for (let from = 0; from < cells.length; from += size) {
      // A copy, not a view: a posted view would carry its whole buffer along.
      parts.push({ index: parts.length, level: k + 1, cells: cells.slice(from, from + size) });
    }
  });
  return parts;
}
