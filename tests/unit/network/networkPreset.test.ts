import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NETWORK_VALUES, networkValues } from '../../../src/engine/network/architecture.ts';
import { networkTraining } from '../../../src/engine/network/scene.ts';
import { trainNetwork } from '../../../src/engine/network/train.ts';
import {
  parsePreset,
  sceneFromPreset,
  toCompactPreset,
  toPreset,
} from '../../../src/preset/index.ts';
import { cli } from '../support/cli.ts';

const base = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 20,
  noise: { sigma: 0, seed: 4 },
  optimizers: [
    { type: 'sgd', lr: 0.1 },
    { type: 'adam', lr: 0.01 },
  ],
};
const network = { data: 'spiral', params: { n: 120, batch: 12 }, hidden: [6, 6] };

/** The messages a preset with this `network` gets, or [] when it reads. */
const problems = (net: unknown): readonly string[] => {
  const r = parsePreset({ ...base, network: net });
  return r.ok ? [] : r.errors;
};

describe('the preset field `network`', () => {
  it('is optional: a preset without it reads as before, with no network', () => {
    const scene = sceneFromPreset(base);
    expect(scene.network).toBeUndefined();
    expect('network' in toPreset(scene)).toBe(false);
    expect('network' in toCompactPreset(scene)).toBe(false);
  });

  it('fills the defaults: the data set’s parameters and head, tanh, [8, 8] when absent, θ₀ seed 1', () => {
    expect(sceneFromPreset({ ...base, network: { data: 'plane' } }).network).toEqual({
      data: 'plane',
      params: { n: 500, test: 0.25, batch: 10, seed: 1, noise: 0 },
      hidden: [8, 8],
      activation: 'tanh',
      head: 'regression',
      init: 1,
    });
  });

  it('round-trips through the full and the compact preset', () => {
    const scene = sceneFromPreset({
      ...base,
      network: { ...network, activation: 'relu', init: 9 },
    });
    expect(sceneFromPreset(toPreset(scene)).network).toEqual(scene.network);
    expect(sceneFromPreset(toCompactPreset(scene)).network).toEqual(scene.network);
    expect(toCompactPreset(scene)['network']).toEqual({
      data: 'spiral',
      params: { n: 120, batch: 12 },
      hidden: [6, 6],
      activation: 'relu',
      init: 9,
    });
  });

  it('carries no view: the page sets it from the paths on every plane, so a link does not change when it does', () => {
    const scene = sceneFromPreset({ ...base, network });
    const onPlane = { ...scene, view: { x: [-5.4, 3.3] as const, y: [-1.8, 1.4] as const } };
    for (const write of [toPreset, toCompactPreset]) {
      expect(write(onPlane)).not.toHaveProperty('view');
      expect(write(onPlane)).toEqual(write(scene));
    }
    // A function's scene keeps its view; an older network link with one still opens.
    expect(toPreset({ ...onPlane, network: undefined })).toHaveProperty('view');
    expect(parsePreset({ ...base, view: { x: [-1, 1], y: [-1, 1] }, network }).ok).toBe(true);
  });

  it('refuses bad input with a message naming the field', () => {
    const cases: [unknown, string][] = [
      [{}, 'network.data is required'],
      [{ data: 'moons' }, 'network.data must be one of circle, xor, gauss, spiral, plane'],
      [{ data: 'xor', hidden: [4, 4, 4, 4] }, 'network.hidden must list 1 to 3 hidden layers'],
      [{ data: 'xor', hidden: [64] }, 'network.hidden layer 1 must have 1 to 32 units'],
      [{ data: 'xor', hidden: [32, 32, 32] }, 'network.hidden gives 2241 parameters; at most 2000'],
      [{ data: 'xor', activation: 'sigmoid' }, 'network.activation must be one of tanh, relu'],
      [{ data: 'xor', head: 'softmax' }, 'network.head must be one of regression, classification'],
      [{ data: 'xor', head: 'regression' }, 'network.head must be classification for the xor'],
      [{ data: 'xor', params: { n: 20000 } }, 'network.params.n must be an integer in [2, 10000]'],
      [
        { data: 'xor', params: { n: 40, batch: 35 } },
        'network.params.batch must be at most the 30',
      ],
      [{ data: 'xor', params: { noise: 2 } }, 'network.params.noise must be in [0, 0.5]'],
      [{ data: 'xor', params: { radius: 2 } }, 'unknown key "radius"'],
      [{ data: 'xor', init: -1 }, 'network.init must be an integer'],
      [{ data: 'xor', depth: 3 }, 'unknown key "depth"'],
    ];
    for (const [net, message] of cases) {
      const errors = problems(net);
      expect(
        errors.some((e) => e.includes(message)),
        `${JSON.stringify(net)}: ${errors.join('; ')}`,
      ).toBe(true);
    }
  });
});

describe('the values a network scene keeps (runs × points × parameters)', () => {
  // [2, 24, 24, 1]: 72 + 600 + 25 = 697 parameters.
  const wide = { data: 'xor', hidden: [24, 24] };
  const withSteps = (steps: number, runs = 2) =>
    parsePreset({
      ...base,
      steps,
      optimizers: base.optimizers.slice(0, 1).concat(Array(runs - 1).fill(base.optimizers[1])),
      network: wide,
    });

  it('are at most MAX_NETWORK_VALUES: up to the cap a scene reads, one step more it is refused', () => {
    // 2 runs × (steps + 1) × 697 ≤ 16,000,000 ⇔ steps ≤ 11,476 (15,998,938; one more: 16,000,332).
    expect(networkValues(wide, 2, 11_476)).toBeLessThanOrEqual(MAX_NETWORK_VALUES);
    expect(networkValues(wide, 2, 11_477)).toBeGreaterThan(MAX_NETWORK_VALUES);
    expect(withSteps(11_476).ok).toBe(true);
    const refused = withSteps(11_477);
    expect(refused.ok ? [] : refused.errors).toEqual([
      'network keeps 2 runs × 11,478 points × 697 parameters = 16,000,332 values; a network scene keeps at most 16,000,000 (fewer steps, optimizers or hidden units)',
    ]);
  });

  it('count every optimizer: a link asking 11 GB of the worker is refused with the numbers', () => {
    const r = withSteps(100_000, 20);
    expect(r.ok ? [] : r.errors).toEqual([
      expect.stringMatching(
        /^network keeps 20 runs × 100,001 points × 697 parameters = 1,394,013,940 values/,
      ),
    ]);
  });
});

describe('descent-lab run on a network scene', () => {
  const dir = mkdtempSync(join(tmpdir(), 'descent-lab-net-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'net.json');
  writeFileSync(path, JSON.stringify({ ...base, network }));

  it('prints each optimizer’s training and test loss curves and rates, JSON: the engine’s numbers', () => {
    const r = cli(['run', path]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      network: unknown;
      parameters: number;
      runs: {
        label: string;
        type: string;
        loss: number[];
        test_loss: number[];
        lrs: number[];
        diverged_at: null;
      }[];
    };
    const scene = sceneFromPreset({ ...base, network });
    const runs = trainNetwork(networkTraining(scene, scene.network!));
    expect(out.parameters).toBe(2 * 6 + 6 + 6 * 6 + 6 + 6 + 1);
    expect(out.network).toEqual(toPreset(scene)['network']);
    expect(out.runs.map((run) => run.type)).toEqual(['sgd', 'adam']);
    out.runs.forEach((run, i) => {
      expect(run.loss).toEqual([...runs[i]!.loss]);
      expect(run.test_loss).toEqual([...runs[i]!.testLoss!]);
      expect(run.lrs).toEqual([...runs[i]!.lr]);
      expect(run.loss).toHaveLength(21);
      expect(run.diverged_at).toBeNull();
    });
  });

  it('prints them as CSV on request', () => {
    const r = cli(['run', path, '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('run,step,loss,lr,test_loss');
    expect(lines).toHaveLength(1 + 2 * 21);
    expect(lines[1]).toMatch(/^0,0,[\d.e-]+,,[\d.e-]+$/);
    expect(lines[2]).toMatch(/^0,1,[\d.e-]+,0\.1,[\d.e-]+$/);
  });

  it('with --params, the parameter vector at every point: JSON rows, CSV columns theta_i', () => {
    const scene = sceneFromPreset({ ...base, network });
    const runs = trainNetwork(networkTraining(scene, scene.network!));
    const count = runs[0]!.count;
    const json = JSON.parse(cli(['run', path, '--params']).stdout) as {
      runs: { params: number[][] }[];
    };
    json.runs.forEach((run, i) => {
      expect(run.params).toHaveLength(21);
      run.params.forEach((theta, k) =>
        expect(theta).toEqual([...runs[i]!.params.subarray(k * count, (k + 1) * count)]),
      );
    });
    const lines = cli(['run', '--params', path, '--format=csv']).stdout.trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['run', 'step', 'loss', 'lr', 'test_loss']);
    expect(header.slice(5)).toEqual(Array.from({ length: count }, (_, j) => `theta_${j}`));
    const last = lines[2 * 21]!.split(',');
    expect(last.slice(5).map(Number)).toEqual([...runs[1]!.params.subarray(20 * count)]);
  });

  it('refuses --params for a scene without a network, exit 2', () => {
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify(base));
    const r = cli(['run', plain, '--params']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--params prints a network's parameters/);
  });

  it('descent-lab data prints θ₀ (torch’s names and order), the examples and every step’s batch', () => {
    const r = cli(['data', path]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      parameters: { names: string[]; sizes: number[]; values: number[] };
      train: { inputs: number[][]; targets: number[] };
      test: { inputs: number[][]; targets: number[] };
      batches: number[][];
    };
    const scene = sceneFromPreset({ ...base, network });
    const t = networkTraining(scene, scene.network!);
    expect(out.parameters.names).toEqual([
      '0.weight',
      '0.bias',
      '2.weight',
      '2.bias',
      '4.weight',
      '4.bias',
    ]);
    expect(out.parameters.sizes).toEqual([12, 6, 36, 6, 6, 1]);
    expect(out.parameters.values).toEqual([...t.start]);
    expect(out.train.inputs).toEqual([...t.data.train.a].map((a, i) => [a, t.data.train.b[i]]));
    expect(out.test.targets).toEqual([...t.data.test.t]);
    expect(out.batches).toEqual(Array.from({ length: 20 }, (_, k) => t.order.indices(k)));
    expect(cli(['data', path, '--format', 'csv']).stderr).toMatch(/JSON only/);
  });
});
