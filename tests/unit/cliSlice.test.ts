import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkRunsPlane,
  notFiniteMessage,
  planeOfRuns,
  projectRun,
  viewOfRuns,
} from '../../src/engine/network/landscape.ts';
import { Network } from '../../src/engine/network/model.ts';
import { project } from '../../src/engine/network/plane.ts';
import { networkTraining } from '../../src/engine/network/scene.ts';
import { lineLosses, lineTs, PlaneLoss } from '../../src/engine/network/slice.ts';
import { trainNetwork } from '../../src/engine/network/train.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { cli } from './support/cli.ts';

const preset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 30,
  network: { data: 'spiral', hidden: [6, 5], params: { n: 120 } },
  optimizers: [
    { type: 'sgd', lr: 0.3, label: 'SGD' },
    { type: 'adam', lr: 0.02, label: 'Adam' },
  ],
};
const dir = mkdtempSync(join(tmpdir(), 'descent-lab-slice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'net.json');
writeFileSync(path, JSON.stringify(preset));

interface Slice {
  plane: string;
  test_loss?: number[][];
  explained: [number, number] | null;
  view: { x: [number, number]; y: [number, number] };
  grid: number;
  train_loss: number[][];
  runs: { label: string; alpha: number[]; beta: number[]; distance: number[] }[];
}

describe('the planes of a network scene’s runs', () => {
  const scene = sceneFromPreset(preset);
  const training = networkTraining(scene, scene.network!);
  const runs = trainNetwork(training);

  it('projects every point of every run, and the view holds them all', () => {
    for (const kind of ['pca', 'random'] as const) {
      const { plane } = planeOfRuns(kind, training.arch, runs, 1);
      const projections = runs.map((run) => projectRun(plane, run));
      const view = viewOfRuns(kind, projections);
      projections.forEach((p, r) => {
        expect(p.alpha).toHaveLength(31);
        const mid = project(plane, runs[r]!.params, 17 * runs[r]!.count);
        expect([p.alpha[17], p.beta[17], p.distance[17]]).toEqual([
          mid.alpha,
          mid.beta,
          mid.distance,
        ]);
        for (let k = 0; k < p.alpha.length; k++) {
          expect(p.alpha[k]).toBeGreaterThan(view.x[0]);
          expect(p.alpha[k]).toBeLessThan(view.x[1]);
          expect(p.beta[k]).toBeGreaterThan(view.y[0]);
          expect(p.beta[k]).toBeLessThan(view.y[1]);
        }
      });
    }
  });

  it('a random plane passes through the chosen run’s last point: it projects there at distance 0', () => {
    const { plane, explained } = planeOfRuns('random', training.arch, runs, 1);
    expect(explained).toBeNull();
    const p = projectRun(plane, runs[1]!);
    expect(Math.abs(p.alpha[30]!)).toBeLessThan(1e-9);
    expect(Math.abs(p.beta[30]!)).toBeLessThan(1e-9);
    expect(p.distance[30]).toBeLessThan(1e-9);
  });
});

describe('descent-lab slice', () => {
  it('prints the training loss on the runs’ principal plane and every path projected on it', () => {
    const r = cli(['slice', path, '--grid', '6']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Slice;
    const scene = sceneFromPreset(preset);
    const training = networkTraining(scene, scene.network!);
    const runs = trainNetwork(training);
    const { plane, explained } = planeOfRuns('pca', training.arch, runs);
    expect(out.plane).toBe('pca');
    expect(out.explained).toEqual([...explained!]);
    expect(out.explained![0]).toBeGreaterThanOrEqual(out.explained![1]);
    const view = viewOfRuns(
      'pca',
      runs.map((run) => projectRun(plane, run)),
    );
    expect(out.view).toEqual(view);
    expect(out.train_loss).toHaveLength(6);
    // Cell (i, j) is the loss at the cell's centre, as sampleGrid (engine/field.ts) places it.
    const loss = new PlaneLoss(new Network(training.arch), training.data.train, plane);
    const [x0, x1] = view.x;
    const [y0, y1] = view.y;
    for (const [i, j] of [
      [0, 0],
      [5, 2],
      [3, 5],
    ] as const) {
      const alpha = x0 + (i + 0.5) * ((x1 - x0) / 6);
      const beta = y0 + (j + 0.5) * ((y1 - y0) / 6);
      expect(out.train_loss[j]![i]).toBe(loss.f(alpha, beta));
    }
    expect(out.runs.map((run) => run.label)).toEqual(['SGD', 'Adam']);
    expect(out.runs[1]!.alpha).toEqual([...projectRun(plane, runs[1]!).alpha]);
  });

  it('along the line between two runs’ ends: the training and test losses from t = −0.5 to 1.5', () => {
    const r = cli(['slice', path, '--plane', 'line', '--run', '1', '--to', '0', '--grid', '5']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      plane: string;
      from: number;
      to: number;
      t: number[];
      train_loss: number[];
      test_loss: number[];
    };
    expect([out.plane, out.from, out.to, out.t]).toEqual(['line', 1, 0, [-0.5, 0, 0.5, 1, 1.5]]);
    const scene = sceneFromPreset(preset);
    const training = networkTraining(scene, scene.network!);
    const runs = trainNetwork(training);
    // t = 0 is run 1's last point and t = 1 run 0's: their own final losses.
    expect(out.train_loss[1]).toBe(runs[1]!.loss[30]);
    expect(out.train_loss[3]).toBe(runs[0]!.loss[30]);
    expect(out.test_loss[1]).toBe(runs[1]!.testLoss![30]);
    expect(out.test_loss).toHaveLength(5);
  });

  it('on a random plane through a chosen run, and refuses what it cannot do (exit 2, one line)', () => {
    const out = JSON.parse(
      cli(['slice', path, '--plane=random', '--run', '1', '--grid', '3']).stdout,
    ) as Slice;
    expect([out.plane, out.explained, out.train_loss.length]).toEqual(['random', null, 3]);
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify({ ...preset, network: undefined }));
    for (const [args, message] of [
      [['slice', plain], /needs a scene with a network/],
      [['slice', path, '--plane', 'flat'], /--plane must be pca, random or line, got "flat"/],
      [['slice', path, '--plane', 'line', '--to', '2'], /--to must be below the scene's 2/],
      [['slice', path, '--grid', '1'], /--grid must be an integer from 2 to 128, got "1"/],
      [['slice', path, '--grid', '129'], /got "129"/],
      [['slice', path, '--run', '2'], /--run must be below the scene's 2 optimizers/],
    ] as const) {
      const r = cli([...args]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('takes the scene’s network.slice as its default, the flags over it; test_loss on request', () => {
    const sliced = join(dir, 'sliced.json');
    const slice = { plane: 'random', run: 1, loss: 'test' };
    writeFileSync(sliced, JSON.stringify({ ...preset, network: { ...preset.network, slice } }));
    const of = (args: string[]) => {
      const r = cli(['slice', ...args, '--grid', '3']);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as Slice;
    };
    const flagged = of([path, '--plane', 'random', '--run', '1', '--loss', 'test']);
    expect(of([sliced])).toEqual(flagged);
    expect(flagged.test_loss).toHaveLength(3);
    // The training loss is the same key with the same numbers, whether the test loss comes too.
    const trainOnly = of([path, '--plane', 'random', '--run', '1']);
    expect(trainOnly).not.toHaveProperty('test_loss');
    expect(flagged.train_loss).toEqual(trainOnly.train_loss);
    expect(flagged.test_loss).not.toEqual(flagged.train_loss);
    // Flags override the scene: its plane, its run, its loss.
    expect(of([sliced, '--plane', 'pca', '--loss', 'train'])).toEqual(of([path]));
    expect(of([sliced, '--run', '0', '--loss', 'train'])).toEqual(of([path, '--plane', 'random']));
    for (const [args, message] of [
      [['slice', path, '--loss', 'val'], /--loss must be train or test, got "val"/],
      [['slice', sliced, '--run', '2'], /--run must be below the scene's 2 optimizers/],
    ] as const) {
      const r = cli([...args]);
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
    }
    const noTest = join(dir, 'no-test.json');
    const network = { ...preset.network, params: { n: 120, test: 0 } };
    writeFileSync(noTest, JSON.stringify({ ...preset, network }));
    expect(cli(['slice', noTest, '--loss', 'test']).stderr).toMatch(
      /--loss test needs a test split/,
    );
  });
});

/**
 * A real scene whose second run grows huge without overflowing: SGD at lr 30 on a small ReLU net
 * stops at step 211 (its next step is not finite) with parameters near 1e153, past the square root
 * of the largest double, so a random plane's filter norms overflow.
 */
const hugePreset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 400,
  network: { data: 'xor', hidden: [4], activation: 'relu', params: { n: 100 } },
  optimizers: [
    { type: 'sgd', lr: 0.3, label: 'SGD 0.3' },
    { type: 'sgd', lr: 30, label: 'SGD 30' },
  ],
};
const hugePath = join(dir, 'huge.json');
writeFileSync(hugePath, JSON.stringify(hugePreset));

/** JSON.parse, which refuses NaN and Infinity as JSON does. */
const parsed = (text: string): unknown => JSON.parse(text);

describe('descent-lab on runs whose parameters grew huge', () => {
  const scene = sceneFromPreset(hugePreset);
  const training = networkTraining(scene, scene.network!);
  const runs = trainNetwork(training);

  it('is such a scene: the run stops before overflowing, its parameters past 1e150', () => {
    const big = runs[1]!;
    const kept = big.params.subarray(0, big.loss.length * big.count);
    expect(big.divergedAt).not.toBeNull();
    expect(kept.every(Number.isFinite)).toBe(true);
    expect(Math.max(...kept.map(Math.abs))).toBeGreaterThan(1e150);
  });

  it('refuses a plane that is not finite (exit 2, the page’s message), printing nothing', () => {
    // The random plane's filter normalisation squares the huge parameters: it overflows.
    const r = cli(['slice', hugePath, '--plane', 'random', '--run', '1', '--grid', '3']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr.trim()).toBe(`descent-lab: ${notFiniteMessage('random')}`);
    expect(r.stderr).toMatch(/^descent-lab: The runs’ random plane is not finite/);
    // The same check, in the engine, for the page's worker.
    const runsPlane = planeOfRuns('random', training.arch, runs, 1);
    const projections = runs.map((run) => projectRun(runsPlane.plane, run));
    expect(() => checkRunsPlane(runsPlane, projections, viewOfRuns('random', projections))).toThrow(
      notFiniteMessage('random'),
    );
  });

  it('finds the principal plane of the same runs, finite', () => {
    const r = cli(['slice', hugePath, '--plane', 'pca', '--grid', '3']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const out = parsed(r.stdout) as { explained: number[]; train_loss: number[][] };
    expect(out.explained.every(Number.isFinite)).toBe(true);
    const runsPlane = planeOfRuns('pca', training.arch, runs);
    const projections = runs.map((run) => projectRun(runsPlane.plane, run));
    expect(() =>
      checkRunsPlane(runsPlane, projections, viewOfRuns('pca', projections)),
    ).not.toThrow();
  });

  it('prints the line as JSON, a loss that overflowed as null', () => {
    const r = cli(['slice', hugePath, '--plane', 'line', '--grid', '9']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const out = parsed(r.stdout) as { t: number[]; train_loss: (number | null)[] };
    const net = new Network(training.arch);
    const end = (k: number) => {
      const run = runs[k]!;
      return run.params.subarray((run.loss.length - 1) * run.count, run.loss.length * run.count);
    };
    const losses = lineLosses(net, training.data.train, end(0), end(1), lineTs(9));
    // Past run 1's end (t = 1.5) the loss overflows; everything finite is printed as it is.
    expect(losses[8]).toBe(Infinity);
    expect(out.train_loss).toEqual([...losses].map((v) => (Number.isFinite(v) ? v : null)));
  });

  it('run prints valid JSON: the huge run is marked as diverged, its huge losses as numbers', () => {
    const r = cli(['run', hugePath]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const out = parsed(r.stdout) as { runs: { loss: number[]; diverged_at: number | null }[] };
    expect(out.runs.map((run) => run.diverged_at)).toEqual([null, runs[1]!.divergedAt]);
    expect(out.runs[1]!.loss).toEqual([...runs[1]!.loss]);
  });
});
