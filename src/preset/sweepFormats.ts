import { axisValues, cellCount, cellIndices, runsOf } from '../engine/sweep/index.ts';
import type { SweepColumns, SweepPlan } from '../engine/sweep/types.ts';
import { jsonNumber } from './jsonNumber.ts';

/**
 * Called before cells [from, to) are written, so a caller can compute them just then (the command
 * line does, to stream a sweep as it is computed); the page passes nothing, its columns are filled.
 */
export type FillCells = (from: number, to: number) => void;

// Cells are written in chunks of this many, to keep a large sweep out of one string.
const CELLS_PER_CHUNK = 256;

/** The metric columns, in the order both formats write them. */
export const SWEEP_COLUMNS = [
  'label',
  'final_loss',
  'best_loss',
  'steps_to_tol',
  'basin',
  'diverged_at',
] as const;

/**
 * `{"axes":[{"path","values":[…]}],"cells":[{"at":[i,j],"values":[…],"runs":[{"label",
 * "final_loss","best_loss","steps_to_tol","basin","diverged_at"}]}]}`, a chunk at a time, one cell
 * a line. Cells are numbered axis 0 major; runs are the plan's optimizers in order. A loss that is
 * not a number, and "never" or "none" (−1 in the columns), are written as null. Numbers are
 * JavaScript's shortest round-trip form, so reading them back gives the same doubles.
 */
export function* sweepJsonChunks(
  plan: SweepPlan,
  columns: SweepColumns,
  fill?: FillCells,
): Generator<string, void, undefined> {
  const axes = plan.axes.map((a) => ({ path: a.path, values: Array.from(axisValues(a)) }));
  yield `{"axes":${JSON.stringify(axes)},"cells":[`;
  const labels = labelsOf(plan).map((l) => JSON.stringify(l));
  yield* cellChunks(plan, columns, fill, (cell, at, values) => {
    let runs = '';
    for (let r = 0; r < columns.runs; r++) {
      const e = cell * columns.runs + r;
      runs +=
        `${r ? ',' : ''}{"label":${labels[r]},"final_loss":${jsonNumber(columns.finalLoss[e]!)},` +
        `"best_loss":${jsonNumber(columns.bestLoss[e]!)},"steps_to_tol":${jsonIndex(columns.stepsToTol[e]!)},` +
        `"basin":${jsonIndex(columns.basin[e]!)},"diverged_at":${jsonIndex(columns.divergedAt[e]!)}}`;
    }
    const sep = cell ? ',' : '';
    return `${sep}\n{"at":[${at.join(',')}],"values":[${values.join(',')}],"runs":[${runs}]}`;
  });
  yield '\n]}\n';
}

/**
 * A header, then one row per cell and optimizer: the axis paths' values, then label, final_loss,
 * best_loss, steps_to_tol, basin, diverged_at (empty for null), a chunk at a time.
 */
export function* sweepCsvChunks(
  plan: SweepPlan,
  columns: SweepColumns,
  fill?: FillCells,
): Generator<string, void, undefined> {
  yield `${[...plan.axes.map((a) => csvText(a.path)), ...SWEEP_COLUMNS].join(',')}\n`;
  const labels = labelsOf(plan).map(csvText);
  yield* cellChunks(plan, columns, fill, (cell, _, values) => {
    const lead = values.join(',');
    let rows = '';
    for (let r = 0; r < columns.runs; r++) {
      const e = cell * columns.runs + r;
      rows +=
        `${lead},${labels[r]},${csvNumber(columns.finalLoss[e]!)},${csvNumber(columns.bestLoss[e]!)},` +
        `${csvIndex(columns.stepsToTol[e]!)},${csvIndex(columns.basin[e]!)},${csvIndex(columns.divergedAt[e]!)}\n`;
    }
    return rows;
  });
}

/** The whole JSON text of a computed sweep. */
export const sweepJsonText = (plan: SweepPlan, columns: SweepColumns): string =>
  [...sweepJsonChunks(plan, columns)].join('');

/** The whole CSV text of a computed sweep: the page's "cells as CSV". */
export const sweepCsvText = (plan: SweepPlan, columns: SweepColumns): string =>
  [...sweepCsvChunks(plan, columns)].join('');

/** The label of each run of the plan, in order. */
const labelsOf = (plan: SweepPlan): string[] =>
  runsOf(plan).map((i) => plan.scene.optimizers[i]!.label);

/** Each cell's text by `write(cell, its indices, its axis values)`, CELLS_PER_CHUNK to a chunk. */
function* cellChunks(
  plan: SweepPlan,
  columns: SweepColumns,
  fill: FillCells | undefined,
  write: (cell: number, at: Int32Array, values: readonly number[]) => string,
): Generator<string, void, undefined> {
  const cells = cellCount(plan.axes);
  if (columns.cells !== cells) throw new Error(`columns of ${columns.cells} cells for ${cells}`);
  const axisValuesOf = plan.axes.map(axisValues);
  const at = new Int32Array(plan.axes.length);
  const values = new Array<number>(plan.axes.length);
  for (let start = 0; start < cells; start += CELLS_PER_CHUNK) {
    const end = Math.min(cells, start + CELLS_PER_CHUNK);
    fill?.(start, end);
    let chunk = '';
    for (let cell = start; cell < end; cell++) {
      cellIndices(plan.axes, cell, at);
      for (let a = 0; a < at.length; a++) values[a] = axisValuesOf[a]![at[a]!]!;
      chunk += write(cell, at, values);
    }
    yield chunk;
  }
}

const jsonIndex = (i: number): string => (i < 0 ? 'null' : String(i));
const csvNumber = (v: number): string => (Number.isFinite(v) ? String(v) : '');
const csvIndex = (i: number): string => (i < 0 ? '' : String(i));

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A label a spreadsheet
 * would run as a formula (=, +, -, @ first) is quoted with a leading apostrophe, as OWASP advises.
 */
function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
