import { describe, expect, it } from 'vitest';
import { networkTraining } from '../../src/engine/network/scene.ts';
import { trainNetwork } from '../../src/engine/network/train.ts';
import type { Scene } from '../../src/engine/scene.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import type { FromNetworkWorker } from '../../src/workers/networkProtocol.ts';
import { NetworkService } from '../../src/workers/networkService.ts';
import { twoWorkers } from './support/twoWorkers.ts';

/** Four optimizers, one switching from Adam to SGD, on the exclusive or: two train in each worker. */
const preset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 48,
  network: { data: 'xor', hidden: [5, 4], params: { n: 100 } },
  optimizers: [
    { type: 'sgd', lr: 0.2, momentum: 0.9 },
    { type: 'adam', lr: 0.03, phases: [{ from: 24, type: 'sgd', lr: 0.2 }] },
    { type: 'nadam', lr: 0.02 },
    { type: 'adagrad', lr: 0.1 },
  ],
};
const scene = sceneFromPreset(preset);
/** The same scene at other rates: every run differs from `scene`'s. */
const slower = sceneFromPreset({
  ...preset,
  optimizers: preset.optimizers.map((o) => ({ ...o, lr: o.lr / 2 })),
});
const request = (requestId: number, of: Scene = scene) =>
  ({ type: 'network', requestId, scene: of, slicing: { grids: [4, 9], levels: 12 } }) as const;

/** A message without its times (they differ from one service to another). */
const withoutMs = (m: FromNetworkWorker) =>
  m.type === 'layers' ? { ...m, ms: 0, computeMs: 0 } : 'ms' in m ? { ...m, ms: 0 } : m;

/** What a service alone (no trainer) sends for `of`, but its progress. */
function alone(requestId: number, of: Scene): FromNetworkWorker[] {
  const posted: FromNetworkWorker[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  new NetworkService({
    post: (m) => posted.push(m),
    later: (t) => tasks.push(t),
    now: () => (clock += 5),
  }).receive(request(requestId, of));
  while (tasks.length) tasks.shift()!();
  return posted.filter((m) => m.type !== 'progress').map(withoutMs);
}

/** What the service sent for `requestId`, but its progress and whose runs they were. */
const answers = (posted: FromNetworkWorker[], requestId: number) =>
  posted
    .filter((m) => m.requestId === requestId && m.type !== 'progress')
    .map((m) => withoutMs(m.type === 'runs' ? { ...m, fromTrainer: 0 } : m));

/** The runs the service itself started for `requestId` (its progress names each). */
const trainedHere = (posted: FromNetworkWorker[], requestId: number) =>
  posted.flatMap((m) =>
    m.requestId === requestId && m.type === 'progress' && m.stage === 'training' ? [m.run] : [],
  );

describe('the network worker with its trainer', () => {
  it('trains half the runs in the trainer, and sends what it sends alone, bit for bit', () => {
    const two = twoWorkers();
    two.service.receive(request(1));
    two.drain();
    // The trainer got the second half, and its runs were taken: the service never started them.
    expect(two.toTrainer[0]).toMatchObject({ type: 'train', requestId: 1, runs: [2, 3] });
    expect(two.fromTrainer.map((m) => m.index)).toContain(3);
    expect(trainedHere(two.posted, 1)).not.toContain(3);
    expect(answers(two.posted, 1)).toEqual(alone(1, scene));
    const runs = two.posted.find((m) => m.type === 'runs')!;
    if (runs.type !== 'runs') return;
    expect(runs.fromTrainer).toBe(4 - trainedHere(two.posted, 1).length);
    expect(alone(1, scene).find((m) => m.type === 'runs')).toMatchObject({ fromTrainer: 0 });
    // And those are trainNetwork's runs (what `descent-lab run` prints).
    trainNetwork(networkTraining(scene, scene.network!)).forEach((r, k) => {
      expect(runs.runs[k]!.params).toEqual(r.params);
      expect(runs.runs[k]!.loss).toEqual(r.loss);
      expect(runs.runs[k]!.testLoss).toEqual(r.testLoss);
      expect(runs.runs[k]!.lr).toEqual(r.lr);
    });
    // Done, the trainer is told to stop (it may still hold a run the service trained first).
    expect(two.toTrainer.at(-1)).toEqual({ type: 'cancel' });
  });

  it('its progress counts the runs trained in either worker, so the status line never jumps back', () => {
    const two = twoWorkers();
    two.service.receive(request(1));
    two.drain();
    const done = two.posted.flatMap((m) =>
      m.type === 'progress' && m.stage === 'training' ? [m.done] : [],
    );
    // The service starts runs 0, 1, then the trainer's from the back: the count is not the index.
    expect(trainedHere(two.posted, 1)[0]).toBe(0);
    expect(done[0]).toBe(0);
    expect(done.every((d, k) => k === 0 || d >= done[k - 1]!)).toBe(true);
    expect(done.at(-1)).toBeLessThan(4);
    // Each start follows every run already trained here: at least its place in this worker's order.
    done.forEach((d, k) => expect(d).toBeGreaterThanOrEqual(k));
  });

  it('a newer request drops the runs of an older one that arrive after it', () => {
    const two = twoWorkers();
    two.service.receive(request(1));
    // A run of request 1 is on its way when request 2 arrives; no trainer helps after it, so
    // only the service's own runs can answer request 2.
    while (two.fromTrainer.length === 0) two.step();
    two.trainer.dead = true;
    two.service.receive(request(2, slower));
    two.drain();
    expect(two.fromTrainer.map((m) => [m.requestId, m.index])).toEqual([[1, 2]]);
    expect(two.posted.some((m) => m.type === 'runs' && m.requestId === 1)).toBe(false);
    expect(trainedHere(two.posted, 2).sort()).toEqual([0, 1, 2, 3]);
    expect(answers(two.posted, 2)).toEqual(alone(2, slower));
  });

  it('the trainer leaves an older request for a newer one within a task', () => {
    const two = twoWorkers();
    two.service.receive(request(1));
    while (two.fromTrainer.length === 0) two.step();
    two.service.receive(request(2, slower));
    two.drain();
    const sent = two.fromTrainer.map((m) => m.requestId);
    expect(sent[0]).toBe(1);
    // After request 2's runs reached it, it sent nothing more of request 1.
    expect(sent.slice(sent.indexOf(2))).not.toContain(1);
    expect(sent.filter((id) => id === 2).length).toBeGreaterThan(0);
    expect(answers(two.posted, 2)).toEqual(alone(2, slower));
  });

  it('a trainer that dies mid-request costs time, not runs: the service trains them itself', () => {
    const two = twoWorkers();
    two.service.receive(request(1));
    // Mid-way through the trainer's first run.
    for (let k = 0; k < 3; k++) two.step();
    expect(two.fromTrainer).toEqual([]);
    two.trainer.dead = true;
    two.drain();
    expect(two.fromTrainer).toEqual([]);
    expect(trainedHere(two.posted, 1).sort()).toEqual([0, 1, 2, 3]);
    expect(answers(two.posted, 1)).toEqual(alone(1, scene));
    // The page joins a new trainer (or none): the next request trains as well.
    two.service.connectTrainer(null);
    two.service.receive(request(2, slower));
    two.drain();
    expect(answers(two.posted, 2)).toEqual(alone(2, slower));
  });

  it('hands the trainer its share before setting up its own training', () => {
    // A scene whose setup throws (a data set no preset would name): the share went out first,
    // so the trainer (setting up its own meanwhile, on a fresh load ≈ 25 ms) is then cancelled.
    const broken = { ...scene, network: { ...scene.network!, data: 'no such set' } };
    const two = twoWorkers();
    two.service.receive(request(1, broken));
    two.network.step();
    expect(two.toTrainer.map((m) => m.type)).toEqual(['train', 'cancel']);
    expect(two.posted).toEqual([
      { type: 'error', requestId: 1, message: expect.stringMatching(/no such set/) },
    ]);
  });

  it('one run to train (a slider step on one optimizer) is not split', () => {
    const two = twoWorkers();
    two.service.receive(request(1));
    two.drain();
    const stepped = sceneFromPreset({
      ...preset,
      optimizers: [{ ...preset.optimizers[0]!, lr: 0.25 }, ...preset.optimizers.slice(1)],
    });
    two.toTrainer.length = 0;
    two.service.receive(request(2, stepped));
    two.drain();
    expect(two.toTrainer.map((m) => m.type)).toEqual(['cancel', 'cancel']);
    expect(trainedHere(two.posted, 2)).toEqual([0]);
    expect(answers(two.posted, 2)).toEqual(alone(2, stepped));
  });
});
