import { describe, expect, it } from 'vitest';
import { computeField } from '../../src/engine/field.ts';
import type { Box } from '../../src/engine/types.ts';
import type { FieldRequest } from '../../src/workers/fieldProtocol.ts';
import { FieldService, type FieldKernel } from '../../src/workers/fieldService.ts';

const fn = { id: 'rosenbrock', params: { a: 1, b: 100 } };
const view = (x0: number): Box => ({ x: [x0, 2], y: [-1, 3] });
const request = (requestId: number, v: Box = view(-2), levels = 12): FieldRequest => ({
  type: 'field',
  requestId,
  fn,
  view: v,
  n: 64,
  levels,
});

/**
 * A service with a hand-run task queue: `later` only queues, `runNext` runs the oldest task, as
 * the worker's event loop would between messages. Every event lands in one log, in order.
 */
function setup(fields = 3) {
  const log: string[] = [];
  const queue: (() => void)[] = [];
  const kernel: FieldKernel = (objective, v, n, levels, scratch) => {
    log.push(`kernel ${n} x0=${v.x[0]} levels=${levels}`);
    return computeField(objective, v, n, levels, scratch);
  };
  const service = new FieldService(
    {
      post: (answer) => log.push(`post ${answer.type} ${answer.requestId}`),
      later: (task) => queue.push(task),
    },
    { fields, n: 8 },
    kernel,
  );
  const runNext = () => queue.shift()!();
  return { service, log, queue, runNext };
}

describe('FieldService', () => {
  it('answers a request at once, then warms up one small field per task', () => {
    const { service, log, queue, runNext } = setup(3);
    service.request(request(1));
    expect(log).toEqual(['kernel 64 x0=-2 levels=12', 'post field 1']);
    expect(queue).toHaveLength(1);
    log.length = 0;
    while (queue.length) runNext();
    // Every other warm-up field is nudged a thousandth of the view's width.
    expect(log).toEqual([
      'kernel 8 x0=-1.996 levels=12',
      'kernel 8 x0=-2 levels=12',
      'kernel 8 x0=-1.996 levels=12',
    ]);
  });

  it('answers a request that arrives mid-warm-up before the next warm-up step', () => {
    const { service, log, queue, runNext } = setup(4);
    service.request(request(1));
    runNext();
    log.length = 0;
    service.request(request(2, view(-1), 6));
    expect(log).toEqual(['kernel 64 x0=-1 levels=6', 'post field 2']);
    // Still one step queued, not two: the warm-up goes on where it was, with the newest function and view.
    expect(queue).toHaveLength(1);
    log.length = 0;
    while (queue.length) runNext();
    expect(log).toEqual([
      'kernel 8 x0=-0.997 levels=6',
      'kernel 8 x0=-1 levels=6',
      'kernel 8 x0=-0.997 levels=6',
    ]);
  });

  it('warms up once per worker: later requests queue nothing once it is done', () => {
    const { service, queue, runNext } = setup(2);
    service.request(request(1));
    while (queue.length) runNext();
    service.request(request(2, view(0)));
    expect(queue).toHaveLength(0);
  });

  it('does not warm up before a field succeeds, and never posts from the warm-up', () => {
    const { service, log, queue } = setup(2);
    service.request(request(1, { x: [1, 1], y: [0, 1] }));
    expect(log).toEqual(['kernel 64 x0=1 levels=12', 'post error 1']);
    expect(queue).toHaveLength(0);
  });

  it('stops the warm-up when a warm-up field fails', () => {
    const log: string[] = [];
    const queue: (() => void)[] = [];
    let calls = 0;
    const service = new FieldService(
      { post: (answer) => log.push(`post ${answer.type}`), later: (task) => queue.push(task) },
      { fields: 5, n: 8 },
      (objective, v, n, levels, scratch) => {
        if (++calls > 1) throw new Error('f is not finite anywhere in the view');
        return computeField(objective, v, n, levels, scratch);
      },
    );
    service.request(request(1));
    while (queue.length) queue.shift()!();
    expect(calls).toBe(2);
    expect(log).toEqual(['post field']);
  });
});
