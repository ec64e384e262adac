import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { defaultScene } from '../../src/preset/index.ts';
import { RunFeed } from '../../src/workers/runs.ts';
import { TrajectoryClient, type TrajectoryStatus } from '../../src/workers/trajectoryClient.ts';
import type { FromTrajectoryWorker, ToTrajectoryWorker } from '../../src/workers/protocol.ts';

/** A stand-in worker: records what it is sent; the test answers, crashes or ignores it. */
class FakeWorker extends EventTarget {
  sent: ToTrajectoryWorker[] = [];
  terminated = false;
  postMessage(msg: ToTrajectoryWorker) {
    this.sent.push(msg);
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
  compute(req: ToTrajectoryWorker) {
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
          lr: from === 0 ? run.lr : undefined,
          divergedAt: run.divergedAt,
          done: to === run.x.length,
        });
      }
    });
    this.answer({ type: 'done', runId: req.runId, ms: 1 });
  }
}

function setup() {
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
    workers[0]!.compute(workers[0]!.sent[2]!);
    const next = feed.current!;
    expect(next.stamps).toEqual(set.stamps);
    // Every run is unchanged: the worker is told to skip them all, and the data is shared.
    expect(workers[0]!.sent[2]!.skip).toEqual([true, true, true]);
    expect(next.runs[2]).toBe(set.runs[2]);
    client.simulate({
      ...changed,
      optimizers: [
        changed.optimizers[0]!,
        changed.optimizers[1]!,
        { ...changed.optimizers[2]!, label: 'C' },
      ],
    });
    expect(workers[0]!.sent[3]!.skip).toEqual([true, true, false]);
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
});
