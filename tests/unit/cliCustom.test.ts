import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lz from 'lz-string';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './support/cliInProcess.ts';
import { simulate } from '../../src/engine/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { hostileExpressions } from '../hostile.ts';
import { cli } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'descent-lab-custom-'));

const preset = (expr: string) => ({
  v: 1,
  fn: { id: 'custom', expr },
  start: [-1.5, 2],
  steps: 200,
  optimizers: [{ type: 'adam', lr: 0.05 }],
});
const write = (name: string, json: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
};
const link = (json: unknown) => `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(json))}`;

afterEach(() => expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined());

describe('descent-lab run with a custom function', () => {
  it('computes the built-in Rosenbrock trajectory from its expression', async () => {
    const r = await run(['run', write('rosen.json', preset('(1-x)^2 + 100*(y-x^2)^2'))]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const points: number[][] = JSON.parse(r.stdout).runs[0].points;
    const builtin = simulate(sceneFromPreset({ ...preset(''), fn: { id: 'rosenbrock' } })).runs[0]!;
    expect(points).toHaveLength(201);
    points.forEach(([x, y, f], k) => {
      expect(x).toBeCloseTo(builtin.x[k]!, 10);
      expect(y).toBeCloseTo(builtin.y[k]!, 10);
      expect(f).toBeCloseTo(builtin.f[k]!, 8);
    });
  });

  it('marks a run that enters a hole like a divergence', async () => {
    const r = await run(['run', write('hole.json', { ...preset('log(x)'), start: [0.5, 0] })]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout).runs[0];
    expect(out.diverged_at).toBeGreaterThan(0);
    expect(out.points).toHaveLength(out.diverged_at);
  });

  it('names the column of a mistake: one line, exit 2', async () => {
    const r = await run(['run', write('bad.json', preset('x + sinn(y)'))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `descent-lab: invalid preset in ${join(dir, 'bad.json')}: fn.expr is not a valid function: unknown function "sinn" at column 5\n`,
    );
  });

  it.each(hostileExpressions.map((h, i) => [i, h.length > 50 ? `${h.slice(0, 47)}...` : h, h]))(
    'hostile #%i %s: refused (exit 2) or plain arithmetic, from a file and a link',
    async (i, _name, expr) => {
      const fromFile = await run(['run', write(`hostile-${i}.json`, preset(expr))]);
      expect([0, 2]).toContain(fromFile.status);
      if (fromFile.status === 2) expect(fromFile.stderr).toMatch(/^descent-lab: invalid preset/);
      const fromLink = await run(['run', link(preset(expr))]);
      // A link is read leniently: a function that cannot be read is replaced, and named.
      expect(fromLink.status).toBe(0);
      if (fromFile.status === 2) expect(fromLink.stderr).toMatch(/^descent-lab: link: fn.expr/);
      else expect(fromLink.stderr).toBe('');
    },
  );

  it('as a user runs it: a link with a custom function, in a separate process', () => {
    const r = cli(['run', link(preset('x^2 + y^2')), '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('0,0,-1.5,2,6.25,');
  });
});
