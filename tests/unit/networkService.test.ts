import { describe, expect, it } from 'vitest';
import { fieldOfSamples, sampleGrid } from '../../src/engine/field.ts';
import { notFiniteMessage, planeOfRuns } from '../../src/engine/network/landscape.ts';
import { Network } from '../../src/engine/network/model.ts';
import { DEFAULT_SLICE, networkTraining, withSlice } from '../../src/engine/network/scene.ts';
import { lossCostMs, PlaneLoss } from '../../src/engine/network/slice.ts';
import { trainNetwork } from '../../src/engine/network/train.ts';
import { toPreset, sceneFromPreset } from '../../src/preset/index.ts';
import type { FromNetworkWorker, NetworkProgress } from '../../src/workers/networkProtocol.ts';
import {
  completeSide,
  MIN_GRID,
  NetworkService,
  type NetworkHost,
} from '../../src/workers/networkService.ts';
import { run } from './support/cliInProcess.ts';

/** A network scene with a phased entry. */
const preset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 40,
  network: { data: 'spiral', hidden: [6, 5], params: { n: 120 } },
  optimizers: [
    { type: 'sgd', lr: 0.3, label: 'SGD' },
    { type: 'adam', lr: 0.02, label: 'Adam → SGD', phases: [{ from: 20, type: 'sgd', lr: 0.1 }] },
    { type: 'rmsprop', lr: 0.01, label: 'RMSprop' },
  ],
};
const GRID = 9;

/** A message without its times (they differ from one service to another). */
const withoutMs = (m: FromNetworkWorker) =>
  m.type === 'layers' ? { ...m, ms: 0, computeMs: 0 } : 'ms' in m ? { ...m, ms: 0 } : m;

/** A host whose tasks wait in a queue the test drains, on a clock that ticks `tick` ms a read. */
function fakeHost(tick = 1) {
  const posted: FromNetworkWorker[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const host: NetworkHost = {
    post: (message) => posted.push(message),
    later: (task) => tasks.push(task),
    now: () => (clock += tick),
  };
  const drain = (most = Infinity) => {
    for (let k = 0; k < most && tasks.length; k++) tasks.shift()!();
  };
  return { host, posted, drain, pending: () => tasks.length };
}

/** The service's samples of each field, kept as it builds the field from them. */
function keptSamples() {
  const samples: Float64Array[] = [];
  const fieldOf: typeof fieldOfSamples = (values, view, n, levels) => {
    samples.push(values.slice());
    return fieldOfSamples(values, view, n, levels);
  };
  return { samples, fieldOf };
}

const scene = sceneFromPreset(preset);
const request = (requestId: number) =>
  ({ type: 'network', requestId, scene, slicing: { grids: [4, GRID], levels: 12 } }) as const;

interface Slice {
  plane: string;
  explained: [number, number] | null;
  test_loss?: number[][];
  view: { x: [number, number]; y: [number, number] };
  train_loss: number[][];
  runs: { alpha: number[]; beta: number[]; distance: number[] }[];
}
interface Runs {
  runs: {
    loss: number[];
    test_loss: number[];
    lrs: number[];
    diverged_at: number | null;
    params: number[][];
  }[];
}

const cliOut = async (args: string[], of = scene) => {
  const r = await run([...args, '-'], JSON.stringify(toPreset(of)));
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};

/** A progress message as the order test reads it: the stage and, where it has one, its count. */
const progressLabel = (m: NetworkProgress): string =>
  m.stage === 'training'
    ? `training ${m.run}/${m.of}`
    : m.stage === 'slicing'
      ? `slicing ${m.pass}/${m.of}`
      : m.stage;

describe('the network worker’s service', () => {
  it('sends what descent-lab run and slice --plane pca print for the scene, bit for bit', async () => {
    const { host, posted, drain } = fakeHost();
    const { samples, fieldOf } = keptSamples();
    new NetworkService(host, fieldOf).receive(request(1));
    drain();
    const slice = (await cliOut(['slice', '--plane', 'pca', '--grid', String(GRID)])) as Slice;
    const cliRuns = (await cliOut(['run', '--params'])) as Runs;

    const runs = posted.find((m) => m.type === 'runs')!;
    expect(runs.type === 'runs' && runs.requestId).toBe(1);
    if (runs.type !== 'runs') return;
    expect([...runs.explained!]).toEqual(slice.explained);
    expect(runs.view).toEqual(slice.view);
    runs.runs.forEach((r, k) => {
      const c = cliRuns.runs[k]!;
      expect([...r.alpha]).toEqual(slice.runs[k]!.alpha);
      expect([...r.beta]).toEqual(slice.runs[k]!.beta);
      expect([...r.distance]).toEqual(slice.runs[k]!.distance);
      expect([...r.loss]).toEqual(c.loss);
      expect([...r.testLoss!]).toEqual(c.test_loss);
      expect([...r.lr]).toEqual(c.lrs);
      expect(r.divergedAt).toBe(c.diverged_at);
      const rows = Array.from({ length: r.loss.length }, (_, i) => [
        ...r.params.subarray(i * r.count, (i + 1) * r.count),
      ]);
      expect(rows).toEqual(c.params);
    });

    // The complete field's samples are the command line's cells; the coarse one came first.
    const fields = posted.filter((m) => m.type === 'field');
    expect(fields.map((f) => [f.field.n, f.final])).toEqual([
      [4, false],
      [GRID, true],
    ]);
    expect([...samples[1]!]).toEqual(slice.train_loss.flat());
    expect(fields[1]!.field).toEqual(fieldOfSamples(samples[1]!, runs.view, GRID, 12));
  });

  it('slices the scene’s random plane through run K and its test loss as slice --plane random --run K --loss test', async () => {
    const randomScene = sceneFromPreset({
      ...preset,
      network: { ...preset.network, slice: { plane: 'random', run: 2, loss: 'test' } },
    });
    const { host, posted, drain } = fakeHost();
    const { samples, fieldOf } = keptSamples();
    new NetworkService(host, fieldOf).receive({ ...request(1), scene: randomScene });
    drain();
    const args = [
      'slice',
      '--plane',
      'random',
      '--run',
      '2',
      '--loss',
      'test',
      '--grid',
      `${GRID}`,
    ];
    const slice = (await cliOut(args)) as Slice;
    // The scene's own slice is the command line's default: no flags, the same numbers.
    expect(await cliOut(['slice', '--grid', `${GRID}`], randomScene)).toEqual(slice);

    const runs = posted.find((m) => m.type === 'runs')!;
    if (runs.type !== 'runs') return expect(runs.type).toBe('runs');
    expect([runs.kind, runs.explained, runs.loss]).toEqual(['random', null, 'test']);
    expect([slice.plane, slice.explained]).toEqual(['random', null]);
    expect(runs.view).toEqual(slice.view);
    runs.runs.forEach((r, k) => {
      expect([...r.alpha]).toEqual(slice.runs[k]!.alpha);
      expect([...r.beta]).toEqual(slice.runs[k]!.beta);
      expect([...r.distance]).toEqual(slice.runs[k]!.distance);
    });
    // The plane passes through run 2's last point.
    expect(runs.runs[2]!.distance.at(-1)).toBeLessThan(1e-9);

    // The complete field is the test loss on that plane: PlaneLoss over the test set, and the
    // command line's test_loss; not the training loss.
    const training = networkTraining(randomScene, randomScene.network!);
    const { plane } = planeOfRuns('random', training.arch, trainNetwork(training), 2);
    const test = sampleGrid(
      new PlaneLoss(new Network(training.arch), training.data.test, plane),
      runs.view,
      GRID,
    );
    expect(training.data.test.n).toBe(30);
    expect([...samples[1]!]).toEqual([...test]);
    expect([...samples[1]!]).toEqual(slice.test_loss!.flat());
    expect([...samples[1]!]).not.toEqual(slice.train_loss.flat());
    // A coarse picture first, as for the training loss.
    expect(
      posted.filter((m) => m.type === 'field').map((f) => f.type === 'field' && f.field.n),
    ).toEqual([4, GRID]);
  });

  it('slices a scene that changes only its plane or loss again without training again', () => {
    const { host, posted, drain } = fakeHost();
    const service = new NetworkService(host);
    const random = (loss: 'train' | 'test') =>
      withSlice(scene.network!, { plane: 'random', run: 1, loss });
    const runsOf = (requestId: number) =>
      posted.find(
        (m): m is Extract<FromNetworkWorker, { type: 'runs' }> =>
          m.type === 'runs' && m.requestId === requestId,
      )!;
    const trainingOf = (requestId: number) =>
      posted.filter(
        (m) => m.requestId === requestId && m.type === 'progress' && m.stage === 'training',
      );
    service.receive(request(1));
    drain();
    service.receive({ ...request(2), scene: { ...scene, network: random('test') } });
    drain();
    expect(trainingOf(1)).toHaveLength(3);
    expect(trainingOf(2)).toEqual([]);
    // The same numbers a fresh service sends for that scene, in arrays of their own (each
    // message's buffers move to the page).
    const fresh = fakeHost();
    new NetworkService(fresh.host).receive({
      ...request(2),
      scene: { ...scene, network: random('test') },
    });
    fresh.drain();
    expect(posted.filter((m) => m.requestId === 2 && m.type !== 'progress').map(withoutMs)).toEqual(
      fresh.posted.filter((m) => m.type !== 'progress').map(withoutMs),
    );
    runsOf(2).runs.forEach((r, k) => {
      expect(r.params).not.toBe(runsOf(1).runs[k]!.params);
      expect(r.params).toEqual(runsOf(1).runs[k]!.params);
    });
    // The layers too are the kept ones (not computed again), in arrays of their own.
    const layersOf = (requestId: number) =>
      posted.find(
        (m): m is Extract<FromNetworkWorker, { type: 'layers' }> =>
          m.type === 'layers' && m.requestId === requestId,
      )!;
    expect(layersOf(2).computeMs).toBe(0);
    expect(layersOf(2).runs).toEqual(layersOf(1).runs);
    expect(layersOf(2).runs[0]!.stats.theta[0]).not.toBe(layersOf(1).runs[0]!.stats.theta[0]);
    // A changed optimizer (a slider step) trains that one again, and only it; a removed one
    // trains nothing; a cancel (the page left networks) forgets them all.
    const [first, ...rest] = scene.optimizers;
    const changed = {
      ...scene,
      optimizers: [
        { ...first!, hyper: { ...first!.hyper, lr: (first!.hyper['lr'] as number) / 2 } },
        ...rest,
      ],
    };
    service.receive({ ...request(3), scene: changed });
    drain();
    expect(trainingOf(3).map((m) => (m as { run: number }).run)).toEqual([0]);
    const again = fakeHost();
    new NetworkService(again.host).receive({ ...request(3), scene: changed });
    again.drain();
    expect(runsOf(3).runs.map((r) => r.params)).toEqual(
      again.posted.find((m) => m.type === 'runs')!.runs.map((r) => r.params),
    );
    // The kept runs' Layers numbers are kept too, and equal a fresh service's.
    expect(layersOf(3).runs).toEqual(again.posted.find((m) => m.type === 'layers')!.runs);
    const other = { ...scene, optimizers: changed.optimizers.slice(1) };
    service.receive({ ...request(4), scene: other });
    drain();
    expect(trainingOf(4)).toEqual([]);
    service.receive({ type: 'cancel' });
    service.receive({ ...request(5), scene: other });
    drain();
    expect(trainingOf(5)).toHaveLength(2);
  });

  it('refuses the test loss of a data set without a test split, naming the field', () => {
    const { host, posted, drain } = fakeHost();
    const network = { ...scene.network!, params: { ...scene.network!.params, test: 0 } };
    const noTest = { ...scene, network: withSlice(network, { ...DEFAULT_SLICE, loss: 'test' }) };
    new NetworkService(host).receive({ ...request(6), scene: noTest } as const);
    drain();
    expect(posted.at(-1)).toEqual({
      type: 'error',
      requestId: 6,
      message: expect.stringMatching(/test loss needs a test split \(network\.params\.test/),
    });
  });

  it('tells its progress: each run’s training, the plane, then the slices', () => {
    const { host, posted, drain } = fakeHost();
    new NetworkService(host).receive(request(3));
    drain();
    expect(posted.map((m) => (m.type === 'progress' ? progressLabel(m) : m.type))).toEqual([
      'training 0/3',
      'training 1/3',
      'training 2/3',
      'plane',
      'runs',
      'slicing 0/2',
      'field',
      'layers',
      'slicing 1/2',
      'field',
    ]);
    expect(posted.every((m) => m.requestId === 3)).toBe(true);
  });

  it('a newer request replaces the one computing within a task; a cancel stops it', () => {
    // A task's budget is 15 ms: 3 slices of work a task on this clock.
    const { host, posted, drain, pending } = fakeHost(5);
    const service = new NetworkService(host);
    service.receive(request(1));
    drain(1);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.some((m) => m.type === 'runs')).toBe(false);
    service.receive(request(2));
    const before = posted.length;
    drain();
    const after = posted.slice(before);
    expect(after.every((m) => m.requestId === 2)).toBe(true);
    expect(after.filter((m) => m.type === 'field' && m.final)).toHaveLength(1);

    service.receive(request(4));
    drain(2);
    service.receive({ type: 'cancel' });
    const stopped = posted.length;
    drain();
    expect(posted.length).toBe(stopped);
    expect(pending()).toBe(0);
  });

  it('computes the plane across tasks: a cancel while it computes stops it before the runs go', () => {
    // 3 runs × 41 points of 59 parameters: tens of pieces of the plane, 3 pieces a task here.
    const { host, posted, drain, pending } = fakeHost(5);
    const service = new NetworkService(host);
    service.receive(request(1));
    const plane = () => posted.some((m) => m.type === 'progress' && m.stage === 'plane');
    while (!plane() && pending() > 0) drain(1);
    drain(3);
    expect(posted.some((m) => m.type === 'runs')).toBe(false);
    service.receive({ type: 'cancel' });
    drain();
    expect(posted.some((m) => m.type === 'runs')).toBe(false);
    expect(pending()).toBe(0);
  });

  it('slices the newest plane over another view (a zoom) as the command line slices its own', async () => {
    const { host, posted, drain } = fakeHost();
    const { samples, fieldOf } = keptSamples();
    const service = new NetworkService(host, fieldOf);
    service.receive(request(1));
    drain();
    const slice = (await cliOut(['slice', '--plane', 'pca', '--grid', '2'])) as Slice;
    const [x0, x1] = slice.view.x;
    const [y0, y1] = slice.view.y;
    // The lower-left quarter of the plane's view on a 1 × 1 grid: its one cell's centre is that
    // of cell (0, 0) of the command line's 2 × 2 grid over the whole view.
    const view = { x: [x0, (x0 + x1) / 2], y: [y0, (y0 + y1) / 2] } as const;
    service.receive({
      type: 'view',
      requestId: 2,
      plane: 1,
      view,
      slicing: { grids: [1, 1], levels: 3 },
    });
    // A view of a plane the worker no longer holds is stale: nothing is computed for it.
    service.receive({
      type: 'view',
      requestId: 3,
      plane: 0,
      view,
      slicing: { grids: [1, 1], levels: 3 },
    });
    drain();
    const fields = posted.filter(
      (m): m is Extract<FromNetworkWorker, { type: 'field' }> =>
        m.type === 'field' && m.requestId === 2,
    );
    expect(fields.map((f) => [f.field.n, f.final, f.field.view])).toEqual([
      [1, false, view],
      [1, true, view],
    ]);
    expect(posted.some((m) => m.requestId === 3)).toBe(false);
    expect(samples.at(-1)![0]).toBe(slice.train_loss[0]![0]);
  });

  it('says so when a run grows too large for its plane (SGD at lr 1e300: finite, ~1e299)', () => {
    const { host, posted, drain } = fakeHost();
    const huge = sceneFromPreset({
      ...preset,
      optimizers: [...preset.optimizers, { type: 'sgd', lr: 1e300 }],
    });
    new NetworkService(host).receive({ ...request(5), scene: huge });
    drain();
    expect(posted.at(-1)).toEqual({
      type: 'error',
      requestId: 5,
      message: expect.stringMatching(/^The runs’ principal plane is not finite/),
    });
  });

  it('refuses a random plane the same way, with the check slice makes (checkRunsPlane)', () => {
    // SGD at lr 30 on a small ReLU net stops before overflowing, its parameters near 1e153.
    const huge = sceneFromPreset({
      ...preset,
      steps: 400,
      network: {
        data: 'xor',
        hidden: [4],
        activation: 'relu',
        params: { n: 100 },
        slice: { plane: 'random', run: 1 },
      },
      optimizers: [
        { type: 'sgd', lr: 0.3 },
        { type: 'sgd', lr: 30 },
      ],
    });
    const { host, posted, drain } = fakeHost();
    new NetworkService(host).receive({ ...request(6), scene: huge });
    drain();
    expect(posted.some((m) => m.type === 'runs')).toBe(false);
    expect(posted.at(-1)).toEqual({
      type: 'error',
      requestId: 6,
      message: notFiniteMessage('random'),
    });
  });

  it('answers a scene without a network with an error naming the request', () => {
    const { host, posted, drain } = fakeHost();
    const plain = sceneFromPreset({ ...preset, network: undefined });
    expect(plain.network).toBeUndefined();
    new NetworkService(host).receive({ ...request(7), scene: plain });
    drain();
    expect(posted).toEqual([
      { type: 'error', requestId: 7, message: expect.stringMatching(/no network/) },
    ]);
  });
});

describe('the complete grid’s side', () => {
  it('follows the cost model, not the clock: a slow and a fast machine slice alike', () => {
    const training = networkTraining(scene, scene.network!);
    const budgetMs = 40;
    const sides = [0.01, 1000].map((tick) => {
      const { host, posted, drain } = fakeHost(tick);
      new NetworkService(host).receive({
        ...request(3),
        slicing: { grids: [4, 64], levels: 12, budgetMs },
      });
      drain();
      return posted.flatMap((m) => (m.type === 'field' ? [m.field.n] : []));
    });
    const cellMs = lossCostMs(training.arch, training.data.train.n);
    expect(sides[0]).toEqual([4, completeSide([4, 64], budgetMs, cellMs)]);
    expect(sides[1]).toEqual(sides[0]);
    expect(sides[0]![1]).toBeGreaterThan(MIN_GRID);
  });

  it('is the largest up to the most whose cells fit the budget, never under MIN_GRID', () => {
    expect(completeSide([16, 64], undefined, 1)).toBe(64);
    // 0.25 ms a cell: 600 ms holds 2,400 cells, 48².
    expect(completeSide([16, 64], 600, 0.25)).toBe(48);
    expect(completeSide([16, 64], 600, 0.001)).toBe(64);
    expect(completeSide([16, 64], 600, 100)).toBe(MIN_GRID);
    expect(completeSide([4, 9], 600, 100)).toBe(9);
  });
});
