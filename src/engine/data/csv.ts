import type { Examples } from './examples.ts';
import {
  countProblem,
  examplesOf,
  listProblems,
  MAX_ROWS,
  SHOWN_PROBLEMS,
  valueProblem,
  widthProblem,
  type Inputs,
} from './rows.ts';

/** A CSV read as a user's data set, or what is wrong with it, line by line. */
export type CsvResult =
  | {
      readonly ok: true;
      /** 1: rows x, y (a regression); 2: rows x₁, x₂, label (a logistic regression). */
      readonly inputs: Inputs;
      readonly examples: Examples;
      /** The header's cells, when the first line was one. */
      readonly header: readonly string[] | null;
    }
  | {
      readonly ok: false;
      /** The first few problems ("line 7: …"), then "and N more" when there are others. */
      readonly errors: readonly string[];
    };

/**
 * Reads a user's data set from CSV text: two columns (x, y) or three (x₁, x₂, label ∈ {0, 1}),
 * comma- or tab-separated (tabs when the first line has a tab and no comma: a spreadsheet's paste),
 * at most MAX_ROWS rows. A first line whose every cell is text is a header. Blank lines are
 * skipped; a cell may be wrapped in double quotes. Numbers are `Number()` of the cell's text, so
 * the same text gives the same bits everywhere, whatever the locale ("1,5" is two cells). Every
 * bad line is counted and the first few named with their line numbers. Never throws.
 */
export function parseCsv(text: string): CsvResult {
  const lines = text.split(/\r\n|\n|\r/);
  let first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0)
    return { ok: false, errors: ['the CSV is empty: no rows of x, y or x₁, x₂, label'] };
  const separator = lines[first]!.includes('\t') && !lines[first]!.includes(',') ? '\t' : ',';
  const headerCells = cellsOf(lines[first]!, separator);
  const header = headerCells.every((c) => c !== '' && Number.isNaN(Number(c))) ? headerCells : null;
  const width = header?.length ?? headerCells.length;
  if (width !== 2 && width !== 3) {
    const columns = `${width} column${width === 1 ? '' : 's'}`;
    const expected = 'a data set is x, y (2 columns) or x₁, x₂, label (3)';
    return { ok: false, errors: [`line ${first + 1}: has ${columns}; ${expected}`] };
  }
  if (header) first++;
  const inputs: Inputs = width === 2 ? 1 : 2;
  const values = new Float64Array(MAX_ROWS * width);
  const problems: string[] = [];
  let bad = 0;
  let rows = 0;
  for (let l = first; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.trim() === '') continue;
    rows++;
    if (rows > MAX_ROWS) continue;
    const problem = rowProblem(cellsOf(line, separator), inputs, values, (rows - 1) * width);
    if (problem === null) continue;
    if (++bad <= SHOWN_PROBLEMS) problems.push(`line ${l + 1}: ${problem}`);
  }
  const count = countProblem(rows);
  if (count !== null) problems.unshift(`the CSV ${count}`);
  if (problems.length > 0)
    return { ok: false, errors: listProblems(problems, bad + (count ? 1 : 0)) };
  return { ok: true, inputs, examples: examplesOf(values, rows, inputs), header };
}

/** What is wrong with a line's cells, or null once their numbers are written at `values[at…]`. */
function rowProblem(
  cells: readonly string[],
  inputs: Inputs,
  values: Float64Array,
  at: number,
): string | null {
  if (cells.length !== inputs + 1) return widthProblem(cells.length, inputs);
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]!;
    const column = `column ${c + 1}`;
    if (cell === '') return `${column} is empty`;
    const value = Number(cell);
    if (Number.isNaN(value) && cell !== 'NaN') return `${column}: ${shown(cell)} is not a number`;
    const problem = valueProblem(value, c, inputs);
    if (problem !== null) return `${column} ${problem}`;
    values[at + c] = value;
  }
  return null;
}

/** The cells of a line, trimmed, one pair of surrounding double quotes removed. */
function cellsOf(line: string, separator: string): string[] {
  return line.split(separator).map((cell) => {
    const trimmed = cell.trim();
    return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
      ? trimmed.slice(1, -1).trim()
      : trimmed;
  });
}

/** A cell as a message quotes it: at most 20 characters. */
const shown = (cell: string): string =>
  JSON.stringify(cell.length > 20 ? `${cell.slice(0, 17)}...` : cell);
