import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkTraining } from '../../src/engine/network/scene.ts';
import { lineLosses, lineTs } from '../../src/engine/network/slice.ts';
import { Network } from '../../src/engine/network/model.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { FakeNetworkWorker } from './support/fakeNetworkWorker.ts';
import type { LineAnswer } from '../../src/workers/lineProtocol.ts';
import { NetworkClient, type LineAsk } from '../../src/workers/networkClient.ts';

const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 12,
  network: { data: 'xor', hidden: [3], params: { n: 40 } },
  optimizers: [{ type: 'sgd', lr: 0.1 }, { type: 'adam' }],
});
const training = networkTraining(scene, scene.network!);
const count = training.start.length;
/** Two made-up ends: θ₀ and θ₀ with every parameter moved by `shift`. */
const ask = (shift: number): LineAsk => ({
  scene,
  from: 0,
  to: 1,
  a: training.start,
  b: training.start.map((v) => v + shift),
  points: 9,
});

function client() {
  const workers: FakeNetworkWorker[] = [];
  const log: string[] = [];
  const lines: LineAnswer[] = [];
  const c = new NetworkClient(
    {
      progress: (text) => log.push(text),
      runs: () => log.push('runs'),
      field: (field, final) => log.push(`field ${field.n}${final ? ' final' : ''}`),
      error: (message) => log.push(`error ${message}`),
      line: (answer) => lines.push(answer),
    },
    () => {
      const w = new FakeNetworkWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    null,
  );
  return { c, workers, log, lines };
}

afterEach(() => vi.useRealTimers());

describe('the network client’s line between two ends', () => {
  it('answers beside the scene’s request, which goes on to its end; the newest line wins', () => {
    const { c, workers, log, lines } = client();
    c.request(scene, { grids: [3, 5], levels: 6 });
    c.line(ask(0.5));
    c.line(ask(1));
    workers[0]!.run();
    expect(log.at(-1)).toBe('field 5 final');
    expect(lines.map((l) => [l.type, l.requestId])).toEqual([['line', 2]]);
    const answer = lines[0] as Extract<LineAnswer, { type: 'line' }>;
    const net = new Network(training.arch);
    const b = training.start.map((v) => v + 1);
    expect(answer.train).toEqual(
      lineLosses(net, training.data.train, training.start, b, lineTs(9)),
    );
    expect(answer.test).toEqual(lineLosses(net, training.data.test, training.start, b, lineTs(9)));
    expect(answer.train).toHaveLength(9);
  });

  it('a crashed worker computes the owed line again; a cancel drops it', () => {
    const { c, workers, lines } = client();
    c.line(ask(1));
    workers[0]!.crash();
    expect(workers[1]!.messages.map((m) => m.type)).toEqual(['line']);
    workers[1]!.run();
    expect(lines.map((l) => l.type)).toEqual(['line']);
    c.line(ask(2));
    c.cancel();
    workers[1]!.run();
    expect(workers[1]!.messages.map((m) => m.type)).toEqual(['line', 'line', 'cancel']);
    expect(lines).toHaveLength(1);
  });

  it('a line alone keeps the watchdog: silent for 15 s, the worker is replaced', () => {
    vi.useFakeTimers();
    const { c, workers } = client();
    c.line(ask(1));
    vi.advanceTimersByTime(15_000);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.messages.map((m) => m.type)).toEqual(['line']);
  });

  it('a line’s error reaches the page as its answer, not as the scene’s error', () => {
    const { c, workers, log, lines } = client();
    c.line({ ...ask(1), a: new Float64Array(2) });
    workers[0]!.run();
    expect(log).toEqual([]);
    expect(lines).toEqual([
      {
        type: 'lineError',
        requestId: 1,
        message: `the runs’ ends must have the network’s ${count} parameters`,
      },
    ]);
  });
});
