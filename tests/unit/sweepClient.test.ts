import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scene } from '../../src/engine/scene.ts';
import { defaultSweep, levelsOf, planOf, runSweep } from '../../src/engine/sweep/index.ts';
import type { SweepColumns } from '../../src/engine/sweep/types.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { SweepClient, type SweepProgress } from '../../src/workers/sweepClient.ts';
import type { FromSweepWorker, SweepPart, ToSweepWorker } from '../../src/workers/sweepProtocol.ts';
import { SweepService } from '../../src/workers/sweepService.ts';
import { PER_POINT, PER_RUN } from '../../src/workers/sweepColumns.ts';

/**
 * A stand-in worker around the real SweepService: messages wait in its inbox until delivered,
 * and the service's tasks until run, so a test decides what the worker has seen when.
 */
class FakeWorker extends EventTarget {
  readonly messages: ToSweepWorker[] = [];
  readonly answers: FromSweepWorker[] = [];
  readonly #inbox: ToSweepWorker[] = [];
  readonly #tasks: (() => void)[] = [];
  terminated = false;
  readonly #service = new SweepService({
    post: (answer) => {
      this.answers.push(answer);
      this.dispatchEvent(Object.assign(new Event('message'), { data: answer }));
    },
    later: (task) => this.#tasks.push(task),
  });
  /** The parts sent, in order. */
  get parts(): SweepPart[] {
    return this.messages.filter((m) => m.type === 'part');
  }
  postMessage(msg: ToSweepWorker) {
    this.messages.push(msg);
    this.#inbox.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  crash(message = 'boom') {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
  /** Hands every waiting message to the service (as the worker's event loop would, in order). */
  deliver() {
    while (this.#inbox.length > 0) this.#service.receive(this.#inbox.shift()!);
  }
  /** Runs one task of the service (one part); false when there was none. */
  runTask(): boolean {
    const task = this.#tasks.shift();
    task?.();
    return task !== undefined;
  }
  get idle(): boolean {
    return this.#inbox.length === 0 && this.#tasks.length === 0;
  }
}

/** Delivers and computes round-robin until every live worker is idle. */
function settle(workers: readonly FakeWorker[]) {
  for (let guard = 0; guard < 10_000; guard++) {
    const live = workers.filter((w) => !w.terminated && !w.idle);
    if (live.length === 0) return;
    for (const w of live) {
      w.deliver();
      w.runTask();
    }
  }
  throw new Error('the workers never settled');
}

function setup(workers = 2) {
  const made: FakeWorker[] = [];
  /** What each publish showed: the progress, and its levels then (the array fills in place). */
  const published: { readonly progress: SweepProgress | null; readonly level: Uint8Array }[] = [];
  const client = new SweepClient({
    workers,
    createWorker: () => {
      const w = new FakeWorker();
      made.push(w);
      return w as unknown as Worker;
    },
  });
  client.progress.subscribe(() => {
    const progress = client.progress.current;
    published.push({ progress, level: progress?.level.slice() ?? new Uint8Array(0) });
  });
  return { client, made, published };
}

/** The narrow valley with a 16 × 16 map of lr × momentum for SGD with momentum. */
function mapScene(steps = 40, lrTo = 0.2): Scene {
  const scene = sceneFromPreset({
    v: 1,
    fn: { id: 'narrow_valley' },
    steps,
    optimizers: [{ type: 'sgd', lr: 0.01, momentum: 0.9 }, { type: 'adam' }],
  });
  const sweep = defaultSweep(scene);
  return {
    ...scene,
    sweep: {
      ...sweep,
      map: {
        optimizer: 0,
        axes: [
          { path: 'optimizers[0].lr', from: 1e-3, to: lrTo, count: 16, scale: 'log' },
          { path: 'optimizers[0].momentum', from: 0, to: 0.95, count: 16, scale: 'linear' },
        ],
      },
    },
  };
}

/** Every column's bytes equal: bit for bit, NaN and −0 included. */
function expectSameColumns(a: SweepColumns, b: SweepColumns) {
  expect([a.cells, a.runs]).toEqual([b.cells, b.runs]);
  for (const key of [...PER_RUN, ...PER_POINT]) {
    const x = a[key];
    const y = b[key];
    expect(x === undefined, key).toBe(y === undefined);
    if (x && y) expect(Buffer.from(x.buffer).equals(Buffer.from(y.buffer)), key).toBe(true);
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SweepClient', () => {
  it('makes no worker before the first request, then a pool of min(cores, 4)', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 8 });
    const made: FakeWorker[] = [];
    const client = new SweepClient({
      createWorker: () => {
        const w = new FakeWorker();
        made.push(w);
        return w as unknown as Worker;
      },
    });
    expect(made).toHaveLength(0);
    client.run({ scene: mapScene() });
    expect(made).toHaveLength(4);
    client.dispose();
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('computes the coarse level first, split across the workers, and ends equal to runSweep bit for bit', () => {
    const { client, made, published } = setup(2);
    const scene = mapScene();
    client.run({ scene });
    const first = published[0]!.progress!;
    expect(first.done).toBe(false);
    expect(published[0]!.level.every((l) => l === 0)).toBe(true);
    // Each worker starts on a part of the coarse level, and holds two parts at most.
    const levels = levelsOf(first.plan.axes);
    const coarse = new Set(levels[0]);
    for (const w of made) {
      expect(w.parts.length).toBeLessThanOrEqual(2);
      expect([...w.parts[0]!.cells].every((c) => coarse.has(c))).toBe(true);
    }
    settle(made);
    const last = client.progress.current!;
    expect(last.done).toBe(true);
    expect(last.error).toBeNull();
    expectSameColumns(last.columns, runSweep(planOf(scene)));
    // Every cell is marked with the level it came from.
    levels.forEach((cells, k) => {
      for (const c of cells) expect(last.level[c]).toBe(k + 1);
    });
    // Published after every part, the picture only ever filling in, coarse cells first.
    const filled = published.slice(1).map((p) => p.level.filter((l) => l > 0).length);
    expect(filled.length).toBeGreaterThanOrEqual(levels.length);
    expect(filled).toEqual([...filled].sort((a, b) => a - b));
    // Each publish counts its computed cells, so readers need not scan the levels.
    expect(published.slice(1).map((p) => p.progress!.computed)).toEqual(filled);
    // The first part to arrive is of the coarse level, and so are the first two (one per worker).
    expect(published[1]!.level.filter((l) => l > 1)).toHaveLength(0);
    expect(published[2]!.level.filter((l) => l > 1)).toHaveLength(0);
    expect(published.every((p) => p.progress?.id === first.id)).toBe(true);
    client.dispose();
  });

  it('lets the newest request win: workers skip parts of the older one, the page drops its answers', () => {
    const { client, made } = setup(2);
    const older = mapScene(40, 0.2);
    const newer = mapScene(40, 0.3);
    client.run({ scene: older });
    // One worker finishes a part of the older sweep before the newer request arrives.
    made[0]!.deliver();
    made[1]!.deliver();
    made[0]!.runTask();
    client.run({ scene: newer });
    const id = client.progress.current!.id;
    expect(made.every((w) => w.messages.some((m) => m.type === 'cancel' && m.runId === id))).toBe(
      true,
    );
    settle(made);
    const computedOlder = made.flatMap((w) =>
      w.answers.filter((a) => a.type === 'part' && a.runId !== id),
    );
    const skipped = made.flatMap((w) => w.answers.filter((a) => a.type === 'skipped'));
    // Only the part computed before the cancel: every other part of the older sweep was skipped.
    expect(computedOlder).toHaveLength(1);
    expect(skipped.length).toBeGreaterThan(0);
    const last = client.progress.current!;
    expect(last.id).toBe(id);
    expect(last.scene).toBe(newer);
    expect(last.done).toBe(true);
    expectSameColumns(last.columns, runSweep(planOf(newer)));
    client.dispose();
  });

  it('reuses the arrays of a sweep superseded before any cell arrived, and ends right', () => {
    const { client, made } = setup(2);
    client.run({ scene: mapScene(40, 0.2) });
    const unseen = client.progress.current!;
    // A drag: each input supersedes a sweep none of whose cells arrived.
    client.run({ scene: mapScene(40, 0.25) });
    const second = client.progress.current!;
    expect(second.columns).toBe(unseen.columns);
    expect(second.level).toBe(unseen.level);
    for (let task = 0; task < 10 && client.progress.current!.computed === 0; task++) {
      made[0]!.deliver();
      made[0]!.runTask();
    }
    expect(client.progress.current!.computed).toBeGreaterThan(0);
    // Once cells arrived, the sweep is on screen: a newer one gets arrays of its own.
    const newer = mapScene(40, 0.3);
    client.run({ scene: newer });
    expect(client.progress.current!.columns).not.toBe(second.columns);
    settle(made);
    expectSameColumns(client.progress.current!.columns, runSweep(planOf(newer)));
    client.dispose();
  });

  it('cancel shows no sweep, and nothing the workers still send changes that', () => {
    const { client, made } = setup(2);
    client.run({ scene: mapScene() });
    made.forEach((w) => w.deliver());
    made[0]!.runTask();
    client.cancel();
    expect(client.progress.current).toBeNull();
    settle(made);
    expect(client.progress.current).toBeNull();
    client.dispose();
  });

  it('replaces a crashed worker and computes its parts again; gives up after three crashes in a row', () => {
    const { client, made } = setup(2);
    const scene = mapScene();
    client.run({ scene });
    const owed = made[0]!.parts.map((p) => p.part);
    made[0]!.crash();
    expect(made[0]!.terminated).toBe(true);
    expect(made).toHaveLength(3);
    expect(made[2]!.parts.map((p) => p.part)).toEqual(owed);
    settle(made);
    expect(client.progress.current!.done).toBe(true);
    expectSameColumns(client.progress.current!.columns, runSweep(planOf(scene)));

    client.run({ scene: mapScene(40, 0.3) });
    made[1]!.crash();
    made[2]!.crash();
    made[3]!.crash('out of memory');
    const last = client.progress.current!;
    expect(last.done).toBe(true);
    expect(last.error).toBe(
      'The sweep keeps failing (out of memory). Reload the page to try again.',
    );
    client.dispose();
  });

  it('takes a hung worker for crashed', () => {
    vi.useFakeTimers();
    const { client, made } = setup(1);
    client.run({ scene: mapScene() });
    vi.advanceTimersByTime(15_000);
    expect(made[0]!.terminated).toBe(true);
    expect(made[1]!.parts.length).toBeGreaterThan(0);
    client.dispose();
  });

  it('ends the sweep with the message a worker gives (a typed function sent without source)', () => {
    const { client, made } = setup(2);
    const scene: Scene = { ...mapScene(), fn: { id: 'custom', params: {}, expr: 'x^2 + y^2' } };
    client.run({ scene });
    settle(made);
    const last = client.progress.current!;
    expect(last.done).toBe(true);
    expect(last.error).toBe('the typed function was not compiled');
    client.dispose();
  });

  it('refuse shows the message without starting a worker', () => {
    const { client, made } = setup(2);
    client.refuse({ scene: mapScene() }, 'f(x, y): unknown function "sinn" at column 1');
    expect(made).toHaveLength(0);
    expect(client.progress.current!.error).toMatch(/sinn/);
    expect(client.progress.current!.done).toBe(true);
    client.dispose();
  });
});
