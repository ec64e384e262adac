import { afterEach, describe, expect, it } from 'vitest';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { NetworkClient, startNetworkWorkers } from '../../src/workers/networkClient.ts';
import type { TrainerLinkMessage, TrainerPort } from '../../src/workers/trainerProtocol.ts';

/** A worker that records what the page posts to it (and what it transfers), and can crash. */
class RecordingWorker extends EventTarget {
  readonly messages: { data: { type: string; port?: MessagePort | null }; transfer: unknown[] }[] =
    [];
  terminated = false;
  postMessage(data: { type: string }, transfer: unknown[] = []) {
    this.messages.push({ data, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  crash(message = 'boom') {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
  /** The ports it was given, in order. */
  ports() {
    return this.messages.flatMap(({ data }) =>
      data.type === 'trainer' || data.type === 'port' ? [data.port ?? null] : [],
    );
  }
}

const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 12,
  network: { data: 'xor', hidden: [3], params: { n: 40 } },
  optimizers: [{ type: 'sgd' }, { type: 'adam' }],
});
const slicing = { grids: [3, 5], levels: 6 } as const;

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

function client() {
  const networks: RecordingWorker[] = [];
  const trainers: RecordingWorker[] = [];
  const make = (into: RecordingWorker[]) => () => {
    const w = new RecordingWorker();
    into.push(w);
    return w as unknown as Worker;
  };
  const events = { progress() {}, runs() {}, field() {}, error() {} };
  const c = new NetworkClient(events, make(networks), make(trainers));
  return { c, networks, trainers };
}

/** True when `a` and `b` are the two ends of one channel: a message sent at one reaches the other. */
function joined(a: MessagePort | null | undefined, b: MessagePort | null | undefined) {
  if (!a || !b) return Promise.resolve(false);
  opened.push(a, b);
  return new Promise<boolean>((resolve) => {
    b.onmessage = (event: MessageEvent<string>) => resolve(event.data === 'hello');
    a.postMessage('hello');
    setTimeout(() => resolve(false), 1000);
  });
}

describe('the page’s side of the trainer', () => {
  it('joins the trainer to the network worker by a channel, its ends transferred, before any request', async () => {
    const { c, networks, trainers } = client();
    c.request(scene, slicing);
    expect(networks).toHaveLength(1);
    expect(trainers).toHaveLength(1);
    const [link, request] = networks[0]!.messages;
    expect(link!.data.type).toBe('trainer');
    expect(link!.transfer).toEqual([link!.data.port]);
    expect(request!.data.type).toBe('network');
    const port = trainers[0]!.messages[0]!;
    expect((port.data as TrainerPort).type).toBe('port');
    expect(port.transfer).toEqual([port.data.port]);
    expect(await joined(networks[0]!.ports()[0], trainers[0]!.ports()[0])).toBe(true);
  });

  it('a crashed trainer is replaced and joined again; after three the network worker trains alone', async () => {
    const { c, networks, trainers } = client();
    c.request(scene, slicing);
    trainers[0]!.crash();
    expect(trainers[0]!.terminated).toBe(true);
    expect(trainers).toHaveLength(2);
    expect(await joined(networks[0]!.ports()[1], trainers[1]!.ports()[0])).toBe(true);
    trainers[1]!.crash();
    trainers[2]!.crash();
    expect(trainers).toHaveLength(3);
    // No trainer: the network worker is told so, and keeps the request it owes (nothing resent).
    expect(networks[0]!.ports().at(-1)).toBeNull();
    expect(networks[0]!.messages.filter((m) => m.data.type === 'network')).toHaveLength(1);
    // A later network worker is not given one either.
    networks[0]!.crash();
    expect(networks[1]!.messages.map((m) => m.data.type)).toEqual(['network']);
  });

  it('a new network worker (the old one crashed) gets a new channel to the same trainer', async () => {
    const { c, networks, trainers } = client();
    c.request(scene, slicing);
    networks[0]!.crash();
    expect(networks).toHaveLength(2);
    expect(trainers).toHaveLength(1);
    const link = networks[1]!.messages[0]!.data as TrainerLinkMessage;
    expect(link.type).toBe('trainer');
    expect(await joined(link.port, trainers[0]!.ports()[1])).toBe(true);
    c.dispose();
    expect(trainers[0]!.terminated).toBe(true);
  });
});

describe('network workers started before the page asks for them', () => {
  const started = () => {
    const networks: RecordingWorker[] = [];
    const trainers: RecordingWorker[] = [];
    const make = (into: RecordingWorker[]) => () => {
      into.push(new RecordingWorker());
      return into.at(-1) as unknown as Worker;
    };
    const workers = startNetworkWorkers(scene, {
      network: make(networks),
      trainer: make(trainers),
    });
    return { workers, networks, trainers };
  };

  it('are made at once and told the scene, then handed to the first client, which joins them as it would new ones', async () => {
    const { workers, networks, trainers } = started();
    expect([networks.length, trainers.length]).toEqual([1, 1]);
    for (const w of [networks[0]!, trainers[0]!]) {
      expect(w.messages).toEqual([{ data: { type: 'prepare', scene }, transfer: [] }]);
    }
    const events = { progress() {}, runs() {}, field() {}, error() {} };
    const c = new NetworkClient(events, workers.network, workers.trainer);
    c.request(scene, slicing);
    expect([networks.length, trainers.length]).toEqual([1, 1]);
    expect(networks[0]!.messages.map((m) => m.data.type)).toEqual([
      'prepare',
      'trainer',
      'network',
    ]);
    expect(await joined(networks[0]!.ports()[0], trainers[0]!.ports()[0])).toBe(true);
    // Only the first: a crashed worker's replacement is a new one.
    networks[0]!.crash();
    expect(networks).toHaveLength(2);
    expect(networks[1]!.messages.map((m) => m.data.type)).toEqual(['trainer', 'network']);
  });

  it('one that fails to load before it is handed out is dropped for a new one', () => {
    const { workers, networks } = started();
    networks[0]!.crash('the worker script could not be loaded');
    expect(networks[0]!.terminated).toBe(true);
    expect(workers.network()).toBe(networks[1]);
    expect(networks).toHaveLength(2);
  });

  it('without a trainer, none is made', () => {
    const networks: RecordingWorker[] = [];
    const workers = startNetworkWorkers(scene, {
      network: () => {
        networks.push(new RecordingWorker());
        return networks.at(-1) as unknown as Worker;
      },
      trainer: null,
    });
    expect(workers.trainer).toBeNull();
    expect(workers.network()).toBe(networks[0]);
  });
});
