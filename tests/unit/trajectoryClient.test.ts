import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { defaultScene, sceneFromPreset } from '../../src/preset/index.ts';
import { RunFeed, RunSet, lossesShown } from '../../src/workers/runs.ts';
import { PAGE_STEPS, PageRuns, SKETCH_NS } from '../../src/state/pageRuns.ts';
import { TrajectoryClient, type TrajectoryStatus } from '../../src/workers/trajectoryClient.ts';
import type {
  FromTrajectoryWorker,
  SimulateRequest,
  ToTrajectoryWorker,
} from '../../src/workers/protocol.ts';

/** A stand-in worker: records what it is sent; the test answers, crashes or ignores it. */
class FakeWorker extends EventTarget {
  messages: ToTrajectoryWorker[] = [];
  terminated = false;
  /** The simulate requests received, in order. */
  get sent(): SimulateRequest[] {
    return this.messages.filter((m) => m.type === 'simulate');
  }
  postMessage(msg: ToTrajectoryWorker) {
    this.messages.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  answer(msg: FromTrajectoryWorker) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: msg }));
  }
  crash(message = 'boom') {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
  /** Answers request `req` with the engine's real runs, each in two chunks, then done. */
  compute(req: SimulateRequest) {
    const { runs } = simulate(req.scene);
    runs.forEach((run, k) => {
      const half = Math.floor(run.x.length / 2);
      for (const [from, to] of [
        [0, half],
        [half, run.x.length],
      ] as const) {
        this.answer({
          type: 'chunk',
          runId: req.runId,
          run: k,
          from,
          x: run.x.slice(from, to),
          y: run.y.slice(from, to),
          f: run.f.slice(from, to),
          testF: run.testF?.slice(from, to),
          lr: from === 0 ? run.lr : undefined,
          divergedAt: run.divergedAt,
          done: to === run.x.length,
        });
      }
    });
    this.answer({ type: 'done', runId: req.runId, ms: 1 });
  }
}

/**
 * A client with a fake worker; with `pageSteps` 0 every run goes to the worker. `sketchNs` is what
 * the page's paths of a loss made of data may cost.
 */
function setup(pageSteps = 0, sketchNs = SKETCH_NS) {
  const workers: FakeWorker[] = [];
  const feed = new RunFeed();
  const statuses: TrajectoryStatus[] = [];
  const client = new TrajectoryClient(
    feed,
    (s) => statuses.push(s),
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    pageSteps > 0 ? new PageRuns(pageSteps, sketchNs).fill : null,
  );
  return { client, workers, feed, statuses };
}

afterEach(() => vi.useRealTimers());

describe('TrajectoryClient', () => {
  it('fills a run set from the chunks and publishes it, then reports ready', () => {
    const { client, workers, feed, statuses } = setup();
    const scene = defaultScene();
    client.simulate(scene);
    workers[0]!.compute(workers[0]!.sent[0]!);
    const set = feed.current!;
    expect(set.complete).toBe(true);
    const expected = simulate(scene).runs;
    set.runs.forEach((run, k) => {
      expect(run.x.subarray(0, run.length)).toEqual(expected[k]!.x);
      expect(run.lr).toEqual(expected[k]!.lr);
    });
    expect(statuses.map((s) => s.phase)).toEqual(['computing', 'ready']);
    client.dispose();
  });

  it('drops chunks of a superseded request and keeps stamps of unchanged runs', () => {
    const { client, workers, feed } = setup();
    const scene = defaultScene();
    client.simulate(scene);
    const first = workers[0]!.sent[0]!;
    const changed = {
      ...scene,
      optimizers: [
        scene.optimizers[0]!,
        scene.optimizers[1]!,
        { ...scene.optimizers[2]!, label: 'B' },
      ],
    };
    client.simulate(changed);
    workers[0]!.compute(first);
    expect(feed.current).toBeNull();
    workers[0]!.compute(workers[0]!.sent[1]!);
    const set = feed.current!;
    expect(set.scene).toBe(changed);
    client.simulate({ ...changed, optimizers: [...changed.optimizers] });
    const next = feed.current!;
    expect(next.stamps).toEqual(set.stamps);
    // Every run is unchanged: the data is shared, published at once, and the worker not asked.
    expect(next).not.toBe(set);
    expect(next.complete).toBe(true);
    expect(workers[0]!.sent).toHaveLength(2);
    expect(next.runs[2]).toBe(set.runs[2]);
    client.simulate({
      ...changed,
      optimizers: [
        changed.optimizers[0]!,
        changed.optimizers[1]!,
        { ...changed.optimizers[2]!, label: 'C' },
      ],
    });
    expect(workers[0]!.sent[2]!.skip).toEqual([true, true, false]);
    client.dispose();
  });

  it('replaces a crashed worker and recomputes the newest scene, then gives up after three crashes', () => {
    const { client, workers, statuses } = setup();
    client.simulate(defaultScene());
    workers[0]!.crash();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent[0]!.runId).toBe(workers[0]!.sent[0]!.runId);
    workers[1]!.crash();
    workers[2]!.crash('out of memory');
    expect(workers).toHaveLength(3);
    expect(statuses.at(-1)).toEqual({
      phase: 'error',
      message: 'The computation keeps failing (out of memory). Reload the page to try again.',
    });
    client.dispose();
  });

  it('treats a silent worker as hung and replaces it', () => {
    vi.useFakeTimers();
    const { client, workers } = setup();
    client.simulate(defaultScene());
    vi.advanceTimersByTime(14_000);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    expect(workers).toHaveLength(2);
    workers[1]!.compute(workers[1]!.sent[0]!);
    vi.advanceTimersByTime(60_000);
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('computes small runs on the page, publishing them at once with the worker untouched', () => {
    const { client, workers, feed, statuses } = setup(PAGE_STEPS);
    const scene = defaultScene();
    client.simulate(scene);
    expect(workers).toHaveLength(0);
    const set = feed.current!;
    expect(set.complete).toBe(true);
    const expected = simulate(scene).runs;
    set.runs.forEach((run, k) => {
      expect(run.x.subarray(0, run.length)).toEqual(expected[k]!.x);
      expect(run.f.subarray(0, run.length)).toEqual(expected[k]!.f);
      expect(run.lr).toEqual(expected[k]!.lr);
      expect(run.divergedAt).toBe(expected[k]!.divergedAt);
    });
    expect(statuses.map((s) => s.phase)).toEqual(['ready']);
    client.dispose();
  });

  it('sends a request over the page budget to the worker, and cancels it once a smaller one is done here', () => {
    const { client, workers, feed, statuses } = setup(PAGE_STEPS);
    const scene = defaultScene();
    const big = { ...scene, steps: Math.ceil(PAGE_STEPS / scene.optimizers.length) + 1 };
    client.simulate(big);
    expect(workers[0]!.sent).toHaveLength(1);
    expect(workers[0]!.sent[0]).toMatchObject({ type: 'simulate', skip: [false, false, false] });
    expect(feed.current).toBeNull();
    client.simulate(scene);
    expect(workers[0]!.messages[1]).toEqual({ type: 'cancel' });
    expect(feed.current!.scene).toBe(scene);
    expect(statuses.map((s) => s.phase)).toEqual(['computing', 'ready']);
    client.dispose();
  });

  it('computes only the changed run on the page once the others are complete', () => {
    const { client, workers, feed } = setup(PAGE_STEPS);
    const scene = defaultScene();
    const big = { ...scene, steps: PAGE_STEPS / 2 };
    client.simulate(big);
    workers[0]!.compute(workers[0]!.sent[0]!);
    const first = feed.current!;
    const adam = big.optimizers[2]!;
    const changed = {
      ...big,
      optimizers: [
        big.optimizers[0]!,
        big.optimizers[1]!,
        { ...adam, hyper: { ...adam.hyper, lr: 0.01 } },
      ],
    };
    client.simulate(changed);
    expect(workers[0]!.sent).toHaveLength(1);
    const set = feed.current!;
    expect(set.runs[0]).toBe(first.runs[0]);
    const expected = simulate(changed).runs[2]!;
    expect(set.runs[2]!.x.subarray(0, set.runs[2]!.length)).toEqual(expected.x);
    client.dispose();
  });

  it('leaves typed functions to the worker, whose generated code may only run there', () => {
    const set = new RunSet(1, { ...defaultScene(), fn: { id: 'custom', params: {}, expr: 'x^2' } });
    expect(new PageRuns().fill(set)).toBe(false);
    expect(set.have).toEqual([false, false, false]);
  });

  it('computes noisy runs on the page bit for bit as the engine does, seed after seed', () => {
    const { client, feed } = setup(PAGE_STEPS);
    for (const seed of [3, 3, 4]) {
      const scene = { ...defaultScene(), noise: { sigma: 0.5, seed } };
      client.simulate(scene);
      const expected = simulate(scene).runs;
      feed.current!.runs.forEach((run, k) =>
        expect(run.x.subarray(0, run.length)).toEqual(expected[k]!.x),
      );
    }
    client.dispose();
  });

  describe('a loss made of data', () => {
    const bits = (a: Float64Array): string[] => Array.from(a, String);
    const dataScene = () =>
      sceneFromPreset({
        v: 1,
        fn: { id: 'sparse_logistic', params: { n: 400, batch: 16 } },
        steps: 500,
        optimizers: [
          { type: 'sgd', lr: 0.05 },
          { type: 'adam', lr: 0.02 },
          { type: 'adagrad', lr: 0.3, phases: [{ from: 200, type: 'sgd', lr: 0.1 }] },
        ],
      });

    it('draws a changed run’s path at once, sketched on the page, and takes its losses from the worker', () => {
      const { client, workers, feed } = setup(PAGE_STEPS);
      const scene = dataScene();
      client.simulate(scene);
      workers[0]!.compute(workers[0]!.sent[0]!);
      const before = feed.current!;
      const adam = scene.optimizers[1]!;
      const changed = {
        ...scene,
        optimizers: [
          scene.optimizers[0]!,
          { ...adam, hyper: { ...adam.hyper, lr: 0.01 } },
          scene.optimizers[2]!,
        ],
      };
      client.simulate(changed);
      const request = workers[0]!.sent[1]!;
      // The worker still computes the run in full: the page has only its path.
      expect(request.skip).toEqual([true, false, true]);
      const set = feed.current!;
      expect(set).not.toBe(before);
      expect(set.complete).toBe(false);
      const run = set.runs[1]!;
      const expected = simulate(changed).runs[1]!;
      expect([run.pathLength, run.length]).toEqual([501, 0]);
      expect(bits(run.x.subarray(0, 501))).toEqual(bits(expected.x));
      expect(bits(run.y.subarray(0, 501))).toEqual(bits(expected.y));
      // The loss chart keeps the set it drew until some of the new run's losses are known.
      expect(set.lossesStarted).toBe(false);
      expect(lossesShown(set, before)).toBe(before);
      expect(lossesShown(set, null)).toBe(set);
      // The losses fill in behind the path, which stays drawn whole; then the run is complete.
      workers[0]!.compute(request);
      expect(lossesShown(set, before)).toBe(set);
      expect(set.complete).toBe(true);
      expect([run.pathLength, run.length]).toEqual([501, 501]);
      expect(bits(run.f.subarray(0, 501))).toEqual(bits(expected.f));
      expect(run.testF).toEqual(expected.testF);
      client.dispose();
    });

    it('keeps the sketch drawn while the first chunks arrive, and leaves it to the worker over budget', () => {
      const { client, workers, feed } = setup(PAGE_STEPS);
      const scene = dataScene();
      client.simulate(scene);
      const set = feed.current!;
      expect(set.runs.map((r) => r.pathLength)).toEqual([501, 501, 501]);
      const { runs } = simulate(scene);
      workers[0]!.answer({
        type: 'chunk',
        runId: workers[0]!.sent[0]!.runId,
        run: 0,
        from: 0,
        x: runs[0]!.x.slice(0, 40),
        y: runs[0]!.y.slice(0, 40),
        f: runs[0]!.f.slice(0, 40),
        divergedAt: null,
        done: false,
      });
      expect([set.runs[0]!.pathLength, set.runs[0]!.length]).toEqual([501, 40]);
      client.dispose();

      // Not even one step of three runs fits 10 µs: the worker alone draws them.
      const tight = setup(PAGE_STEPS, 1e4);
      tight.client.simulate(scene);
      expect(tight.feed.current).toBeNull();
      expect(tight.workers[0]!.sent[0]!.skip).toEqual([false, false, false]);
      tight.client.dispose();
    });

    it('sketches the paths’ start, whole epochs of them, when the whole does not fit', () => {
      // 300 training examples at B = 16: epochs of 19 steps, each about 76 µs for three runs.
      const { client, workers, feed } = setup(PAGE_STEPS, 2e5);
      const scene = dataScene();
      client.simulate(scene);
      const set = feed.current!;
      const expected = simulate(scene).runs;
      set.runs.forEach((run, k) => {
        expect([run.pathLength, run.length]).toEqual([39, 0]);
        expect(bits(run.x.subarray(0, 39))).toEqual(bits(expected[k]!.x.subarray(0, 39)));
      });
      // Less than an epoch: the steps of the first one that fit (two at 15 µs).
      const small = setup(PAGE_STEPS, 1.5e4);
      small.client.simulate(scene);
      expect(small.feed.current!.runs.map((r) => r.pathLength)).toEqual([3, 3, 3]);
      small.client.dispose();
      // The worker's chunks take over past the sketch, and the runs end whole.
      workers[0]!.compute(workers[0]!.sent[0]!);
      expect(set.runs.map((r) => [r.pathLength, r.length])).toEqual([
        [501, 501],
        [501, 501],
        [501, 501],
      ]);
      client.dispose();
    });

    it('sketches every run of a change that recomputes them all, an epoch at a time, when they fit', () => {
      const { client, workers, feed } = setup(PAGE_STEPS);
      const scene = sceneFromPreset({
        v: 1,
        fn: { id: 'linear_regression', params: { n: 400, batch: 16 } },
        steps: 500,
        optimizers: ['sgd', 'adam', 'rmsprop', 'adagrad', 'lion', 'nadam'].map((type) => ({
          type,
          lr: 0.01,
        })),
      });
      client.simulate(scene);
      expect(workers[0]!.sent[0]!.skip).toEqual(scene.optimizers.map(() => false));
      const expected = simulate(scene).runs;
      feed.current!.runs.forEach((run, k) => {
        expect(run.pathLength).toBe(501);
        expect(bits(run.x.subarray(0, 501))).toEqual(bits(expected[k]!.x));
        expect(bits(run.y.subarray(0, 501))).toEqual(bits(expected[k]!.y));
      });
      client.dispose();
    });

    it('ends where the worker’s run ends when the sketch ran on past a loss that overflowed', () => {
      const { client, workers, feed } = setup(PAGE_STEPS);
      const scene = sceneFromPreset({
        v: 1,
        fn: { id: 'linear_regression', params: { n: 60, batch: 4 } },
        steps: 400,
        optimizers: [{ type: 'sgd', lr: 2 }],
      });
      client.simulate(scene);
      const run = feed.current!.runs[0]!;
      expect(run.pathLength).toBeGreaterThan(200);
      workers[0]!.compute(workers[0]!.sent[0]!);
      expect([run.pathLength, run.length, run.divergedAt]).toEqual([200, 200, 200]);
      client.dispose();
    });
  });
});
