import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvResult } from '../../../src/engine/data/csv.ts';
import { MAX_ROWS } from '../../../src/engine/data/rows.ts';

const errorsOf = (r: CsvResult): readonly string[] => (r.ok ? [] : r.errors);
const ok = (r: CsvResult) => {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
};
const rows = (count: number, row = (i: number) => `${i},${2 * i}`) =>
  Array.from({ length: count }, (_, i) => row(i)).join('\n');

describe('parseCsv', () => {
  it('reads x, y rows as a regression and x₁, x₂, label rows as a logistic regression', () => {
    const line = ok(parseCsv('1,2\n3,4.5\n-6,7e-3\n'));
    expect(line.inputs).toBe(1);
    expect(line.header).toBeNull();
    expect(Array.from(line.examples.a)).toEqual([1, 3, -6]);
    expect(Array.from(line.examples.t)).toEqual([2, 4.5, 0.007]);
    expect(Array.from(line.examples.b)).toEqual([0, 0, 0]);
    const logistic = ok(parseCsv('x1,x2,label\n0.5,1,1\n-1,2,0'));
    expect(logistic.inputs).toBe(2);
    expect(logistic.header).toEqual(['x1', 'x2', 'label']);
    expect([...logistic.examples.a, ...logistic.examples.b, ...logistic.examples.t]).toEqual([
      0.5, -1, 1, 2, 1, 0,
    ]);
  });

  it('takes every number as Number() of its text: no locale, the same bits everywhere', () => {
    const cells = [
      '0.1',
      '1e-310',
      '-2.5E+3',
      '  7  ',
      '"3.25"',
      '0x10',
      '.5',
      '123456789012345678',
    ];
    const r = ok(parseCsv(cells.map((c, i) => `${c},${i}`).join('\n')));
    expect(Array.from(r.examples.a)).toEqual(cells.map((c) => Number(c.trim().replace(/"/g, ''))));
    // A decimal comma is two cells, never 1.5.
    expect(errorsOf(parseCsv('a;b\n1,5;2\n3;4'))[0]).toMatch(/^line 2: has 2 columns|^line 1/);
    expect(Object.is(ok(parseCsv('-0,1\n0,-0')).examples.a[0], 0)).toBe(true);
    expect(Object.is(ok(parseCsv('-0,1\n0,-0')).examples.t[1], 0)).toBe(true);
  });

  it('reads tab-separated rows (a spreadsheet paste), CRLF and blank lines', () => {
    const r = ok(parseCsv('x\ty\r\n1\t2\r\n\r\n3\t4\r\n'));
    expect(Array.from(r.examples.t)).toEqual([2, 4]);
    expect(r.examples.n).toBe(2);
  });

  it('names every kind of bad line with its line number, counting blank lines and the header', () => {
    const text = [
      'x1,x2,label', // 1
      '1,2,1', // 2
      '1,,0', // 3: empty cell
      '', // 4
      '1,abc,0', // 5: not a number
      '1,2', // 6: too few values
      'Infinity,0,1', // 7: not finite
      '1,1e999,0', // 8: not finite
      '1,2,0.5', // 9: label
      '1,2,2', // 10: label
      '1,2,3,4', // 11: too many values
      'NaN,1,0', // 12
    ].join('\n');
    expect(errorsOf(parseCsv(text))).toEqual([
      'line 3: column 2 is empty',
      'line 5: column 2: "abc" is not a number',
      'line 6: has 2 values; a row here is x₁, x₂, label (3)',
      'line 7: column 1 is not a finite number (Infinity)',
      'line 8: column 2 is not a finite number (Infinity)',
      'and 4 more',
    ]);
    expect(errorsOf(parseCsv('1,2,2\n1,2,0.5\n1,1,1'))).toEqual([
      'line 1: column 3 is a label, which must be 0 or 1, got 2',
      'line 2: column 3 is a label, which must be 0 or 1, got 0.5',
    ]);
    expect(errorsOf(parseCsv('1,2,3,4\n5,6,7,8'))).toEqual([
      'line 1: has 4 columns; a data set is x, y (2 columns) or x₁, x₂, label (3)',
    ]);
    expect(errorsOf(parseCsv('\n\nx;y\n1;2'))).toEqual([
      'line 3: has 1 column; a data set is x, y (2 columns) or x₁, x₂, label (3)',
    ]);
  });

  it('refuses empty text, a header alone, one row, and more than 10,000 rows', () => {
    expect(errorsOf(parseCsv(''))).toEqual(['the CSV is empty: no rows of x, y or x₁, x₂, label']);
    expect(errorsOf(parseCsv(' \n\t\n'))).toHaveLength(1);
    expect(errorsOf(parseCsv('x,y\n'))).toEqual(['the CSV has 0 rows; at least 2 are needed']);
    expect(errorsOf(parseCsv('1,2'))).toEqual(['the CSV has 1 row; at least 2 are needed']);
    expect(ok(parseCsv(`x,y\n${rows(MAX_ROWS)}`)).examples.n).toBe(MAX_ROWS);
    expect(errorsOf(parseCsv(`x,y\n${rows(MAX_ROWS + 1)}`))).toEqual([
      'the CSV has 10,001 rows; at most 10,000 are read',
    ]);
    // Bad lines within the limit are named too, and counted: "and N more".
    const many = errorsOf(parseCsv(`${rows(20, () => '1,x')}\n${rows(MAX_ROWS + 5)}`));
    expect(many[0]).toBe('the CSV has 10,025 rows; at most 10,000 are read');
    expect(many.at(-1)).toBe('and 16 more');
  });

  it('reads a text whose first line is data, however it looks, as data', () => {
    // A header needs every cell to be text: "1,abc" is a bad row, not a header.
    expect(errorsOf(parseCsv('1,abc\n1,2\n3,4'))).toEqual([
      'line 1: column 2: "abc" is not a number',
    ]);
    expect(ok(parseCsv('"x","y"\n1,2\n3,4')).header).toEqual(['x', 'y']);
  });
});
