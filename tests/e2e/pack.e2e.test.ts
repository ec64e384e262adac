/**
 * The command line as it ships: the bundle `npm run build` makes (dist-cli/ behind bin/), and the
 * package `npm pack` makes, installed with a plain `npm install` into an empty folder.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compileExpression, instantiate } from '../../src/engine/expr/index.ts';
import { simulate } from '../../src/engine/index.ts';
import { runSweep } from '../../src/engine/sweep/index.ts';
import { jsonChunks, sceneFromPreset } from '../../src/preset/index.ts';
import { sweepJsonText } from '../../src/preset/sweepFormats.ts';
import { compareRun, referenceCases, referencePath } from '../unit/reference.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/descent-lab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'descent-lab-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const preset = {
  v: 1,
  fn: { id: 'beale' },
  steps: 100,
  noise: { sigma: 0.05, seed: 3 },
  optimizers: [{ type: 'adam', lr: 0.05 }, { type: 'nadam' }],
};
const typed = {
  v: 1,
  fn: { id: 'custom', expr: 'x^2 + 3*sin(y)' },
  steps: 20,
  optimizers: [{ type: 'sgd' }],
};

function file(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

/** What the command line must print for `json`: the engine's runs in the JSON format. */
const expectedJson = (json: unknown): string => {
  const scene = sceneFromPreset(json);
  const { expr } = scene.fn;
  const objective = expr === undefined ? undefined : instantiate(compileExpression(expr).source);
  return [...jsonChunks(scene, simulate(scene, objective).runs)].join('');
};

const run = (command: string, args: string[], cwd: string, input?: string) =>
  spawnSync(command, args, { cwd, input, encoding: 'utf8' });

describe('the built command line', () => {
  it('loads neither mathjs, the compiler nor the sweep command at startup: each a chunk apart', () => {
    const files = readdirSync(join(root, 'dist-cli'));
    const entry = readFileSync(join(root, 'dist-cli/descent-lab.mjs'), 'utf8');
    const statics = [...entry.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(statics.every((s) => s!.startsWith('node:'))).toBe(true);
    const chunks = files.filter((f) => f !== 'descent-lab.mjs');
    expect(chunks.map((f) => f.replace(/-.*/, '')).sort()).toEqual(['expr', 'sweepMain']);
    for (const chunk of chunks) expect(entry).toContain(`import("./${chunk}")`);
    const text = (f: string) => readFileSync(join(root, 'dist-cli', f), 'utf8');
    expect(text(chunks.find((f) => f.startsWith('expr-'))!)).toMatch(/from "mathjs\//);
    expect(text(chunks.find((f) => f.startsWith('sweepMain-'))!)).not.toMatch(/mathjs/);
  });

  it('sweeps as the engine does', () => {
    const axis = { path: 'optimizers[*].lr', from: 0.01, to: 0.1, count: 3, scale: 'log' } as const;
    const plan = { scene: sceneFromPreset(preset), axes: [axis], tol: 1e-4 };
    const args = [
      bin,
      'sweep',
      file('sweep.json', preset),
      '--vary',
      'optimizers[*].lr=0.01:0.1:3:log',
    ];
    const r = run(process.execPath, args, root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(sweepJsonText(plan, runSweep(plan)));
  });

  it('prints what the engine computes, for a built-in and a typed function', () => {
    for (const json of [preset, typed]) {
      const r = run(process.execPath, [bin, 'run', file('scene.json', json)], root);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expectedJson(json));
    }
  });

  it('matches PyTorch on every reference case, through compare.mjs', async () => {
    const compare = join(root, 'tests/fixtures/reference/compare.mjs');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        compare,
        fileURLToPath(referencePath),
        `"${process.execPath}" "${bin}" run {preset} --format json`,
      ],
      { cwd: root },
    );
    expect(stdout.trim().split('\n').at(-1)).toBe(
      `${referenceCases.length}/${referenceCases.length} cases match`,
    );
  }, 180_000);

  it('runs as `npx descent-lab` in the project folder (the project’s own bin)', () => {
    const c = referenceCases[0]!;
    const r = run('npx', ['--no-install', 'descent-lab', 'run', file('ref.json', c.preset)], root);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout).runs[0];
    const actual = { points: out.points, lrs: out.lrs, divergedAt: out.diverged_at };
    expect(compareRun(c.runs[0]!, actual, c.tolerance).mismatch).toBeNull();
  }, 60_000);
});

describe('the packed package', () => {
  it('installs into an empty folder with a plain npm install, and its descent-lab works', () => {
    const packed = run('npm', ['pack', '--json', '--pack-destination', dir], root);
    expect(packed.status, packed.stderr).toBe(0);
    // `prepare` (the CLI's build) prints before npm's JSON.
    const json = packed.stdout.slice(packed.stdout.search(/^\[$/m));
    const [info] = JSON.parse(json) as [{ filename: string; files: { path: string }[] }];
    const paths = info.files.map((f) => f.path).sort();
    expect(paths).toContain('bin/descent-lab.mjs');
    expect(paths).toContain('dist-cli/descent-lab.mjs');
    expect(paths.filter((p) => !/^(bin|dist-cli)\/|^(package\.json|README\.md)$/.test(p))).toEqual(
      [],
    );

    const folder = join(dir, 'user');
    mkdirSync(folder);
    writeFileSync(join(folder, 'package.json'), '{"name":"user","private":true}\n');
    const tarball = join(dir, info.filename);
    const installed = run('npm', ['install', '--no-audit', '--no-fund', tarball], folder);
    expect(installed.status, installed.stderr).toBe(0);
    const manifest = JSON.parse(
      readFileSync(join(folder, 'node_modules/descent-lab/package.json'), 'utf8'),
    );
    expect(Object.keys(manifest.dependencies)).toEqual(['mathjs']);
    expect(readdirSync(join(folder, 'node_modules'))).not.toContain('tsx');

    const cli = join(folder, 'node_modules/.bin/descent-lab');
    for (const json of [preset, typed]) {
      const r = run(cli, ['run', '-'], folder, JSON.stringify(json));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expectedJson(json));
    }
    const help = run('npx', ['--no-install', 'descent-lab', '--help'], folder);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: descent-lab run/);
    const bad = run(cli, ['run', 'missing.json'], folder);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('descent-lab: cannot read missing.json: no such file\n');
  }, 180_000);
});
