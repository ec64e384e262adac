import { afterEach, describe, expect, it, vi } from 'vitest';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { FakeNetworkWorker } from './support/fakeNetworkWorker.ts';
import { NetworkClient, type NetworkEvents } from '../../src/workers/networkClient.ts';

const sceneOf = (lr: number) =>
  sceneFromPreset({
    v: 1,
    fn: { id: 'rosenbrock' },
    steps: 12,
    network: { data: 'xor', hidden: [3], params: { n: 40 } },
    optimizers: [{ type: 'sgd', lr }, { type: 'adam' }],
  });

function client() {
  const workers: FakeNetworkWorker[] = [];
  const log: string[] = [];
  const events: NetworkEvents = {
    progress: (text) => log.push(text),
    runs: (scene, plane) =>
      log.push(`runs lr ${scene.optimizers[0]!.hyper['lr']} ×${plane.runs.length}`),
    field: (field, final) => log.push(`field ${field.n}${final ? ' final' : ''}`),
    error: (message) => log.push(`error ${message}`),
  };
  const c = new NetworkClient(
    events,
    () => {
      const w = new FakeNetworkWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    null,
  );
  return { c, workers, log };
}

afterEach(() => vi.useRealTimers());

describe('the network client', () => {
  it('the newest request wins: nothing of an older one reaches the page', () => {
    const { c, workers, log } = client();
    c.request(sceneOf(0.1), { grids: [3, 5], levels: 6 });
    c.request(sceneOf(0.2), { grids: [3, 5], levels: 6 });
    workers[0]!.run();
    expect(workers).toHaveLength(1);
    expect(log).toEqual([
      'Training (0 of 2 done)…',
      'Training (1 of 2 done)…',
      'Finding the principal plane…',
      'runs lr 0.2 ×2',
      'Slicing (a coarse grid first)…',
      'field 3',
      'Slicing…',
      'field 5 final',
    ]);
  });

  it('a crashed worker is replaced and the newest request computed again; after three, it says so', () => {
    const { c, workers, log } = client();
    c.request(sceneOf(0.1), { grids: [3, 5], levels: 6 });
    workers[0]!.crash();
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.messages.map((m) => m.type === 'network' && m.requestId)).toEqual([1]);
    workers[1]!.run();
    expect(log.at(-1)).toBe('field 5 final');

    c.request(sceneOf(0.3), { grids: [3, 5], levels: 6 });
    workers[1]!.crash();
    workers[2]!.crash();
    workers[3]!.crash('again');
    expect(workers).toHaveLength(4);
    expect(log.at(-1)).toBe(
      'error The network worker keeps failing (again). Reload the page to try again.',
    );
  });

  it('a worker silent for 15 s while it owes an answer is taken to hang', () => {
    vi.useFakeTimers();
    const { c, workers } = client();
    c.request(sceneOf(0.1), { grids: [3, 5], levels: 6 });
    vi.advanceTimersByTime(14_999);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('a zoom slices the newest plane once its runs are in, and not while a newer scene trains', () => {
    const { c, workers, log } = client();
    const view = { x: [0, 1], y: [0, 1] } as const;
    c.request(sceneOf(0.1), { grids: [3, 5], levels: 6 });
    c.view(view, { grids: [2, 4], levels: 6 });
    expect(workers[0]!.messages.map((m) => m.type)).toEqual(['network']);
    workers[0]!.run();
    log.length = 0;
    c.view(view, { grids: [2, 4], levels: 6 });
    workers[0]!.run();
    expect(workers[0]!.messages.at(-1)).toMatchObject({ type: 'view', plane: 1, view });
    expect(log).toEqual(['Slicing (a coarse grid first)…', 'field 2', 'Slicing…', 'field 4 final']);
    c.request(sceneOf(0.2), { grids: [3, 5], levels: 6 });
    c.view(view, { grids: [2, 4], levels: 6 });
    expect(workers[0]!.messages.at(-1)).toMatchObject({ type: 'network', requestId: 3 });
  });

  it('a cancel stops the worker’s request and drops whatever it still sends', () => {
    const { c, workers, log } = client();
    c.request(sceneOf(0.1), { grids: [3, 5], levels: 6 });
    workers[0]!.tasks.shift()!();
    expect(log).toEqual(['Training (0 of 2 done)…']);
    c.cancel();
    workers[0]!.run();
    expect(workers[0]!.messages.map((m) => m.type)).toEqual(['network', 'cancel']);
    expect(log).toEqual(['Training (0 of 2 done)…']);
    expect(workers[0]!.tasks).toEqual([]);
  });
});
