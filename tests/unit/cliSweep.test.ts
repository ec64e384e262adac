import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lz from 'lz-string';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinObjective, getFunction, simulate } from '../../src/engine/index.ts';
import type { Scene } from '../../src/engine/scene.ts';
import {
  axisValues,
  cellScene,
  createColumns,
  planOf,
  type Axis,
} from '../../src/engine/sweep/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { sweepCsvText, sweepJsonChunks } from '../../src/preset/sweepFormats.ts';
import { cli, closedEarly } from './support/cli.ts';
import { run } from './support/cliInProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'descent-lab-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The process ended with `status` and exactly one line on stderr, `descent-lab: …`. */
function expectOneLine(r: { status: number | null; stderr: string }, status: number, line: RegExp) {
  expect(r.stderr).toMatch(/^descent-lab: [^\n]+\n$/);
  expect(r.stderr).toMatch(line);
  expect(r.status).toBe(status);
}

const preset = {
  v: 1,
  fn: { id: 'himmelblau' },
  start: [0.5, -0.5],
  steps: 120,
  noise: { sigma: 0.2, seed: 3 },
  optimizers: [
    { type: 'sgd', lr: 0.01, momentum: 0.5, label: 'Heavy, "ball"' },
    { type: 'adam', lr: 0.05 },
  ],
};
const scene = sceneFromPreset(preset);
const presetFile = file('himmelblau.json', preset);

/** One run's metrics as the issue defines them, from simulate() of the cell's own scene. */
function expected(cell: Scene, tol: number) {
  const minima = getFunction(cell.fn.id)!.minima(cell.fn.params);
  const objective = builtinObjective(cell.fn);
  const fMin = Math.min(...minima.map(([x, y]) => objective.f(x, y)));
  return simulate(cell).runs.map((run, i) => {
    const last = run.f.length - 1;
    const f = Array.from(run.f);
    const reached = f.findIndex((v) => v <= fMin + tol);
    const distances = minima.map(([x, y]) => (x - run.x[last]!) ** 2 + (y - run.y[last]!) ** 2);
    return {
      label: cell.optimizers[i]!.label,
      final_loss: f[last],
      best_loss: Math.min(...f),
      steps_to_tol: reached < 0 ? null : reached,
      basin: distances.indexOf(Math.min(...distances)),
      diverged_at: run.divergedAt,
    };
  });
}

const lr: Axis = { path: 'optimizers[*].lr', from: 1e-3, to: 0.3, count: 6, scale: 'log' };
const start: Axis = { path: 'start[0]', from: -4, to: 4, count: 5, scale: 'linear' };
const vary = (a: Axis) =>
  `${a.path}=${a.from}:${a.to}:${a.count}${a.scale === 'log' ? ':log' : ''}`;

describe('descent-lab sweep', () => {
  it('prints every cell as JSON, each run equal to simulate() of the cell scene', () => {
    const r = cli([
      'sweep',
      presetFile,
      '--vary',
      vary(lr),
      '--vary',
      vary(start),
      '--tol',
      '0.01',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.axes).toEqual([
      { path: lr.path, values: Array.from(axisValues(lr)) },
      { path: start.path, values: Array.from(axisValues(start)) },
    ]);
    expect(out.cells).toHaveLength(30);
    for (const cell of [0, 1, 7, 17, 29]) {
      const [i, j] = [Math.floor(cell / 5), cell % 5];
      const entry = out.cells[cell];
      expect(entry.at).toEqual([i, j]);
      expect(entry.values).toEqual([out.axes[0].values[i], out.axes[1].values[j]]);
      expect(entry.runs).toEqual(expected(cellScene(scene, [lr, start], cell), 0.01));
    }
    // The sweep reaches some minimum within tol, and not always the same one.
    const runs = out.cells.flatMap((c: { runs: unknown[] }) => c.runs);
    expect(runs.some((run: { steps_to_tol: number | null }) => run.steps_to_tol !== null)).toBe(
      true,
    );
    expect(new Set(runs.map((run: { basin: number }) => run.basin)).size).toBeGreaterThan(1);
  });

  it('prints CSV rows of the same numbers, one per cell and optimizer', () => {
    const args = ['sweep', presetFile, '--vary', vary(lr), '--vary', vary(start)];
    const json = JSON.parse(cli(args).stdout);
    const r = cli([...args, '--format=csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'optimizers[*].lr,start[0],label,final_loss,best_loss,steps_to_tol,basin,diverged_at',
    );
    expect(lines).toHaveLength(1 + 30 * 2);
    const csv = (v: unknown) => (v === null ? '' : String(v));
    json.cells.forEach((cell: { values: number[]; runs: Record<string, unknown>[] }, c: number) => {
      cell.runs.forEach((run, k) => {
        const label = k === 0 ? '"Heavy, ""ball"""' : 'Adam';
        const metrics = ['final_loss', 'best_loss', 'steps_to_tol', 'basin', 'diverged_at'];
        expect(lines[1 + c * 2 + k]).toBe(
          [...cell.values, label, ...metrics.map((m) => csv(run[m]))].join(','),
        );
      });
    });
  });

  it("takes the axes of the preset's open sweep view when no --vary is given", () => {
    const sweep = {
      view: 'map',
      map: { optimizer: 1, axes: [{ count: 3 }, { count: 2 }] },
      tol: 0.5,
    };
    const withSweep = sceneFromPreset({ ...preset, sweep });
    const r = cli(['sweep', file('map.json', { ...preset, sweep })]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const plan = planOf(withSweep);
    expect(out.axes.map((a: { path: string }) => a.path)).toEqual([
      'optimizers[1].lr',
      'optimizers[1].betas[0]',
    ]);
    expect(out.cells).toHaveLength(6);
    // Only the map's optimizer runs, at the preset's tol.
    expect(out.cells[4].runs).toEqual([expected(cellScene(withSweep, plan.axes, 4), 0.5)[1]]);
  });

  it('sweeps the basin grid of a basins view over the view', () => {
    const sweep = { view: 'basins', basins: { resolution: 8, optimizer: 0 } };
    const r = cli(['sweep', file('basins.json', { ...preset, sweep }), '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^start\[0\],start\[1\],label,/);
    expect(lines).toHaveLength(1 + 64);
  });

  it('reads the preset from standard input with -, and runs a seeds view over seeds 1…N', async () => {
    const sweep = { view: 'seeds', seeds: { count: 4 } };
    const r = await run(['sweep', '-'], JSON.stringify({ ...preset, sweep }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.axes).toEqual([{ path: 'noise.seed', values: [1, 2, 3, 4] }]);
    const seeded = sceneFromPreset({ ...preset, noise: { sigma: 0.2, seed: 1 } });
    expect(out.cells[0].runs).toEqual(expected(seeded, 1e-4));
    expect(out.cells[0].runs).not.toEqual(out.cells[2].runs);
  });

  it('overrides the tol with --tol', () => {
    const base = ['sweep', presetFile, '--vary', vary(start)];
    const loose = JSON.parse(cli([...base, '--tol', '1000']).stdout);
    expect(loose.cells[0].runs[0].steps_to_tol).toBe(0);
    const tight = JSON.parse(cli([...base, '--tol', '0']).stdout);
    expect(tight.cells[0].runs[0].steps_to_tol).toBeNull();
  });

  it('sweeps a typed function, its basins numbered by clusters of the ends', () => {
    const typed = { ...preset, fn: { id: 'custom', expr: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2' } };
    const r = cli(['sweep', file('typed.json', typed), '--vary', vary(start)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const builtin = JSON.parse(cli(['sweep', presetFile, '--vary', vary(start)]).stdout);
    for (const [c, cell] of out.cells.entries()) {
      for (const [k, run] of cell.runs.entries()) {
        const twin = builtin.cells[c].runs[k];
        // The typed Himmelblau is written differently, so losses agree to rounding only.
        expect(run.final_loss).toBeCloseTo(twin.final_loss, 6);
        expect(run.steps_to_tol).toBeNull();
        expect(run.basin === null).toBe(twin.diverged_at !== null);
      }
    }
    const basins = out.cells.flatMap((c: { runs: { basin: number }[] }) =>
      c.runs.map((r) => r.basin),
    );
    expect(new Set(basins).size).toBeGreaterThan(1);
  });

  it('numbers the basins of a built-in function without minima (the monkey saddle) by clusters too', () => {
    const saddle = { ...preset, fn: { id: 'monkey_saddle' }, noise: undefined, steps: 40 };
    const r = cli(['sweep', file('saddle.json', saddle), '--vary', vary(start)]);
    expect(r.status).toBe(0);
    const runs = JSON.parse(r.stdout).cells.flatMap(
      (c: { runs: { basin: number | null; diverged_at: number | null }[] }) => c.runs,
    );
    const finite = runs.filter((run: { diverged_at: number | null }) => run.diverged_at === null);
    expect(finite.length).toBeGreaterThan(0);
    expect(
      finite.every((run: { basin: number | null }) => run.basin !== null && run.basin >= 0),
    ).toBe(true);
  });

  it('says so on stderr when every run diverges, and still writes the output', () => {
    const wild = {
      ...preset,
      fn: { id: 'rosenbrock' },
      noise: undefined,
      optimizers: [{ type: 'sgd' }, { type: 'sgd', momentum: 0.9 }],
    };
    const r = cli(['sweep', file('wild.json', wild), '--vary', 'optimizers[*].lr=5:50:3']);
    expectOneLine(r, 0, /every run of this sweep diverged \(6 runs in 3 cells\)/);
    const out = JSON.parse(r.stdout);
    expect(
      out.cells.every((c: { runs: { diverged_at: number | null }[] }) =>
        c.runs.every((run) => run.diverged_at !== null),
      ),
    ).toBe(true);
  });

  it('reads a link, naming on stderr what of it the page would ignore', () => {
    const json = JSON.stringify({ ...preset, sweep: { view: 'curves', metric: 'height' } });
    const link = `https://example.org/#s=1.${lz.compressToEncodedURIComponent(json)}`;
    const r = cli(['sweep', link]);
    expect(r.stderr).toMatch(/^descent-lab: link: sweep\.metric must be one of/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).axes[0].path).toBe('optimizers[*].lr');
  });

  it('stops quietly with status 0 when the reader closes the output early (| head)', async () => {
    // About 2e9 Adam steps in all: minutes of work if it were computed before the output.
    const long = { ...preset, noise: undefined, steps: 30_000, optimizers: [{ type: 'adam' }] };
    const { status, stderr } = await closedEarly([
      'sweep',
      file('long.json', long),
      '--vary',
      'start[0]=-4:4:256',
      '--vary',
      'start[1]=-4:4:256',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 60_000);
});

describe('descent-lab sweep: bad input (one line, exit 2, nothing computed or printed)', () => {
  const typedBad = file('typed-bad.json', { ...preset, fn: { id: 'custom', expr: 'sinn(x) + y' } });
  const huge = file('huge.json', { ...preset, steps: 100_000 });
  const badSweep = file('bad-sweep.json', {
    ...preset,
    sweep: { map: { axes: [{ count: 0 }, {}] } },
  });
  const cases: [string, string[], RegExp][] = [
    [
      'count 0',
      ['--vary', 'optimizers[0].lr=1e-4:1:0:log'],
      /--vary optimizers\[0\]\.lr\.count must be an integer in \[1, 256\], got 0/,
    ],
    [
      'inverted range',
      ['--vary', 'start[0]=2:-2:5'],
      /--vary start\[0\]\.to must be greater than from \(2\), got -2/,
    ],
    [
      'non-finite range',
      ['--vary', 'start[0]=-1:1e999:5'],
      /--vary start\[0\]\.to must be a finite number, got Infinity/,
    ],
    [
      'log scale through zero',
      ['--vary', 'optimizers[0].lr=0:1:5:log'],
      /--vary optimizers\[0\]\.lr\.from must be > 0 on a log scale, got 0/,
    ],
    [
      'unknown path',
      ['--vary', 'optimizers[0].speed=0:1:5'],
      /--vary optimizers\[0\]\.speed\.path names optimizers\[0\]\.speed, which is not a number of SGD/,
    ],
    [
      'path of nothing',
      ['--vary', 'weights=0:1:5'],
      /--vary weights\.path must name a number of the scene/,
    ],
    [
      'optimizer out of range',
      ['--vary', 'optimizers[4].lr=0.1:1:5'],
      /optimizers\[4\], but the scene has 2 optimizers/,
    ],
    [
      'value outside the field',
      ['--vary', 'optimizers[1].betas[0]=0:1.5:4'],
      /--vary optimizers\[1\]\.betas\[0\]\.to must be in \[0, 1\) for optimizers\[1\]\.betas\[0\], got 1\.5/,
    ],
    [
      'more values than the cap',
      ['--vary', 'start[0]=0:1:257'],
      /count must be an integer in \[1, 256\], got 257/,
    ],
    [
      'non-integer count',
      ['--vary', 'start[0]=0:1:2.5'],
      /count must be an integer in \[1, 256\], got 2\.5/,
    ],
    [
      'not PATH=FROM:TO:COUNT',
      ['--vary', 'start[0]=0:1'],
      /--vary must be PATH=FROM:TO:COUNT\[:log\]/,
    ],
    ['no value', ['--vary'], /--vary needs PATH=FROM:TO:COUNT/],
    [
      'a number that is not',
      ['--vary', 'start[0]=0:one:5'],
      /--vary start\[0\]: TO must be a number, got "one"/,
    ],
    ['unknown scale', ['--vary', 'start[0]=0:1:5:ln'], /the scale must be log or linear, got "ln"/],
    [
      'three axes',
      ['--vary', 'start[0]=0:1:2', '--vary', 'start[1]=0:1:2', '--vary', 'noise.seed=1:2:2'],
      /at most two --vary axes, got 3/,
    ],
    [
      'one path twice',
      ['--vary', 'start[0]=0:1:2', '--vary', 'start[0]=0:2:2'],
      /--vary start\[0\] is given twice/,
    ],
    [
      'bad tol',
      ['--vary', 'start[0]=0:1:2', '--tol', '-1'],
      /--tol must be a number ≥ 0, got "-1"/,
    ],
    [
      'bad format',
      ['--vary', 'start[0]=0:1:2', '--format', 'xml'],
      /--format must be json or csv, got "xml"/,
    ],
    [
      'nothing to vary',
      [],
      /nothing to vary: give --vary PATH=FROM:TO:COUNT\[:log\], or a preset with a "sweep"/,
    ],
  ];
  // main() in this process: the same code as the command line, without a process start each.
  it.each(cases)('%s', async (_, args, line) => {
    const r = await run(['sweep', presetFile, ...args]);
    expectOneLine(r, 2, line);
    expect(r.stdout).toBe('');
  });

  it('more work than the cap', () => {
    const r = cli(['sweep', huge, '--vary', 'start[0]=0:1:256', '--vary', 'start[1]=0:1:256']);
    expectOneLine(
      r,
      2,
      /the sweep needs 65,536 cells × 2 runs × 100,000 steps = 1\.31e10 optimizer steps; a sweep does at most 2e9/,
    );
    expect(r.stdout).toBe('');
  });

  it('a typed function that does not compile', () => {
    const r = cli(['sweep', typedBad, '--vary', 'start[0]=0:1:2']);
    expectOneLine(
      r,
      2,
      /invalid preset in .*typed-bad\.json: fn\.expr is not a valid function: unknown function "sinn"/,
    );
    expect(r.stdout).toBe('');
  });

  it('a scene that trains a network, whose runs a sweep of its function would not be', async () => {
    const network = file('network.json', { ...preset, network: { data: 'circle' } });
    const r = await run(['sweep', network, '--vary', 'optimizers[0].lr=0.01:0.1:3:log']);
    expectOneLine(r, 2, /sweeps vary runs on the 2-D functions, and this scene trains a network/);
    expect(r.stdout).toBe('');
  });

  it("a preset whose sweep is bad, named by the sweep's field", () => {
    const r = cli(['sweep', badSweep]);
    expectOneLine(r, 2, /invalid preset in .*: sweep\.map\.axes\[0\]\.count must be an integer/);
    expect(r.stdout).toBe('');
  });

  it('every problem of the axes in one line', () => {
    const r = cli(['sweep', presetFile, '--vary', 'start[0]=1:0:0', '--vary', 'x=0:1:2']);
    expectOneLine(r, 2, /start\[0\]\.count must be .*; --vary x\.path must name/);
  });

  it('states the caps in --help', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/at most 256 values per axis, 65,536 cells and 2e9 optimizer steps/);
    expect(r.stdout).toMatch(/descent-lab sweep <preset\.json \| - \| link>/);
  });
});

describe('sweep formats', () => {
  const plan = { scene, axes: [start], tol: 1e-4 };

  it('computes cells only as the output asks for them', () => {
    const wide = {
      scene,
      axes: [
        { ...start, count: 256 },
        { ...start, path: 'start[1]', count: 4 },
      ],
      tol: 1e-4,
    };
    const columns = createColumns(1024, 2);
    const asked: [number, number][] = [];
    const chunks = sweepJsonChunks(wide, columns, (from, to) => asked.push([from, to]));
    chunks.next();
    expect(asked).toEqual([]);
    chunks.next();
    expect(asked).toEqual([[0, 256]]);
    chunks.next();
    expect(asked).toEqual([
      [0, 256],
      [256, 512],
    ]);
  });

  it('writes uncomputed or unknown values as null (JSON) and empty (CSV)', () => {
    const columns = createColumns(5, 2);
    const text = sweepCsvText(plan, columns);
    expect(text.split('\n')[1]).toBe('-4,"Heavy, ""ball""",,,,,');
  });

  it('quotes a label a spreadsheet would run as a formula', () => {
    const risky = sceneFromPreset({
      ...preset,
      optimizers: [{ type: 'sgd', label: '=HYPERLINK("x")' }],
    });
    const text = sweepCsvText({ scene: risky, axes: [start], tol: 1e-4 }, createColumns(5, 1));
    expect(text.split('\n')[1]).toBe(`-4,"'=HYPERLINK(""x"")",,,,,`);
  });
});
