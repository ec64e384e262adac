import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchOrder } from '../../src/engine/data/batches.ts';
import { dataModels } from '../../src/engine/functions/index.ts';
import { simulate } from '../../src/engine/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { cli } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'descent-lab-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, preset: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(preset));
  return path;
};

const preset = {
  v: 1,
  fn: { id: 'sparse_logistic', params: { n: 40, batch: 6 } },
  // The noise seed shuffles the batches.
  noise: { sigma: 0, seed: 3 },
  steps: 12,
  optimizers: [
    { type: 'adagrad', lr: 0.5 },
    { type: 'sgd', lr: 0.5 },
  ],
};

describe('descent-lab data', () => {
  it('prints the examples and every step’s batch, JSON: what the engine trains on', () => {
    const r = cli(['data', write('sparse.json', preset)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      model: string;
      loss: string;
      train: { inputs: number[][]; targets: number[] };
      test: { inputs: number[][]; targets: number[] };
      batches: number[][];
    };
    const scene = sceneFromPreset(preset);
    const { train, test } = dataModels[1]!.data!.dataset(scene.fn.params);
    expect(out.train.inputs).toEqual(Array.from(train.a, (a, i) => [a, train.b[i]]));
    expect(out.train.targets).toEqual(Array.from(train.t));
    expect(out.test.targets).toEqual(Array.from(test.t));
    expect([out.train.targets.length, out.test.targets.length]).toEqual([30, 10]);
    const order = new BatchOrder(30, 6, 3);
    expect(out.batches).toEqual(Array.from({ length: 12 }, (_, k) => order.indices(k)));
    expect(out.loss).toMatch(/ln\(1 \+ e\^−\|zᵢ\|\)/);
  });

  it('as CSV: one row per example, then one per example of each step’s batch', () => {
    const r = cli(['data', write('sparse.json', preset), '--format', 'csv']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('set,index,a,b,t,step');
    expect(lines.filter((l) => l.startsWith('train,'))).toHaveLength(30);
    expect(lines.filter((l) => l.startsWith('test,'))).toHaveLength(10);
    const batchRows = lines.filter((l) => l.startsWith('batch,')).map((l) => l.split(','));
    expect(batchRows).toHaveLength(12 * 6);
    expect(batchRows.every((row) => row.length === 6)).toBe(true);
    expect(batchRows.slice(0, 6).map((row) => Number(row[1]))).toEqual(
      new BatchOrder(30, 6, 3).indices(0),
    );
    expect(batchRows[6]![5]).toBe('2');
  });

  it('refuses a scene whose function is not made of data, in one line, exit 2', () => {
    const r = cli(['data', write('rosen.json', { ...preset, fn: { id: 'rosenbrock' } })]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^descent-lab: the scene's function "rosenbrock" is not made of data/);
  });

  it('names a batch larger than the training set, exit 2', () => {
    const bad = { ...preset, fn: { id: 'sparse_logistic', params: { n: 40, batch: 31 } } };
    const r = cli(['data', write('bad.json', bad)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/fn\.params\.batch must be at most the 30 training examples/);
  });
});

describe('descent-lab run on a loss made of data', () => {
  it('adds each point’s test loss: "test_f" in JSON, a last column in CSV', () => {
    const expected = simulate(sceneFromPreset(preset)).runs;
    const json = JSON.parse(cli(['run', write('sparse.json', preset)]).stdout) as {
      runs: { points: number[][]; test_f: number[] }[];
    };
    json.runs.forEach((run, r) => {
      expect(run.test_f).toEqual(Array.from(expected[r]!.testF!));
      expect(run.points.map((p) => p[2])).toEqual(Array.from(expected[r]!.f));
    });
    const csv = cli(['run', write('sparse.json', preset), '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toBe('run,step,x,y,f,lr,test_f');
    expect(Number(csv[1]!.split(',')[6])).toBe(expected[0]!.testF![0]);
  });

  it('has no test_f without a test set, nor for a formula', () => {
    const noTest = { ...preset, fn: { id: 'sparse_logistic', params: { n: 40, test: 0 } } };
    expect(cli(['run', write('notest.json', noTest)]).stdout).not.toContain('test_f');
    const rosen = { ...preset, fn: { id: 'rosenbrock' } };
    expect(cli(['run', write('rosen.json', rosen), '--format', 'csv']).stdout).toMatch(
      /^run,step,x,y,f,lr\n/,
    );
  });
});
