import { describe, expect, it } from 'vitest';
import { network } from '../../../src/gallery/network.ts';
import { lineBarrier } from '../../../src/engine/network/barrier.ts';
import { networkTraining } from '../../../src/engine/network/scene.ts';
import { lineTs } from '../../../src/engine/network/slice.ts';
import { trainNetwork, type NetworkRun } from '../../../src/engine/network/train.ts';
import { sceneFromPreset, toPreset } from '../../../src/preset/index.ts';
import { compactNumber } from '../../../src/render/chart/format.ts';
import { lineSentence } from '../../../src/ui/network/lineText.ts';
import type { LineAnswer, LineRequest } from '../../../src/workers/lineProtocol.ts';
import { LineService } from '../../../src/workers/lineService.ts';
import type { FromNetworkWorker } from '../../../src/workers/networkProtocol.ts';
import { NetworkService } from '../../../src/workers/networkService.ts';
import { run } from '../support/cliInProcess.ts';

/** The gallery's spiral: SGD, Adam and Adam → SGD on [2, 8, 8, 1], 500 steps. */
const preset = network.find((g) => g.id === 'network-spiral-optimizers')!.preset;
const scene = sceneFromPreset(preset);
const runs = trainNetwork(networkTraining(scene, scene.network!));
const POINTS = 81;

const lastRow = (r: NetworkRun) =>
  r.params.slice((r.loss.length - 1) * r.count, r.loss.length * r.count);
const lastOf = (a: Float64Array) => a[a.length - 1]!;

/** A host whose tasks wait in a queue the test drains, on a clock that ticks 1 ms a read. */
function fakeHost() {
  const posted: (LineAnswer | FromNetworkWorker)[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const host = {
    post: (message: LineAnswer | FromNetworkWorker) => posted.push(message),
    later: (task: () => void) => tasks.push(task),
    now: () => (clock += 1),
  };
  const drain = (most = Infinity) => {
    for (let k = 0; k < most && tasks.length; k++) tasks.shift()!();
  };
  return { host, posted, drain };
}

const request = (requestId: number, from: number, to: number, points = POINTS): LineRequest => ({
  type: 'line',
  requestId,
  scene,
  from,
  to,
  a: lastRow(runs[from]!),
  b: lastRow(runs[to]!),
  points,
});

/** The service's answer to one request, drained to the end. */
function lineOf(from: number, to: number) {
  const { host, posted, drain } = fakeHost();
  new LineService(host).receive(request(1, from, to));
  drain();
  expect(posted).toHaveLength(1);
  const answer = posted[0] as LineAnswer;
  if (answer.type !== 'line') throw new Error(answer.message);
  return answer;
}

describe('the line between two runs’ ends in the network worker', () => {
  it('samples t as the command line does: 0 and 1 exactly among 81 points', () => {
    const t = lineTs(POINTS);
    expect([t[0], t[20], t[40], t[60], t[80]]).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect([...t]).toEqual(Array.from({ length: POINTS }, (_, k) => -0.5 + (2 * k) / 80));
  });

  it('is bit for bit `descent-lab slice --plane line` for the same runs and grid', async () => {
    const r = await run(
      ['slice', '--plane', 'line', '--run', '2', '--to', '0', '--grid', String(POINTS), '-'],
      JSON.stringify(toPreset(scene)),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cli = JSON.parse(r.stdout) as { t: number[]; train_loss: number[]; test_loss: number[] };
    const line = lineOf(2, 0);
    expect([...line.t]).toEqual(cli.t);
    expect([...line.train]).toEqual(cli.train_loss);
    expect([...line.test!]).toEqual(cli.test_loss);
    // The ends are the runs' own last losses: t = 0 is run 2's end and t = 1 run 0's.
    expect([line.train[20], line.train[60]]).toEqual([
      lastOf(runs[2]!.loss),
      lastOf(runs[0]!.loss),
    ]);
    expect([line.test![20], line.test![60]]).toEqual([
      lastOf(runs[2]!.testLoss!),
      lastOf(runs[0]!.testLoss!),
    ]);
  });

  it('a newer line replaces an older one before it ends; a cancel drops it', () => {
    const { host, posted, drain } = fakeHost();
    const service = new LineService(host);
    service.receive(request(1, 0, 1));
    drain(1);
    service.receive(request(2, 1, 2));
    drain();
    expect(posted.map((m) => [m.type, m.requestId])).toEqual([['line', 2]]);
    expect((posted[0] as Extract<LineAnswer, { type: 'line' }>).train).toEqual(lineOf(1, 2).train);
    service.receive(request(3, 0, 1));
    drain(1);
    service.cancel();
    drain();
    expect(posted).toHaveLength(1);
  });

  it('runs beside a long training and slicing without stopping it, and answers before its end', () => {
    const { host, posted, drain } = fakeHost();
    const network = new NetworkService(host);
    network.receive({
      type: 'network',
      requestId: 7,
      scene,
      slicing: { grids: [4, 8], levels: 8 },
    });
    drain(3);
    new LineService(host).receive(request(1, 0, 1));
    drain();
    const kinds = posted.map((m) => `${m.type}${m.type === 'field' && m.final ? ' final' : ''}`);
    expect(kinds).toContain('field final');
    expect(kinds.indexOf('line')).toBeGreaterThan(-1);
    expect(kinds.indexOf('line')).toBeLessThan(kinds.indexOf('field final'));
    expect(posted.filter((m) => m.type === 'error' || m.type === 'lineError')).toEqual([]);
  });

  it('says what is wrong with a request it cannot compute', () => {
    const { host, posted, drain } = fakeHost();
    const service = new LineService(host);
    service.receive({ ...request(1, 0, 1), a: new Float64Array(3) });
    drain();
    service.receive({ ...request(2, 0, 1), points: 1 });
    drain();
    expect(posted).toEqual([
      {
        type: 'lineError',
        requestId: 1,
        message: `the runs’ ends must have the network’s ${runs[0]!.count} parameters`,
      },
      { type: 'lineError', requestId: 2, message: 'a line needs 2 points or more' },
    ]);
  });
});

describe('the barrier between two runs’ ends', () => {
  /** The highest training loss on [0, 1] minus the higher end's, by a plain scan of the samples. */
  const scanned = (t: Float64Array, loss: Float64Array) => {
    let peak = -Infinity;
    for (let k = 0; k < t.length; k++)
      if (t[k]! >= 0 && t[k]! <= 1) peak = Math.max(peak, loss[k]!);
    return peak - Math.max(loss[20]!, loss[60]!);
  };

  it('SGD’s and Adam’s ends: the straight path climbs a barrier, and the sentence gives it', () => {
    const line = lineOf(0, 1);
    const height = scanned(line.t, line.train);
    expect(height).toBeGreaterThan(0.05);
    const barrier = lineBarrier(line.t, line.train)!;
    expect(barrier.height).toBe(height);
    expect(line.train[line.t.indexOf(barrier.peakT)]).toBe(barrier.peak);
    const sentence = lineSentence('SGD', 'Adam', barrier, lineBarrier(line.t, line.test!));
    expect(sentence).toContain(
      `Training loss ${compactNumber(line.train[20]!)} at SGD’s end (t = 0) and ` +
        `${compactNumber(line.train[60]!)} at Adam’s (t = 1).`,
    );
    expect(sentence).toContain(`The training loss has a barrier of ${compactNumber(height)}`);
    expect(sentence).toContain(`at t = ${compactNumber(barrier.peakT)}`);
    expect(sentence).toContain(
      `The test loss has a barrier of ${compactNumber(scanned(line.t, line.test!))}`,
    );
  });

  it('Adam’s and Adam → SGD’s ends: no barrier, and the sentence says so', () => {
    const line = lineOf(1, 2);
    expect(scanned(line.t, line.train)).toBe(0);
    const barrier = lineBarrier(line.t, line.train)!;
    expect(barrier.height).toBe(0);
    const higher = Math.max(line.train[20]!, line.train[60]!);
    const sentence = lineSentence('Adam', 'Adam → SGD', barrier, undefined);
    expect(sentence).toContain(
      `No training barrier: the training loss never rises above the higher end (` +
        `${line.train[20]! >= line.train[60]! ? 'Adam' : 'Adam → SGD'}’s, ${compactNumber(higher)}) between them.`,
    );
    expect(sentence).not.toContain('test');
  });

  it('reads nothing from a line whose loss is not finite on [0, 1], and needs both ends', () => {
    const t = lineTs(5);
    expect(lineBarrier(t, [1, 2, Infinity, 2, 1])).toBeNull();
    expect(lineBarrier(t, [Infinity, 2, 3, 2, NaN])).toEqual({
      start: 2,
      end: 2,
      peak: 3,
      peakT: 0.5,
      height: 1,
    });
    expect(() => lineBarrier(lineTs(4), [1, 2, 3, 4])).toThrow(/t = 0 and t = 1/);
    expect(lineSentence('A', 'B', null, undefined)).toBe(
      'The training loss is not finite somewhere between them: no barrier to read.',
    );
  });
});
