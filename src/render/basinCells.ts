import { clusterBasins, clusterScale } from '../engine/sweep/index.ts';
import type { Box } from '../engine/types.ts';
import type { SweepColumns } from '../engine/sweep/types.ts';
import type { SweepPicture } from './frame.ts';
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
  /** The shade of k steps to tol, k = 0 … steps (stepShade, looked up rather than a log per cell). */
  readonly shades: Uint8Array;
}

/** The reading of runs of `steps` steps, for a function whose minima are `known` or not. */
export function readingOf(steps: number, known: boolean): BasinReading {
  const shades = new Uint8Array(steps + 1);
  for (let k = 0; k <= steps; k++) shades[k] = stepShade(k, steps);
  return { steps, known, shades };
}

/** The palette index of the run at `entry` (see basinColours). */
export function cellIndex(columns: SweepColumns, entry: number, reading: BasinReading): number {
  if (columns.divergedAt[entry]! >= 0) return DIVERGED;
  const basin = columns.basin[entry]!;
  if (basin < 0) return UNCONVERGED;
  if (!reading.known) return shadeIndex(basin, SHADES >> 1);
  const k = columns.stepsToTol[entry]!;
  if (k < 0) return UNCONVERGED;
  const { shades } = reading;
  return shadeIndex(basin, shades[Math.min(k, shades.length - 1)]!);
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
  /** Starts whose run, not diverged, ended nearest each minimum, within tol or not. */
  readonly nearest: number[];
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
  const nearest = new Array<number>(count).fill(0);
  let diverged = 0;
  let unconverged = 0;
  let total = 0;
  for (let cell = 0; cell < columns.cells; cell++) {
    if (level[cell] === 0) continue;
    total++;
    const e = cell * columns.runs + run;
    const index = cellIndex(columns, e, reading);
    const basin = columns.basin[e]!;
    if (index !== DIVERGED && basin >= 0 && basin < count) nearest[basin]!++;
    if (index === DIVERGED) diverged++;
    else if (index === UNCONVERGED) unconverged++;
    else reached[Math.floor((index - 3) / SHADES)]!++;
  }
  return { reached, nearest, diverged, unconverged, total };
}

/**
 * The columns a basin map reads: the sweep's own when the function's minima are known; for a
 * typed function (no known minima), a copy whose `basin` numbers the clusters of the computed
 * runs' ends (engine clusterBasins, lowest end first). Cells not computed yet are left out of the
 * clusters, so the numbering may change as the map refines.
 */
export function readColumns(
  columns: SweepColumns,
  level: Uint8Array,
  known: boolean,
  view: Box,
): SweepColumns {
  if (known) return columns;
  const divergedAt = columns.divergedAt.slice();
  for (let cell = 0; cell < columns.cells; cell++) {
    // clusterBasins leaves diverged runs out: so are runs not computed yet.
    if (level[cell] === 0) divergedAt.fill(0, cell * columns.runs, (cell + 1) * columns.runs);
  }
  const clustered = { ...columns, divergedAt, basin: new Int32Array(columns.basin.length) };
  clusterBasins(clustered, clusterScale(view));
  return { ...columns, basin: clustered.basin };
}

/** A basin map ready to colour: the columns it reads, how, and how many minima (or clusters). */
export interface BasinMap {
  readonly columns: SweepColumns;
  readonly reading: BasinReading;
  readonly count: number;
}

/** The basin map of a sweep's picture, for a function with `known` known minima (0: typed). */
export function basinMap(picture: SweepPicture, known: number): BasinMap {
  const { view, steps } = picture.scene;
  const reading = readingOf(steps, known > 0);
  const columns = readColumns(picture.columns, picture.level, reading.known, view);
  return { columns, reading, count: basinCount(columns, known) };
}
