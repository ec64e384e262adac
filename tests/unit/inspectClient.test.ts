import { describe, expect, it } from 'vitest';
import { inspectRun } from '../../src/engine/inspect.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { InspectClient, type InspectResult } from '../../src/workers/inspectClient.ts';
import type { InspectAnswer, InspectRequest } from '../../src/workers/inspectProtocol.ts';

/** A stand-in worker that records requests; the test answers them. */
class FakeWorker extends EventTarget {
  sent: InspectRequest[] = [];
  postMessage(msg: InspectRequest) {
    this.sent.push(msg);
  }
  terminate() {}
  answer(msg: InspectAnswer) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: msg }));
  }
}

const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 5,
  optimizers: [{ type: 'sgd' }, { type: 'adam' }],
});

describe('InspectClient', () => {
  it('asks for the newest selection only, and hands on what the worker computed', () => {
    const worker = new FakeWorker();
    const client = new InspectClient(() => worker as unknown as Worker);
    const results: InspectResult[] = [];
    const errors: string[] = [];
    client.onResult((r) => results.push(r));
    client.onError((m) => errors.push(m));
    client.request(scene, 0);
    client.request(scene, 1);
    client.request(scene, 0);
    client.request(scene, 1);
    expect(worker.sent.map((m) => m.index)).toEqual([0]);
    const first = worker.sent[0]!;
    worker.answer({
      type: 'inspect',
      requestId: first.requestId,
      inspection: inspectRun(scene, 0),
    });
    // The answer is handed on, and only the newest waiting request went out.
    expect(results.map((r) => r.index)).toEqual([0]);
    // The result names the page's own scene object, so it can be compared by identity.
    expect(results[0]!.scene).toBe(scene);
    expect(worker.sent.map((m) => m.index)).toEqual([0, 1]);
    worker.answer({ type: 'error', requestId: worker.sent[1]!.requestId, message: 'bad' });
    expect(errors).toEqual(['bad']);
    client.dispose();
  });
});
