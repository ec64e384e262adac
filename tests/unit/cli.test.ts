import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lz from 'lz-string';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { MAX_PRESET_BYTES, sceneFromPreset, sceneHash } from '../../src/preset/index.ts';
import { cli, cliArgs, closedEarly, root } from './support/cli.ts';
import { spawnSync } from 'node:child_process';

const dir = mkdtempSync(join(tmpdir(), 'descent-lab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The process ended with `status` and exactly one line on stderr, `descent-lab: …`. */
function expectOneLine(r: { status: number | null; stderr: string }, status: number, line: RegExp) {
  expect(r.status).toBe(status);
  expect(r.stderr).toMatch(/^descent-lab: [^\n]+\n$/);
  expect(r.stderr).toMatch(line);
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
      new RegExp(`presets? is at most ${MAX_PRESET_BYTES} bytes`),
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
      expectOneLine(r, 2, message);
      expect(r.stdout).toBe('');
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
      expectOneLine(r, 2, message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('every failure ends as one line, never a stack trace', () => {
  // The id spelled with a JSON escape: only the parsed value says it is a typed function.
  const escaped = (expr: string) =>
    `{"v":1,"fn":{"id":"\\u0063ustom","expr":${JSON.stringify(expr)}},"steps":5,` +
    `"optimizers":[{"type":"adam"}]}`;

  it('checks a typed function whose id is written with an escape: one line, exit 2', () => {
    const path = file('escaped.json', escaped('sinn(x)'));
    const r = cli(['run', path]);
    expect(r.stderr).toBe(
      `descent-lab: invalid preset in ${path}: fn.expr is not a valid function: unknown function "sinn" at column 1\n`,
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('runs a valid typed function whose id is written with an escape', () => {
    const r = cli(['run', file('escaped-ok.json', escaped('x^2 + y^2')), '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('0,0,-2,2,8,');
  });

  it('names a refused typed function of an escaped link and runs what is left', () => {
    const r = cli(['run', `#s=1.${lz.compressToEncodedURIComponent(escaped('sinn(x)'))}`]);
    expect(r.status).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.every((line) => line.startsWith('descent-lab: link: '))).toBe(true);
    expect(r.stderr).toMatch(/fn\.expr is not a valid function: unknown function "sinn"/);
    expect(JSON.parse(r.stdout).runs).toHaveLength(1);
  });

  it('refuses a path it cannot read', () => {
    const r = cli(['run', join(file('plain.json', '{}'), 'inside.json')]);
    expectOneLine(r, 2, /cannot read .*inside\.json: .*not a directory/);
    expect(r.stdout).toBe('');
  });

  const long = JSON.stringify({ ...preset, steps: 100_000, noise: undefined });

  it('stops quietly with status 0 when the reader closes the output early (| head)', async () => {
    const { status, stderr } = await closedEarly(['run', file('long.json', long)]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('reports an output it cannot write: one line, exit 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, cliArgs(['run', file('full.json', long)]), {
        cwd: root,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expectOneLine(r, 1, /^descent-lab: cannot write the output: no space left on the device$/m);
    } finally {
      closeSync(full);
    }
  });

  it('reports an error thrown outside main as an internal error: one line, exit 1', () => {
    // After main has started (its first write), an error nobody catches.
    const late =
      'data:text/javascript,const write = process.stdout.write;' +
      'process.stdout.write = function (...args) {' +
      "  setImmediate(() => { throw new Error('late\\n  at nowhere'); });" +
      '  process.stdout.write = write;' +
      '  return write.apply(this, args);' +
      '};';
    const r = spawnSync(
      process.execPath,
      cliArgs(['run', file('late.json', JSON.stringify(preset))], [late]),
      { cwd: root, encoding: 'utf8' },
    );
    expectOneLine(
      r,
      1,
      /^descent-lab: internal error: Error: late at nowhere \(please report it\)$/m,
    );
  });
});
