/**
 * `descent-lab export-torch` as a command (what it prints and refuses, with the other commands'
 * conventions) and the generator's refusals; tests/unit/torchExport.test.ts runs the scripts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Scene } from '../../src/engine/scene.ts';
import { torchScript, TorchExportError } from '../../src/export/torch/index.ts';
import { sceneFromPreset, sceneHash } from '../../src/preset/index.ts';
import { run } from './support/cliInProcess.ts';
import { PYTHON, requireTorch } from './support/python.ts';

const dir = mkdtempSync(join(tmpdir(), 'descent-lab-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const preset = {
  v: 1,
  fn: { id: 'narrow_valley', params: { angle: 30 } },
  steps: 40,
  noise: { sigma: 0.1, seed: 5 },
  optimizers: [
    { type: 'sgd', lr: 0.05, momentum: 0.9, label: 'Heavy "ball"' },
    { type: 'lion', lr: 0.01, schedule: { type: 'step', step_size: 10, gamma: 0.5 } },
  ],
};

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Exit status 2, nothing on stdout, one `descent-lab: …` line on stderr. */
function refused(r: { status: number; stdout: string; stderr: string }, line: RegExp) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^descent-lab: [^\n]+\n$/);
  expect(r.stderr).toMatch(line);
}

describe('descent-lab export-torch', () => {
  it('writes one Python script with the scene in it, the same from a file, stdin and a link', async () => {
    const fromFile = await run(['export-torch', file('ok.json', JSON.stringify(preset))]);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.status).toBe(0);
    const script = fromFile.stdout;
    expect(script).toMatch(
      /^#!\/usr\/bin\/env python3\n"""A Descent Lab scene \(Narrow valley, 40 steps, 2 optimizers\)/,
    );
    expect(script).toContain(
      'torch.optim.SGD([p], lr=0.05, momentum=0.9, dampening=0.0, nesterov=False, weight_decay=0.0)',
    );
    expect(script).toContain('Lion([p], lr=0.01, betas=(0.9, 0.99), weight_decay=0.0)');
    expect(script).toContain('StepLR(o, step_size=10, gamma=0.5)');
    expect(script).toContain('\'label\': "Heavy \\"ball\\""');
    expect(script).toContain('class Lion(torch.optim.Optimizer):');
    expect(script).toContain('SIGMA = 0.1');
    expect(script).toContain('SEED = 5');
    expect((await run(['export-torch', '-'], JSON.stringify(preset))).stdout).toBe(script);
    const link = `https://example.org/lab/#${sceneHash(sceneFromPreset(preset))}`;
    expect((await run(['export-torch', link])).stdout).toBe(script);
  });

  it('leaves out what the scene does not use: Lion, the generator', async () => {
    const plain = { v: 1, fn: { id: 'booth' }, steps: 5, optimizers: [{ type: 'adam' }] };
    const r = await run(['export-torch', file('plain.json', JSON.stringify(plain))]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('class Lion');
    expect(r.stdout).not.toContain('class NormalSource');
    expect(r.stdout).toContain('XI = None');
  });

  it('writes a typed function as torch operations', async () => {
    const typed = {
      v: 1,
      fn: { id: 'custom', expr: 'sqrt(x^2 + 1) + sec(y) - 2^x + log(2)' },
      steps: 3,
      optimizers: [{ type: 'sgd', lr: 0.01 }],
    };
    const r = await run(['export-torch', file('typed.json', JSON.stringify(typed))]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      '    return (((torch.sqrt(((x ** 2.0) + 1.0)) + (1 / torch.cos(y))) - (2.0 ** x)) + 0.6931471805599453)',
    );
    // The gradient is the lab's symbolic one (mathjs, folded), not autograd's.
    expect(r.stdout).toContain(
      '        d_dx = (((2.0 * x) / (2.0 * torch.sqrt(((x ** 2.0) + 1.0)))) - ((2.0 ** x) * 0.6931471805599453))',
    );
    expect(r.stdout).toContain('        d_dy = ((1 / torch.cos(y)) * torch.tan(y))');
  });

  it.each([
    [['export-torch'], /export-torch needs a preset file/],
    [['export-torch', 'a.json', 'b.json'], /one preset at a time/],
    [['export-torch', '--json', 'a.json'], /unknown option "--json"/],
    [['export-torch', join(dir, 'missing.json')], /cannot read .*missing\.json: no such file/],
  ])('refuses %j', async (args, line) => {
    refused(await run(args), line);
  });

  it('refuses a bad preset as run does, naming the field', async () => {
    const bad = { ...preset, optimizers: [{ type: 'adam', betas: [1.5, 0.9] }] };
    refused(
      await run(['export-torch', file('bad.json', JSON.stringify(bad))]),
      /invalid preset in .*bad\.json: optimizers\[0\]\.betas\[0\] must be in \[0, 1\), got 1\.5/,
    );
  });

  it('is in --help', async () => {
    expect((await run(['--help'])).stdout).toContain(
      'descent-lab export-torch <preset.json | - | link>',
    );
  });
});

describe('torchScript refuses what it cannot write as the lab runs it', () => {
  const scene = sceneFromPreset(preset);
  it('an optimizer it has no torch form for, by name', () => {
    const odd: Scene = { ...scene, optimizers: [{ ...scene.optimizers[0]!, type: 'shampoo' }] };
    expect(() => torchScript(odd)).toThrow(
      new TorchExportError('the optimizer "shampoo" has no PyTorch export'),
    );
  });
  it('a function it has no torch form for, by id', () => {
    const odd: Scene = { ...scene, fn: { id: 'eggholder', params: {} } };
    expect(() => torchScript(odd)).toThrow(
      new TorchExportError('the function "eggholder" has no PyTorch export'),
    );
  });
  it('a network scene, saying where its data and θ₀ come from instead', () => {
    const network = sceneFromPreset({ ...preset, network: { data: 'xor', hidden: [4] } });
    expect(() => torchScript(network)).toThrow(
      /^it trains a network, which has no PyTorch export yet: `descent-lab data <link>` prints/,
    );
  });
  it('a typed function without its compiled tree', () => {
    const typed = sceneFromPreset(
      { ...preset, fn: { id: 'custom', expr: 'x^2' } },
      { checkExpression: () => null },
    );
    expect(() => torchScript(typed)).toThrow(/the typed function was not compiled/);
  });
  it('a schedule it has no torch form for, by name', () => {
    const entry = {
      ...scene.optimizers[0]!,
      schedule: { type: 'cyclic' } as unknown as Scene['optimizers'][0]['schedule'],
    };
    expect(() => torchScript({ ...scene, optimizers: [entry] })).toThrow(
      /the schedule "cyclic" has no PyTorch export/,
    );
  });
});

describe('an exported script', () => {
  it('holds a label as text, whatever quotes and escapes it carries: it is printed, not run', () => {
    requireTorch();
    // Were it code, it would create PWNED in the script's folder (the working directory).
    const hostile = `a"b\\c'''d"); open("PWNED", "w") #`;
    expect(hostile.length).toBeLessThanOrEqual(60);
    const scene = sceneFromPreset({
      v: 1,
      fn: { id: 'booth' },
      steps: 3,
      optimizers: [{ type: 'sgd', lr: 0.01, label: hostile }],
    });
    const script = file('hostile.py', torchScript(scene));
    const r = spawnSync(PYTHON, [script, '--json'], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).runs[0].label).toBe(hostile);
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
  });
});
