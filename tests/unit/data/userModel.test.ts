import { describe, expect, it } from 'vitest';
import { stepsPerEpoch } from '../../../src/engine/data/epochs.ts';
import type { Examples } from '../../../src/engine/data/examples.ts';
import { fieldGrid } from '../../../src/engine/data/grid.ts';
import type { DataObjective } from '../../../src/engine/data/objective.ts';
import { examplesOf } from '../../../src/engine/data/rows.ts';
import { USER_LOGISTIC, USER_REGRESSION } from '../../../src/engine/data/userModel.ts';
import { functionOf, getFunction } from '../../../src/engine/functions/index.ts';
import { NormalSource } from '../../../src/engine/noise.ts';

/** n rows drawn from a seeded source: a noisy line, or two features and a 0/1 label. */
function rowsOf(n: number, inputs: 1 | 2, seed = 5): Examples {
  const source = new NormalSource(seed);
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = 3 * source.nextNormal() + 1;
    if (inputs === 1) values.push(a, -0.7 * a + 4 + source.nextNormal());
    else {
      const b = source.nextNormal();
      values.push(a, b, source.nextUniform() < 1 / (1 + Math.exp(-(0.8 * a - 1.2 * b))) ? 1 : 0);
    }
  }
  return examplesOf(values, n, inputs);
}

const params = { test: 0.25, batch: 7, seed: 3 };

/** The held-out and training rows, found again by matching each row: the split is a permutation. */
const rowKeys = (ex: Examples) =>
  Array.from({ length: ex.n }, (_, i) => `${ex.a[i]},${ex.b[i]},${ex.t[i]}`);

describe('a model of the user’s rows', () => {
  it('splits the rows by the data seed: deterministic, a permutation, the last quarter held out', () => {
    const rows = rowsOf(101, 1);
    const model = functionOf({ id: USER_REGRESSION, rows })!;
    const { train, test } = model.data!.dataset(params);
    expect([train.n, test.n]).toEqual([76, 25]);
    const again = functionOf({ id: USER_REGRESSION, rows: rowsOf(101, 1) })!.data!.dataset({
      ...params,
    });
    expect(rowKeys(again.train)).toEqual(rowKeys(train));
    expect([...rowKeys(train), ...rowKeys(test)].sort()).toEqual(rowKeys(rows).sort());
    const other = model.data!.dataset({ ...params, seed: 4 });
    expect(rowKeys(other.train)).not.toEqual(rowKeys(train));
    // A file sorted by x is not split into small x to train and large x to test.
    expect(rowKeys(train)).not.toEqual(rowKeys(rows).slice(0, 76));
  });

  it('regression: f, the batch gradient and the test loss are the direct means over those rows', () => {
    const rows = rowsOf(60, 1);
    const model = functionOf({ id: USER_REGRESSION, rows })!;
    const objective = model.create(params, 9) as DataObjective;
    const { train, test } = model.data!.dataset(params);
    const [w, c] = [0.3, -1.7];
    const mean = (ex: Examples, f: (i: number) => number) => {
      let s = 0;
      for (let i = 0; i < ex.n; i++) s += f(i);
      return s / ex.n;
    };
    const r = (ex: Examples, i: number) => w * ex.a[i]! + c - ex.t[i]!;
    expect(objective.f(w, c)).toBeCloseTo(
      mean(train, (i) => r(train, i) ** 2),
      12,
    );
    expect(objective.testF(w, c)).toBeCloseTo(
      mean(test, (i) => r(test, i) ** 2),
      12,
    );
    const out = [0, 0];
    objective.grad(w, c, out, 2);
    const batch = model.data!.batches(params, 9).indices(2);
    expect(batch).toHaveLength(7);
    let [gw, gc] = [0, 0];
    for (const i of batch) {
      gw += (2 * r(train, i) * train.a[i]!) / batch.length;
      gc += (2 * r(train, i)) / batch.length;
    }
    expect(out[0]).toBeCloseTo(gw, 12);
    expect(out[1]).toBeCloseTo(gc, 12);
  });

  it('logistic: the log-loss over the rows, and its minimum (Newton) has a zero gradient', () => {
    const rows = rowsOf(400, 2);
    const model = functionOf({ id: USER_LOGISTIC, rows })!;
    const objective = model.create(params) as DataObjective;
    const { train } = model.data!.dataset(params);
    const [w1, w2] = [0.4, -0.9];
    let f = 0;
    for (let i = 0; i < train.n; i++) {
      const z = w1 * train.a[i]! + w2 * train.b[i]!;
      f += Math.log(1 + Math.exp(-z)) + (1 - train.t[i]!) * z;
    }
    expect(objective.f(w1, w2)).toBeCloseTo(f / train.n, 12);
    const [min] = model.minima(params);
    const out = [1, 1];
    objective.grad(min![0], min![1], out);
    expect(Math.hypot(out[0]!, out[1]!)).toBeLessThan(1e-12);
    expect(model.minima(params)).toBe(model.minima(params));
  });

  it('the regression minimum is the least-squares line of the training rows', () => {
    const rows = rowsOf(200, 1);
    const model = functionOf({ id: USER_REGRESSION, rows })!;
    const [min] = model.minima(params);
    const out = [1, 1];
    model.create(params).grad(min![0], min![1], out);
    expect(Math.hypot(out[0]!, out[1]!)).toBeLessThan(1e-10);
    expect(min![0]).toBeCloseTo(-0.7, 1);
  });

  it('opens on a view around the fit of all rows, the start inside it', () => {
    const rows = rowsOf(500, 1);
    const model = functionOf({ id: USER_REGRESSION, rows })!;
    const [w, c] = model.minima({ ...params, test: 0 })[0]!;
    const { view, start } = model;
    expect((view.x[0] + view.x[1]) / 2).toBeCloseTo(w, 10);
    expect((view.y[0] + view.y[1]) / 2).toBeCloseTo(c, 10);
    expect(start[0]).toBeGreaterThan(view.x[0]);
    expect(start[1]).toBeLessThan(view.y[1]);
    // Huge targets: the view stays within the preset's ±1e6.
    const huge = examplesOf([0, 1e300, 1, 2e300, 2, -1e300], 3, 1);
    const far = functionOf({ id: USER_REGRESSION, rows: huge })!.view;
    for (const v of [...far.x, ...far.y]) expect(Math.abs(v)).toBeLessThanOrEqual(1e6);
    expect(far.x[0]).toBeLessThan(far.x[1]);
  });

  it('refuses a batch larger than its training rows, sizes the field grid and epochs by them', () => {
    const rows = rowsOf(40, 2);
    const fn = { id: USER_LOGISTIC, params: { ...params, batch: 31 }, rows };
    expect(functionOf(fn)!.check!(fn.params)).toEqual({
      key: 'batch',
      message: 'must be at most the 30 training examples',
    });
    expect(stepsPerEpoch({ ...fn, params })).toBe(Math.ceil(30 / 7));
    // √(3e8 ns / (30 training rows × 75 ns)): the grid of 30 rows, not of the parameters' N.
    expect(fieldGrid({ ...fn, params }, 512)).toBe(365);
    const big = { id: USER_LOGISTIC, params, rows: rowsOf(10_000, 2) };
    expect(fieldGrid(big, 512)).toBe(32);
  });

  it('is one record per rows object; the unbound record refuses to compute', () => {
    const rows = rowsOf(10, 1);
    expect(functionOf({ id: USER_REGRESSION, rows })).toBe(
      functionOf({ id: USER_REGRESSION, rows }),
    );
    expect(() => getFunction(USER_REGRESSION)!.create(params)).toThrow(/needs its rows/);
    expect(getFunction(USER_LOGISTIC)!.data!.inputs).toBe(2);
  });
});
