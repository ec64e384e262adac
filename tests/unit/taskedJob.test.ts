import { describe, expect, it } from 'vitest';
import { TASK_MS, TaskedJob } from '../../src/workers/taskedJob.ts';

/** A host whose tasks the test runs one at a time, with a clock it sets. */
function host() {
  const tasks: (() => void)[] = [];
  const h = { tasks, clock: 0, later: (t: () => void) => void tasks.push(t), now: () => h.clock };
  return h;
}

/** A job that records its pieces and advances the clock by `ms` per piece. */
function* pieces(log: string[], name: string, count: number, h: { clock: number }, ms: number) {
  for (let k = 0; k < count; k++) {
    log.push(`${name}${k}`);
    h.clock += ms;
    yield;
  }
}

describe('TaskedJob', () => {
  it('computes pieces in tasks of about TASK_MS, at least one each; a newer job replaces the old', () => {
    const h = host();
    const log: string[] = [];
    const errors: unknown[] = [];
    const jobs = new TaskedJob(h, (e) => errors.push(e));
    jobs.start(pieces(log, 'a', 10, h, TASK_MS / 2));
    expect(h.tasks).toHaveLength(1);
    h.tasks.shift()!();
    expect(log).toEqual(['a0', 'a1']);
    // A piece longer than a task still runs alone, then the task yields.
    jobs.start(pieces(log, 'b', 3, h, 10 * TASK_MS));
    expect(h.tasks).toHaveLength(1);
    h.tasks.shift()!();
    expect(log).toEqual(['a0', 'a1', 'b0']);
    jobs.stop();
    h.tasks.shift()!();
    expect([log.length, h.tasks.length, errors]).toEqual([3, 0, []]);
  });

  it('a job that throws stops, and onError hears why', () => {
    const h = host();
    const errors: unknown[] = [];
    const jobs = new TaskedJob(h, (e) => errors.push(e));
    jobs.start(
      (function* () {
        yield;
        throw new Error('bad');
      })(),
    );
    h.tasks.shift()!();
    expect(errors.map((e) => (e as Error).message)).toEqual(['bad']);
    expect(h.tasks).toHaveLength(0);
  });
});
