/**
 * Caps of a sweep, here so the engine can check axes itself; src/preset/limits.ts re-exports them
 * for the preset and the command line.
 */

/** The most values one axis may take. */
export const MAX_SWEEP_AXIS = 256;
/** The most cells of one sweep (256², a full-resolution basin map). */
export const MAX_SWEEP_CELLS = 65_536;
/** The most optimizer steps of one sweep: cells × runs × steps. */
export const MAX_SWEEP_WORK = 2e9;
/** The most seeds of a seed ensemble. */
export const MAX_SEEDS = 500;
/** A basin map's resolution (starts per side) lies in [MIN_BASIN_RESOLUTION, MAX_BASIN_RESOLUTION]. */
export const MIN_BASIN_RESOLUTION = 8;
export const MAX_BASIN_RESOLUTION = 256;
/** Coordinates (start, view) stay within ±MAX_COORD: the preset's bound, which the engine checks too. */
export const MAX_COORD = 1e6;
/** Noise seeds are 32-bit unsigned integers. */
export const MAX_SEED = 2 ** 32 - 1;
/** The largest gradient-noise σ a preset accepts. */
export const MAX_SIGMA = 1e6;
