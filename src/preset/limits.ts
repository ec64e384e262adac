/** Caps that keep any scene within memory: 20 runs × 100,000 steps ≈ 64 MB of trajectories. */
export const MAX_STEPS = 100_000;
/** The most optimizers one scene may hold. */
export const MAX_OPTIMIZERS = 20;
/** The most later phases one optimizer entry may switch to. */
export const MAX_PHASES = 8;
/** Coordinates (start, view) stay within ±1e6. */
export const MAX_COORD = 1e6;
/** Longest label, in characters. */
export const MAX_LABEL = 60;
/**
 * Largest preset file the command line reads, in bytes: 1,000,000 for a scene, and 10,000 rows of
 * data as the page's export writes them (indented, a number a line: at most ~95 bytes a row).
 */
export const MAX_PRESET_BYTES = 2_000_000;
// The caps of a sweep live with the engine, which checks axes itself; the preset and the command
// line read them from here.
export {
  MAX_BASIN_RESOLUTION,
  MAX_SEEDS,
  MAX_SWEEP_AXIS,
  MAX_SWEEP_CELLS,
  MAX_SWEEP_WORK,
  MIN_BASIN_RESOLUTION,
} from '../engine/sweep/limits.ts';
