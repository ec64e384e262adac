import type { SweepColumns } from '../engine/sweep/types.ts';
import { DIVERGED, SHADES, UNCONVERGED, shadeIndex, stepShade } from './basinColours.ts';

/**
 * What a basin map's cells mean, read from a sweep's columns (one run per cell): the palette index
 * of each start, the raster of a progressive sweep, and the tally of where the starts went.
 */

/** How a basin map reads its runs: their length, and whether the function's minima are known. */
export interface BasinReading {
  /** Steps of every run (the scene's). */
  readonly steps: number;
  /**
   * True when the function has known minima: then a run counts only once f came within tol
   * (steps_to_tol ≥ 0); a typed function's clusters have no tol, so its runs take a middle shade.
   */
  readonly known: boolean;
}

/** The palette index of the run at `entry` (see basinColours). */
export function cellIndex(columns: SweepColumns, entry: number, reading: BasinReading): number {
  if (columns.divergedAt[entry]! >= 0) return DIVERGED;
  const basin = columns.basin[entry]!;
  if (basin < 0) return UNCONVERGED;
  if (!reading.known) return shadeIndex(basin, SHADES >> 1);
  const k = columns.stepsToTol[entry]!;
  return k < 0 ? UNCONVERGED : shadeIndex(basin, stepShade(k, reading.steps));
}

/** How many minima (or clusters) the palette needs: the known ones, or the clusters found. */
export function basinCount(columns: SweepColumns, known: number): number {
  if (known > 0) return known;
  let most = -1;
  for (let e = 0; e < columns.basin.length; e++) most = Math.max(most, columns.basin[e]!);
  return most + 1;
}

/**
 * The computed cell nearest to (i, j) on an n × n grid: itself if computed, else the nearest
 * cell of the finest coarser grid (every 2nd, 4th, … value on each axis, and the last) that is;
 * −1 when none is. A progressive sweep computes every 8th cell first, so its picture starts as blocks.
 */
export function shownCell(level: Uint8Array, n: number, i: number, j: number): number {
  if (level[i * n + j]! > 0) return i * n + j;
  for (let s = 2; s < 2 * n; s *= 2) {
    // The nearest multiple of s, or the last index when that falls off the grid.
    const oi = Math.min(n - 1, (i + (s >> 1)) & ~(s - 1));
    const oj = Math.min(n - 1, (j + (s >> 1)) & ~(s - 1));
    const cell = oi * n + oj;
    if (level[cell]! > 0) return cell;
  }
  return -1;
}

/**
 * Fills `pixels` (n × n RGBA words, top row first) with the basin map: cell (i, j) — start x of
 * index i, start y of index j, cell = i·n + j as the sweep numbers them — at column i, row
 * n − 1 − j (y up). Cells not yet computed show their nearest computed coarse cell; with none, clear.
 */
export function fillBasinPixels(
  pixels: Uint32Array,
  n: number,
  columns: SweepColumns,
  level: Uint8Array,
  palette: Uint32Array,
  reading: BasinReading,
): void {
  const runs = columns.runs;
  for (let j = 0; j < n; j++) {
    const row = (n - 1 - j) * n;
    for (let i = 0; i < n; i++) {
      const cell = shownCell(level, n, i, j);
      pixels[row + i] = cell < 0 ? 0 : palette[cellIndex(columns, cell * runs, reading)]!;
    }
  }
}

/** Where the computed starts of a basin map went. */
export interface BasinTally {
  /** Starts that reached each minimum (within tol, or into its cluster). */
  readonly reached: number[];
  readonly diverged: number;
  readonly unconverged: number;
  /** Starts computed so far. */
  readonly total: number;
}

/** Counts the computed cells' runs (run `run` of each) by palette state, for `count` minima. */
export function basinTally(
  columns: SweepColumns,
  level: Uint8Array,
  count: number,
  reading: BasinReading,
  run = 0,
): BasinTally {
  const reached = new Array<number>(count).fill(0);
  let diverged = 0;
  let unconverged = 0;
  let total = 0;
  for (let cell = 0; cell < columns.cells; cell++) {
    if (level[cell] === 0) continue;
    total++;
    const index = cellIndex(columns, cell * columns.runs + run, reading);
    if (index === DIVERGED) diverged++;
    else if (index === UNCONVERGED) unconverged++;
    else reached[Math.floor((index - 3) / SHADES)]!++;
  }
  return { reached, diverged, unconverged, total };
}
