import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/index.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';
import { run } from '../support/cliInProcess.ts';

const preset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 60,
  optimizers: [
    { type: 'adam', lr: 0.02, phases: [{ from: 30, type: 'sgd', lr: 1e-4, momentum: 0.9 }] },
  ],
};

describe('descent-lab run with phases', () => {
  it('prints the switching run in the usual JSON shape, the entry’s first type, every rate', async () => {
    const { status, stdout, stderr } = await run(
      ['run', '-', '--format', 'json'],
      JSON.stringify(preset),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [out] = (JSON.parse(stdout) as { runs: Record<string, unknown>[] }).runs;
    expect(Object.keys(out!)).toEqual(['label', 'type', 'points', 'lrs', 'diverged_at']);
    expect(out!['type']).toBe('adam');
    const engine = simulate(sceneFromPreset(preset)).runs[0]!;
    expect((out!['points'] as number[][]).map((p) => p[0])).toEqual([...engine.x]);
    expect(out!['lrs']).toEqual([...Array(30).fill(0.02), ...Array(30).fill(1e-4)]);
  });

  it('refuses phases out of order, naming the field', async () => {
    const bad = {
      ...preset,
      optimizers: [
        {
          type: 'adam',
          phases: [
            { from: 40, type: 'sgd' },
            { from: 20, type: 'sgd' },
          ],
        },
      ],
    };
    const { status, stderr } = await run(['run', '-'], JSON.stringify(bad));
    expect(status).not.toBe(0);
    expect(stderr).toContain(
      'optimizers[0].phases[1].from must be greater than optimizers[0].phases[0].from (40), got 20',
    );
  });
});
