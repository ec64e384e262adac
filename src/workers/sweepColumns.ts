import type { SweepColumns } from '../engine/sweep/types.ts';

/** The columns with one entry per run, by name. */
export const PER_RUN = [
  'finalLoss',
  'bestLoss',
  'stepsToTol',
  'basin',
  'divergedAt',
  'endX',
  'endY',
] as const;
/** The columns with `keep` entries per run. */
export const PER_POINT = ['pathX', 'pathY'] as const;

type Column = Float64Array | Int32Array;

/** Entries `width` wide: `to[at[k]]` = `from[k]` (scatter) or `to[k]` = `from[at[k]]` (gather). */
function move(from: Column, to: Column, at: Int32Array, width: number, scatter: boolean): void {
  for (let k = 0; k < at.length; k++) {
    const cell = at[k]!;
    const src = (scatter ? k : cell) * width;
    const dst = (scatter ? cell : k) * width;
    for (let w = 0; w < width; w++) to[dst + w] = from[src + w]!;
  }
}

/** Copies entries between compact part columns and whole-sweep columns, column by column. */
function copy(from: SweepColumns, to: SweepColumns, at: Int32Array, scatter: boolean): void {
  const runs = from.runs;
  for (const key of PER_RUN) move(from[key], to[key], at, runs, scatter);
  for (const key of PER_POINT) {
    const a = from[key];
    const b = to[key];
    // `keep` points for each run of a cell.
    if (a && b) move(a, b, at, a.length / from.cells, scatter);
  }
}

/** Writes the entries of `cells` from the whole sweep `all` into the compact `part`, in order. */
export const gatherCells = (all: SweepColumns, cells: Int32Array, part: SweepColumns): void =>
  copy(all, part, cells, false);

/** Writes the compact `part` (cells listed in `cells`) into the whole sweep `all`, in place. */
export const scatterCells = (part: SweepColumns, cells: Int32Array, all: SweepColumns): void =>
  copy(part, all, cells, true);

/** The buffers of every column, to transfer with a message. */
export function columnBuffers(columns: SweepColumns): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const key of [...PER_RUN, ...PER_POINT]) {
    const column = columns[key];
    if (column) out.push(column.buffer as ArrayBuffer);
  }
  return out;
}
