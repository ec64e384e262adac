import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContourField } from '../../src/engine/field.ts';
import { FieldClient } from '../../src/workers/fieldClient.ts';
import type { FieldAnswer, FieldRequest } from '../../src/workers/fieldProtocol.ts';

/** A stand-in worker: records what it is sent; the test answers or crashes it. */
class FakeWorker extends EventTarget {
  sent: FieldRequest[] = [];
  terminated = false;
  postMessage(msg: FieldRequest) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  answer(msg: FieldAnswer) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: msg }));
  }
  crash(message = 'boom') {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

const fn = { id: 'rosenbrock', params: { a: 1, b: 100 } };
const view = (x0: number) => ({ x: [x0, 2], y: [-1, 3] }) as const;
const fieldFor = (req: FieldRequest) => ({ view: req.view }) as unknown as ContourField;

function setup() {
  const workers: FakeWorker[] = [];
  const client = new FieldClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  const fields: ContourField[] = [];
  const errors: string[] = [];
  client.onField((f) => fields.push(f));
  client.onError((m) => errors.push(m));
  return { client, workers, fields, errors };
}

afterEach(() => vi.useRealTimers());

describe('FieldClient', () => {
  it('sends at once when idle, and keeps only the newest request while one computes', () => {
    const { client, workers, fields } = setup();
    client.request(fn, view(0), 64, 8);
    for (let k = 1; k <= 5; k++) client.request(fn, view(k), 64, 8);
    const w = workers[0]!;
    expect(w.sent.map((m) => m.view.x[0])).toEqual([0]);
    w.answer({
      type: 'field',
      requestId: w.sent[0]!.requestId,
      field: fieldFor(w.sent[0]!),
      ms: 1,
    });
    // The answer is still shown (newer than anything on screen), and only the newest goes out.
    expect(fields.map((f) => f.view.x[0])).toEqual([0]);
    expect(w.sent.map((m) => m.view.x[0])).toEqual([0, 5]);
    w.answer({
      type: 'field',
      requestId: w.sent[1]!.requestId,
      field: fieldFor(w.sent[1]!),
      ms: 1,
    });
    expect(fields.map((f) => f.view.x[0])).toEqual([0, 5]);
    expect(workers).toHaveLength(1);
  });

  it('ignores answers to requests it is not waiting for', () => {
    const { client, workers, fields } = setup();
    client.request(fn, view(0), 64, 8);
    const w = workers[0]!;
    w.answer({ type: 'field', requestId: 999, field: fieldFor(w.sent[0]!), ms: 1 });
    expect(fields).toHaveLength(0);
  });

  it('reports an error for the newest request only', () => {
    const { client, workers, errors } = setup();
    client.request(fn, view(0), 64, 8);
    client.request(fn, view(1), 64, 8);
    const w = workers[0]!;
    w.answer({ type: 'error', requestId: w.sent[0]!.requestId, message: 'old' });
    expect(errors).toEqual([]);
    w.answer({ type: 'error', requestId: w.sent[1]!.requestId, message: 'new' });
    expect(errors).toEqual(['new']);
  });

  it('replaces a crashed worker and resends the newest request; gives up after 3 in a row', () => {
    const { client, workers, fields, errors } = setup();
    client.request(fn, view(0), 64, 8);
    client.request(fn, view(1), 64, 8);
    workers[0]!.crash();
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent.map((m) => m.view.x[0])).toEqual([1]);
    workers[1]!.crash();
    expect(errors).toEqual([]);
    workers[2]!.crash('third');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/third/);
    expect(workers).toHaveLength(3);
    // A later request tries again, and a success resets the count.
    client.request(fn, view(2), 64, 8);
    const w = workers[3]!;
    w.answer({
      type: 'field',
      requestId: w.sent[0]!.requestId,
      field: fieldFor(w.sent[0]!),
      ms: 1,
    });
    expect(fields.map((f) => f.view.x[0])).toEqual([2]);
  });

  it('treats a worker silent for 10 s as crashed', () => {
    vi.useFakeTimers();
    const { client, workers } = setup();
    client.request(fn, view(0), 64, 8);
    vi.advanceTimersByTime(9_999);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent).toHaveLength(1);
    client.dispose();
  });

  it('reports nothing after dispose', () => {
    const { client, workers, fields } = setup();
    client.request(fn, view(0), 64, 8);
    const w = workers[0]!;
    client.dispose();
    expect(w.terminated).toBe(true);
    w.answer({
      type: 'field',
      requestId: w.sent[0]!.requestId,
      field: fieldFor(w.sent[0]!),
      ms: 1,
    });
    expect(fields).toHaveLength(0);
  });
});
