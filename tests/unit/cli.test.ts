import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { MAX_PRESET_BYTES, sceneFromPreset, sceneHash } from '../../src/preset/index.ts';
import { compareRun, referenceCases, referencePath } from './reference.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/descent-lab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'descent-lab-cli-'));

/** Runs the command line as a user would; returns its status and both streams. */
function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const preset = {
  v: 1,
  fn: { id: 'narrow_valley' },
  steps: 50,
  noise: { sigma: 0.1, seed: 5 },
  optimizers: [
    { type: 'sgd', lr: 0.05, momentum: 0.9, label: 'Heavy, ball' },
    { type: 'adam', lr: 0.1, schedule: { type: 'cosine', T_max: 50 } },
  ],
};

describe('descent-lab run', () => {
  it('prints every run as JSON, the same doubles simulate computes', () => {
    const r = cli(['run', file('ok.json', JSON.stringify(preset))]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const { runs } = simulate(sceneFromPreset(preset));
    expect(out.runs).toHaveLength(2);
    expect(out.runs[0].label).toBe('Heavy, ball');
    expect(out.runs[1].type).toBe('adam');
    runs.forEach((run, i) => {
      expect(out.runs[i].points).toEqual(Array.from(run.x, (x, k) => [x, run.y[k], run.f[k]]));
      expect(out.runs[i].lrs).toEqual(Array.from(run.lr));
      expect(out.runs[i].diverged_at).toBeNull();
    });
  });

  it('prints CSV rows run,step,x,y,f,lr with the lr of the step that led to each point', () => {
    const r = cli(['run', file('ok.json', JSON.stringify(preset)), '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('run,step,x,y,f,lr');
    expect(lines).toHaveLength(1 + 2 * 51);
    const { runs } = simulate(sceneFromPreset(preset));
    expect(lines[1]).toBe(`0,0,${runs[0]!.x[0]},${runs[0]!.y[0]},${runs[0]!.f[0]},`);
    expect(lines[52]).toBe(`1,0,${runs[1]!.x[0]},${runs[1]!.y[0]},${runs[1]!.f[0]},`);
    expect(lines[53]).toBe(
      `1,1,${runs[1]!.x[1]},${runs[1]!.y[1]},${runs[1]!.f[1]},${runs[1]!.lr[0]}`,
    );
  });

  it('reads the preset from standard input with -', () => {
    const r = cli(['run', '-'], JSON.stringify(preset));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).runs).toHaveLength(2);
  });

  it('reports a diverged run with diverged_at and only its finite points', () => {
    const diverging = {
      ...preset,
      fn: { id: 'rosenbrock' },
      noise: undefined,
      optimizers: [{ type: 'sgd', lr: 0.1 }],
    };
    const out = JSON.parse(cli(['run', file('div.json', JSON.stringify(diverging))]).stdout);
    expect(out.runs[0].diverged_at).toBe(5);
    expect(out.runs[0].points).toHaveLength(5);
  });

  it('prints usage with --help', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: descent-lab run/);
  });

  const bad: [string, () => string[], RegExp][] = [
    [
      'a missing file',
      () => ['run', join(dir, 'nope.json')],
      /cannot read .*nope\.json: no such file/,
    ],
    ['a directory', () => ['run', dir], /not a file/],
    ['invalid JSON', () => ['run', file('bad.json', '{"v": 1,')], /invalid JSON/],
    [
      'a schema error',
      () => [
        'run',
        file(
          'schema.json',
          JSON.stringify({ ...preset, optimizers: [{ type: 'adam', betas: [1.5, 0.9] }] }),
        ),
      ],
      /optimizers\[0\]\.betas\[0\] must be in \[0, 1\), got 1\.5/,
    ],
    [
      'an oversized file',
      () => ['run', file('big.json', ' '.repeat(MAX_PRESET_BYTES + 1))],
      /presets? is at most 1000000 bytes/,
    ],
    ['no file', () => ['run'], /needs a preset file/],
    ['two files', () => ['run', 'a.json', 'b.json'], /one preset at a time/],
    ['an unknown command', () => ['go', 'x.json'], /unknown command "go"/],
    ['an unknown option', () => ['run', 'x.json', '--fast'], /unknown option "--fast"/],
    ['a bad format', () => ['run', 'x.json', '--format', 'xml'], /--format must be json or csv/],
  ];
  for (const [name, args, message] of bad) {
    it(`refuses ${name}: one line on stderr, exit 2, nothing on stdout`, () => {
      const r = cli(args());
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('descent-lab run <link>', () => {
  const scene = sceneFromPreset(preset);
  const hash = sceneHash(scene);

  it("prints a link's trajectories, the same doubles as its preset file", () => {
    const fromFile = cli(['run', file('link.json', JSON.stringify(preset))]);
    for (const link of [`https://descent-lab.example/#${hash}`, `#${hash}`]) {
      const r = cli(['run', link]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(fromFile.stdout);
    }
  });

  it('runs what is valid of a partly bad link and names the rest on stderr', () => {
    const bad = { ...preset, optimizers: [...preset.optimizers, { type: 'sgdd' }] };
    const r = cli(['run', `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(bad))}`]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^descent-lab: link: optimizers\[2\]\.type must be one of/);
    expect(JSON.parse(r.stdout).runs).toHaveLength(2);
  });

  it('refuses a link with nothing usable: one line, exit 2', () => {
    for (const [link, message] of [
      ['#s=1.AAAA', /damaged/],
      ['#s=9.AAAA', /newer Descent Lab/],
    ] as const) {
      const r = cli(['run', link]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('the command line matches PyTorch on every reference case', () => {
  const compare = fileURLToPath(new URL('../fixtures/reference/compare.mjs', import.meta.url));
  const referenceFile = fileURLToPath(referencePath);

  it("through compare.mjs, the reference set's own checker", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [compare, referenceFile, `"${process.execPath}" "${bin}" run {preset} --format json`],
      { cwd: root },
    );
    expect(stdout.trim().split('\n').at(-1)).toBe(
      `${referenceCases.length}/${referenceCases.length} cases match`,
    );
  }, 180_000);

  it('as `npx descent-lab run` from the project folder', () => {
    const c = referenceCases[0]!;
    const r = spawnSync('npx', ['descent-lab', 'run', file('ref.json', JSON.stringify(c.preset))], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout).runs[0];
    const actual = { points: run.points, lrs: run.lrs, divergedAt: run.diverged_at };
    expect(compareRun(c.runs[0]!, actual, c.tolerance).mismatch).toBeNull();
  }, 60_000);
});
