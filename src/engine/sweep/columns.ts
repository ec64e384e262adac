import type { SweepColumns } from './types.ts';

/** Columns for `cells` × `runs` entries, every metric unset (NaN, −1), paths when `keep` is set. */
export function createColumns(cells: number, runs: number, keep?: number): SweepColumns {
  const n = cells * runs;
  const nan = () => new Float64Array(n).fill(NaN);
  const none = () => new Int32Array(n).fill(-1);
  const paths =
    keep === undefined
      ? {}
      : {
          pathX: new Float64Array(n * keep).fill(NaN),
          pathY: new Float64Array(n * keep).fill(NaN),
        };
  return {
    cells,
    runs,
    finalLoss: nan(),
    bestLoss: nan(),
    stepsToTol: none(),
    basin: none(),
    divergedAt: none(),
    endX: nan(),
    endY: nan(),
    ...paths,
  };
}

/** True when `columns` have the shape createColumns(cells, runs, keep) gives, so may be reused. */
export const columnsFit = (
  columns: SweepColumns,
  cells: number,
  runs: number,
  keep?: number,
): boolean =>
  columns.cells === cells &&
  columns.runs === runs &&
  columns.pathX?.length === (keep === undefined ? undefined : cells * runs * keep);
