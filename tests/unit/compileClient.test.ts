import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompileClient, FIRST_WATCHDOG_MS, WATCHDOG_MS } from '../../src/workers/compileClient.ts';
import type { CompileAnswer, CompileRequest } from '../../src/workers/compileProtocol.ts';

/** A stand-in worker: records what it is sent; the test answers, crashes or ignores it. */
class FakeWorker extends EventTarget {
  sent: CompileRequest[] = [];
  terminated = false;
  postMessage(msg: CompileRequest) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  answer(msg: CompileAnswer) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: msg }));
  }
  crash(message = 'boom') {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = new CompileClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { client, workers };
}

const ok = (requestId: number): CompileAnswer => ({
  requestId,
  ok: true,
  source: 'return{f:function(x,y){return x;},grad:function(x,y,out){out[0]=1;out[1]=0;}};',
  gradient: ['1', '0'],
  f: { kind: 'var', name: 'x' },
  dx: { kind: 'num', value: 1 },
  dy: { kind: 'num', value: 0 },
});

afterEach(() => vi.useRealTimers());

describe('CompileClient', () => {
  it('answers in order and caches by text', async () => {
    const { client, workers } = setup();
    const a = client.compile('x');
    const b = client.compile('y');
    const w = workers[0]!;
    expect(w.sent.map((r) => r.text)).toEqual(['x']);
    w.answer(ok(w.sent[0]!.requestId));
    expect(w.sent.map((r) => r.text)).toEqual(['x', 'y']);
    w.answer({ requestId: w.sent[1]!.requestId, ok: false, message: 'no', column: 1 });
    expect(await a).toMatchObject({ ok: true, gradient: ['1', '0'] });
    expect(await b).toEqual({ ok: false, message: 'no', column: 1 });
    expect(client.compile('x')).toBe(a);
    expect(w.sent).toHaveLength(2);
  });

  it('refuses a text the worker hangs on, and replaces the hung worker for the next', async () => {
    vi.useFakeTimers();
    const { client, workers } = setup();
    const first = client.compile('x');
    workers[0]!.answer(ok(workers[0]!.sent[0]!.requestId));
    await first;
    const hung = client.compile('((x^2)^2)^2');
    const next = client.compile('y');
    // Once mathjs has loaded, a second without an answer is a hang.
    vi.advanceTimersByTime(WATCHDOG_MS - 1);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await hung).toEqual({
      ok: false,
      message: `took longer than ${WATCHDOG_MS / 1000} s to compile: refused`,
      column: null,
    });
    expect(workers[0]!.terminated).toBe(true);
    // A fresh worker takes the requests behind it (and loads mathjs again: the longer watchdog).
    const fresh = workers[1]!;
    expect(fresh.sent.map((r) => r.text)).toEqual(['y']);
    vi.advanceTimersByTime(FIRST_WATCHDOG_MS - 1);
    fresh.answer(ok(fresh.sent[0]!.requestId));
    expect(await next).toMatchObject({ ok: true });
    // A hang is not a verdict on the text: asking again tries again.
    void client.compile('((x^2)^2)^2');
    expect(fresh.sent.map((r) => r.text)).toEqual(['y', '((x^2)^2)^2']);
  });

  it('gives mathjs longer to load on the first request', async () => {
    vi.useFakeTimers();
    const { client, workers } = setup();
    const first = client.compile('x');
    vi.advanceTimersByTime(WATCHDOG_MS * 2);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(FIRST_WATCHDOG_MS);
    expect(await first).toMatchObject({ ok: false, message: /took longer than 10 s/ });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('survives a crashed worker', async () => {
    const { client, workers } = setup();
    const a = client.compile('x');
    workers[0]!.crash('out of memory');
    expect(await a).toEqual({ ok: false, message: 'out of memory', column: null });
    const b = client.compile('y');
    workers[1]!.answer(ok(workers[1]!.sent[0]!.requestId));
    expect(await b).toMatchObject({ ok: true });
  });
});
