import type { Examples } from '../engine/data/examples.ts';
import {
  columnNames,
  countProblem,
  examplesOf,
  SHOWN_PROBLEMS,
  valueProblem,
  widthProblem,
  type Inputs,
} from '../engine/data/rows.ts';
import { describe } from './describe.ts';
import type { Reader } from './schema.ts';

/**
 * Reads `fn.rows`, a user's data set, from untrusted JSON: MIN_ROWS to MAX_ROWS rows, each a list
 * of `inputs + 1` finite numbers, a logistic regression's label 0 or 1. The rules and words are the
 * CSV reader's (engine/data/rows), with the field's path for the line number; the first few bad
 * rows are named, then "and N more".
 */
export function readRows(
  r: Reader,
  id: string,
  value: unknown,
  inputs: Inputs,
): Examples | undefined {
  const row = `[${columnNames(inputs)}]`;
  if (value === undefined) return r.fail('fn.rows', `is required for ${id}: a list of rows ${row}`);
  if (!Array.isArray(value)) {
    return r.fail('fn.rows', `must be a list of rows ${row}, got ${describe(value)}`);
  }
  const count = countProblem(value.length);
  if (count !== null) return r.fail('fn.rows', count);
  const width = inputs + 1;
  const values = new Float64Array(value.length * width);
  let bad = 0;
  for (let i = 0; i < value.length; i++) {
    const problem = rowProblem(value[i], i, inputs, values);
    if (problem === null) continue;
    if (++bad <= SHOWN_PROBLEMS) r.fail(problem.path, problem.message);
  }
  if (bad > SHOWN_PROBLEMS) r.fail('fn.rows', `(and ${bad - SHOWN_PROBLEMS} more bad rows)`);
  return bad > 0 ? undefined : examplesOf(values, value.length, inputs);
}

/** What is wrong with row i and where, or null once its numbers are written to `values`. */
function rowProblem(
  row: unknown,
  i: number,
  inputs: Inputs,
  values: Float64Array,
): { path: string; message: string } | null {
  const path = `fn.rows[${i}]`;
  if (!Array.isArray(row)) {
    return { path, message: `must be a row [${columnNames(inputs)}], got ${describe(row)}` };
  }
  if (row.length !== inputs + 1) return { path, message: widthProblem(row.length, inputs) };
  for (let c = 0; c < row.length; c++) {
    const v: unknown = row[c];
    if (typeof v !== 'number') {
      return { path: `${path}[${c}]`, message: `must be a number, got ${describe(v)}` };
    }
    const problem = valueProblem(v, c, inputs);
    if (problem !== null) return { path: `${path}[${c}]`, message: problem };
    values[i * (inputs + 1) + c] = v;
  }
  return null;
}

/** A user's rows as a preset writes them: [[x, y], …] or [[x₁, x₂, label], …]. */
export function rowsJson(rows: Examples, inputs: Inputs): number[][] {
  return Array.from({ length: rows.n }, (_, i) =>
    inputs === 1 ? [rows.a[i]!, rows.t[i]!] : [rows.a[i]!, rows.b[i]!, rows.t[i]!],
  );
}
