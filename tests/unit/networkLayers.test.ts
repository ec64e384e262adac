import { describe, expect, it } from 'vitest';
import { batchGradients, layerStats } from '../../src/engine/network/layerStats.ts';
import { Network } from '../../src/engine/network/model.ts';
import { networkTraining } from '../../src/engine/network/scene.ts';
import { SHARPNESS, sharpness } from '../../src/engine/network/sharpness.ts';
import { trainNetwork } from '../../src/engine/network/train.ts';
import { SHARPNESS as GALLERY_SHARPNESS } from '../../src/gallery/network.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import type { FromNetworkWorker } from '../../src/workers/networkProtocol.ts';
import { NetworkClient } from '../../src/workers/networkClient.ts';
import { NetworkService, type NetworkHost } from '../../src/workers/networkService.ts';

/** A network scene with a phased entry and momentum (whose effective rate is not its lr). */
const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 37,
  network: { data: 'spiral', hidden: [6, 5], params: { n: 120, batch: 7 } },
  optimizers: [
    { type: 'sgd', lr: 0.3, label: 'SGD' },
    { type: 'adam', lr: 0.02, label: 'Adam → SGD', phases: [{ from: 20, type: 'sgd', lr: 0.1 }] },
    { type: 'sgd', lr: 0.05, momentum: 0.9, label: 'Momentum' },
  ],
});
const slicing = { grids: [3, 5], levels: 8 } as const;

/** The service on a queue of tasks the test drains, on a clock ticking 1 ms a read. */
function service() {
  const posted: FromNetworkWorker[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const host: NetworkHost = {
    post: (message) => posted.push(message),
    later: (task) => tasks.push(task),
    now: () => (clock += 1),
  };
  const svc = new NetworkService(host);
  const drainUntil = (done: () => boolean) => {
    while (tasks.length && !done()) tasks.shift()!();
  };
  return { svc, posted, drainUntil, drain: () => drainUntil(() => false) };
}

const isLayers = (m: FromNetworkWorker): m is Extract<FromNetworkWorker, { type: 'layers' }> =>
  m.type === 'layers';

describe('the network worker’s layers message', () => {
  it('holds layerStats over batchGradients and the gallery’s sharpness of each run, bit for bit', () => {
    const { svc, posted, drain } = service();
    svc.receive({ type: 'network', requestId: 4, scene, slicing });
    drain();
    const order = posted.flatMap((m) =>
      m.type === 'field'
        ? [m.final ? 'complete' : 'coarse']
        : m.type === 'progress'
          ? []
          : [m.type],
    );
    // After the first picture, so training and the first picture pay nothing for them.
    expect(order).toEqual(['runs', 'coarse', 'layers', 'complete']);
    const msg = posted.find(isLayers)!;
    expect(msg.requestId).toBe(4);
    expect(msg.computeMs).toBeGreaterThan(0);
    expect(msg.ms).toBeGreaterThanOrEqual(msg.computeMs);

    const training = networkTraining(scene, scene.network!);
    const runs = trainNetwork(training);
    const net = new Network(training.arch);
    expect(msg.sizes).toEqual([2, 6, 5, 1]);
    expect(msg.runs).toHaveLength(3);
    runs.forEach((run, k) => {
      const want = layerStats(
        net.layout,
        run.params,
        run.loss.length,
        batchGradients(training, run),
      );
      const got = msg.runs[k]!;
      for (const key of ['theta', 'step', 'grad', 'rate'] as const) {
        expect(got.stats[key]!.map((a) => [...a])).toEqual(want[key]!.map((a) => [...a]));
      }
      expect(got.stats.step[0]).toHaveLength(scene.steps);
      const end = run.params.subarray(scene.steps * run.count);
      const { radius, directions, seed } = SHARPNESS;
      const sharp = sharpness(net, training.data.train, end, radius, directions, seed);
      expect(got.sharpness).toBe(sharp);
      expect(sharp).toBeGreaterThan(0);
    });
    // Plain SGD's effective rate is its lr in every layer; momentum's is not.
    const rates = (k: number) => msg.runs[k]!.stats.rate!.flatMap((a) => [...a]);
    for (const r of rates(0)) expect(r).toBeCloseTo(0.3, 12);
    expect(rates(2).some((r) => Math.abs(r - 0.05) > 1e-3)).toBe(true);
  });

  it('measures sharpness as the gallery’s claims do', () => {
    expect(SHARPNESS).toBe(GALLERY_SHARPNESS);
  });

  it('still arrives, once, when a view of the plane (a zoom) replaces the job before it', () => {
    const { svc, posted, drainUntil, drain } = service();
    svc.receive({ type: 'network', requestId: 1, scene, slicing });
    drainUntil(() => posted.some((m) => m.type === 'field'));
    expect(posted.some(isLayers)).toBe(false);
    const view = { x: [-1, 1], y: [-1, 1] } as const;
    svc.receive({ type: 'view', requestId: 2, plane: 1, view, slicing });
    drain();
    const layers = posted.filter(isLayers);
    expect(layers.map((m) => m.requestId)).toEqual([1]);
    // Between the view's own coarse and complete fields, as for a scene.
    const fields = posted.filter((m) => m.type === 'field' && m.requestId === 2);
    expect(fields).toHaveLength(2);
    const at = posted.indexOf(layers[0]!);
    expect([posted.indexOf(fields[0]!) < at, at < posted.indexOf(fields[1]!)]).toEqual([
      true,
      true,
    ]);

    // A view asked for after they were sent does not send them again.
    svc.receive({ type: 'view', requestId: 3, plane: 1, view, slicing });
    drain();
    expect(posted.filter(isLayers)).toHaveLength(1);
  });

  it('a newer scene drops the older one’s layers', () => {
    const { svc, posted, drainUntil, drain } = service();
    svc.receive({ type: 'network', requestId: 1, scene, slicing });
    drainUntil(() => posted.some((m) => m.type === 'field'));
    svc.receive({ type: 'network', requestId: 2, scene, slicing });
    drain();
    expect(posted.filter(isLayers).map((m) => m.requestId)).toEqual([2]);
  });
});

/** A worker whose answers the test writes itself. */
class ScriptedWorker extends EventTarget {
  postMessage() {}
  terminate() {}
  answer(data: FromNetworkWorker) {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
}

describe('the network client’s layers', () => {
  it('reach the page for the plane it holds, whichever request is owed, and never an older one', () => {
    const worker = new ScriptedWorker();
    const got: string[] = [];
    const client = new NetworkClient(
      {
        progress: () => {},
        runs: () => got.push('runs'),
        field: () => {},
        error: (message) => got.push(`error ${message}`),
        layers: (s, layers, ms, computeMs) =>
          got.push(`layers ${s === scene} ${layers.runs.length} ${ms} ${computeMs}`),
      },
      () => worker as unknown as Worker,
      null,
    );
    const runs = (requestId: number): FromNetworkWorker => ({
      type: 'runs',
      requestId,
      ms: 1,
      fromTrainer: 0,
      runs: [],
      kind: 'pca',
      explained: [0.5, 0.25],
      loss: 'train',
      view: { x: [0, 1], y: [0, 1] },
    });
    const layers = (requestId: number): FromNetworkWorker => ({
      type: 'layers',
      requestId,
      ms: 9,
      computeMs: 3,
      runs: [],
      sizes: [2, 1],
    });
    client.request(scene, slicing);
    // Before its runs the page holds no plane for them.
    worker.answer(layers(1));
    worker.answer(runs(1));
    // A zoom's view is owed now: the scene's layers still come.
    client.view({ x: [0, 0.5], y: [0, 0.5] }, slicing);
    worker.answer(layers(1));
    client.request({ ...scene, steps: 5 }, slicing);
    worker.answer(layers(1));
    expect(got).toEqual(['runs', 'layers true 0 9 3']);
    client.dispose();
  });
});
