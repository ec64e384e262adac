import { describe, expect, it, vi } from 'vitest';
import { run } from './support/cliInProcess.ts';

// An engine that throws: what a bug anywhere below the command line looks like to it.
vi.mock('../../src/engine/simulate.ts', () => ({
  // eslint-disable-next-line require-yield
  eachRun: function* () {
    throw new TypeError('cannot read properties of undefined\n    at Trajectory.advance');
  },
}));

describe('descent-lab run when something below it throws', () => {
  it('reports an internal error as one line with exit 1, never a stack trace', async () => {
    const preset = { v: 1, fn: { id: 'booth' }, steps: 3, optimizers: [{ type: 'sgd' }] };
    const r = await run(['run', '-'], JSON.stringify(preset));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'descent-lab: internal error: TypeError: cannot read properties of undefined at Trajectory.advance (please report it)\n',
    );
  });
});
