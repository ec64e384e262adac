import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../src/engine/data/rows.ts';
import { functionOf } from '../../src/engine/functions/index.ts';
import { NormalSource } from '../../src/engine/noise.ts';
import { simulate } from '../../src/engine/index.ts';
import { sceneFromPreset, sceneHash } from '../../src/preset/index.ts';
import { cli } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'descent-lab-user-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, preset: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(preset, null, 2));
  return path;
};

/** A logistic regression on 12 rows of the user's, batches of 3, the split by data seed 2. */
const preset = {
  v: 1,
  fn: {
    id: 'user_logistic',
    params: { batch: 3, seed: 2 },
    rows: [
      [1, 0.5, 1],
      [-1, 0.2, 0],
      [0.5, -1, 1],
      [-0.3, 0.8, 0],
      [2, 1, 1],
      [-2, -0.5, 0],
      [0.1, 0.1, 1],
      [-0.2, 0.3, 1],
      [0.7, -0.2, 0],
      [-0.6, 0.4, 1],
      [1.5, 0.3, 1],
      [-1.1, -0.9, 0],
    ],
  },
  noise: { sigma: 0, seed: 4 },
  steps: 20,
  optimizers: [
    { type: 'sgd', lr: 0.5 },
    { type: 'adam', lr: 0.1 },
  ],
};

describe('descent-lab on the user’s data', () => {
  it('run: the engine’s trajectories and test losses, from a file and from the page’s link', () => {
    const scene = sceneFromPreset(preset);
    const { runs } = simulate(scene);
    for (const arg of [write('user.json', preset), `#${sceneHash(scene)}`]) {
      const r = cli(['run', arg]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { runs: { points: number[][]; test_f: number[] }[] };
      expect(out.runs[1]!.points.at(-1)).toEqual([
        runs[1]!.x.at(-1),
        runs[1]!.y.at(-1),
        runs[1]!.f.at(-1),
      ]);
      expect(out.runs[0]!.test_f).toEqual(Array.from(runs[0]!.testF!));
    }
  });

  it('data: the split rows and every step’s batch', () => {
    const r = cli(['data', write('user.json', preset)]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      model: string;
      train: { inputs: number[][]; targets: number[] };
      test: { inputs: number[][]; targets: number[] };
      batches: number[][];
    };
    const scene = sceneFromPreset(preset);
    const spec = functionOf(scene.fn)!.data!;
    const { train, test } = spec.dataset(scene.fn.params);
    expect(out.model).toMatch(/without bias/);
    expect(out.train.inputs).toEqual(Array.from(train.a, (a, i) => [a, train.b[i]]));
    expect(out.test.targets).toEqual(Array.from(test.t));
    expect([out.train.targets.length, out.test.targets.length]).toEqual([9, 3]);
    expect(out.batches[4]).toEqual(spec.batches(scene.fn.params, 4).indices(4));
    // Every row is there once: the split is a permutation of the user's rows.
    const all = [
      ...out.train.inputs.map((x, i) => [...x, out.train.targets[i]]),
      ...out.test.inputs.map((x, i) => [...x, out.test.targets[i]]),
    ];
    expect(all.map((r) => r.join()).sort()).toEqual(preset.fn.rows.map((r) => r.join()).sort());
  });

  it('reads a link of 10,000 rows from a file or standard input: too long for one argument', () => {
    const source = new NormalSource(11);
    const rows = Array.from({ length: MAX_ROWS }, () => [source.nextNormal(), source.nextNormal()]);
    const big = {
      v: 1,
      fn: { id: 'user_regression', rows },
      steps: 5,
      optimizers: [{ type: 'adam' }],
    };
    const link = `https://example.org/lab/#${sceneHash(sceneFromPreset(big))}`;
    // Linux refuses a single argument over 128 KiB (MAX_ARG_STRLEN).
    expect(link.length).toBeGreaterThan(131_072);
    const expected = cli(['run', write('big.json', big)]);
    expect(expected.status).toBe(0);
    const linkFile = join(dir, 'link.txt');
    writeFileSync(linkFile, `${link}\n`);
    expect(cli(['run', linkFile]).stdout).toBe(expected.stdout);
    expect(cli(['run', '-'], link).stdout).toBe(expected.stdout);
  });

  it('refuses bad rows with their paths (exit 2)', () => {
    const bad = {
      ...preset,
      fn: {
        ...preset.fn,
        rows: [
          [1, 2, 0],
          [1, 2, 7],
        ],
      },
    };
    const r = cli(['run', write('bad.json', bad)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('fn.rows[1][2] is a label, which must be 0 or 1, got 7');
    expect(r.stderr).not.toContain('fn.rows[0]');
  });
});
