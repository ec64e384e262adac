import type { Examples } from './examples.ts';

/** The most rows a user's data set may have (a CSV or a preset's `fn.rows`). */
export const MAX_ROWS = 10_000;
/** The fewest: a model needs a training example and a mean over more than one to be a landscape. */
export const MIN_ROWS = 2;
/** The largest CSV file read: a bigger one is refused before any of it is read. */
export const MAX_CSV_BYTES = 50_000_000;
/** How many bad lines or rows a message lists before "and N more". */
export const SHOWN_PROBLEMS = 5;

/** Features per row of a user's model: x (regression) or x₁, x₂ (logistic regression). */
export type Inputs = 1 | 2;

/** The columns a row of `inputs` features holds, as a user reads them. */
export const columnNames = (inputs: Inputs): string => (inputs === 1 ? 'x, y' : 'x₁, x₂, label');

/**
 * What is wrong with one value of a row, or null: every value finite, a logistic regression's label
 * (its third column) 0 or 1. The CSV reader and the preset reader both say it in these words.
 */
export function valueProblem(value: number, column: number, inputs: Inputs): string | null {
  if (!Number.isFinite(value)) return `is not a finite number (${value})`;
  if (inputs === 2 && column === 2 && value !== 0 && value !== 1) {
    return `is a label, which must be 0 or 1, got ${value}`;
  }
  return null;
}

/** "has 3 values; a row here is x, y (2)": a row of the wrong width. */
export const widthProblem = (got: number, inputs: Inputs): string =>
  `has ${got} value${got === 1 ? '' : 's'}; a row here is ${columnNames(inputs)} (${inputs + 1})`;

/** "12,345 rows; at most 10,000" and the like: a data set of the wrong size, or null. */
export function countProblem(rows: number): string | null {
  if (rows < MIN_ROWS)
    return `has ${rows} row${rows === 1 ? '' : 's'}; at least ${MIN_ROWS} are needed`;
  if (rows > MAX_ROWS)
    return `has ${rows.toLocaleString('en')} rows; at most ${MAX_ROWS.toLocaleString('en')} are read`;
  return null;
}

/** The first SHOWN_PROBLEMS of `problems`, then "and N more" for the rest. */
export function listProblems(problems: readonly string[], total = problems.length): string[] {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const rest = total - shown.length;
  return rest > 0 ? [...shown, `and ${rest} more`] : shown;
}

/**
 * Columnar examples from `n` rows of `inputs + 1` values laid out row by row in `values`: a is x
 * (or x₁), b is x₂ (zeros for a regression), t the target or label. −0 becomes 0, as a preset
 * writes it, so a pasted data set and its link hold the same bits.
 */
export function examplesOf(values: ArrayLike<number>, n: number, inputs: Inputs): Examples {
  const width = inputs + 1;
  const [a, b, t] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    a[i] = values[i * width]! + 0;
    if (inputs === 2) b[i] = values[i * width + 1]! + 0;
    t[i] = values[i * width + inputs]! + 0;
  }
  return { n, a, b, t };
}
