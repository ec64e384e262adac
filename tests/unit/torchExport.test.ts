/**
 * The PyTorch export against the command line: every gallery scene and every case of the PyTorch
 * reference (tests/fixtures/reference) is exported with `descent-lab export-torch`, the script run
 * by real PyTorch with --json, and its output compared with `descent-lab run --format json`'s:
 * the same text once every number is masked (keys, order, layout), the same labels, types and
 * divergence steps, and every number within the case's tolerance. The scripts run in one Python
 * process (tests/fixtures/torch-export/runner.py: import torch once); a few also run alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectiveOf } from '../../src/cli/compiler.ts';
import { simulate, type Run } from '../../src/engine/index.ts';
import { builtinObjective } from '../../src/engine/objective.ts';
import type { Objective } from '../../src/engine/types.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { run as cli } from './support/cliInProcess.ts';
import { PYTHON, requireTorch } from './support/python.ts';

interface RunJson {
  label: string;
  type: string;
  points: number[][];
  test_f?: number[];
  lrs: number[];
  diverged_at: number | null;
}

interface Case {
  readonly name: string;
  readonly preset: Record<string, unknown>;
  /** |torch − lab| ≤ tolerance·max(1, |lab|) for x, y, f (lrs: the reference's rule). */
  readonly tolerance: number;
}

const reference = JSON.parse(
  readFileSync(new URL('../fixtures/reference/trajectories.json', import.meta.url), 'utf8'),
) as { cases: { name: string; preset: Record<string, unknown>; tolerance: number }[] };

/**
 * The reference's own tolerance for its cases (1e-10, 1e-9 for two), 1e-10 for the gallery's:
 * each of these runs was checked not to be chaotic at that scale (see the README, "PyTorch export").
 */
const cases: readonly Case[] = [
  ...gallery.map((g) => ({
    name: `gallery ${g.id}`,
    preset: g.preset as Record<string, unknown>,
    tolerance: 1e-10,
  })),
  ...reference.cases.map((c) => ({
    name: `reference ${c.name}`,
    preset: c.preset,
    tolerance: c.tolerance,
  })),
];

const runner = fileURLToPath(new URL('../fixtures/torch-export/runner.py', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'descent-lab-torch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What each case's files are called: its preset, script, the CLI's and torch's JSON. */
const files = (i: number) => ({
  preset: join(dir, `case${i}.json`),
  script: join(dir, `case${i}.py`),
  lab: join(dir, `case${i}.lab.json`),
  torch: join(dir, `case${i}.torch.json`),
});

/** The JSON text with every number masked: what must be the same, character for character. */
const shape = (text: string): string => text.replace(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g, '#');

/** The preset with every learning rate (phases' too) one rounding larger, ×(1 + 2⁻⁵²). */
function roundedRates(preset: Record<string, unknown>): Record<string, unknown> {
  type Stage = { lr?: number; type: string; phases?: Stage[] };
  const up = (s: Stage): Stage => {
    const lr =
      s.lr ??
      (sceneFromPreset({ v: 1, fn: { id: 'booth' }, steps: 1, optimizers: [{ type: s.type }] })
        .optimizers[0]!.hyper['lr'] as number);
    return { ...s, lr: lr * (1 + 2 ** -52), ...(s.phases ? { phases: s.phases.map(up) } : {}) };
  };
  return { ...preset, optimizers: (preset['optimizers'] as Stage[]).map(up) };
}

/**
 * How many points of each run the lab itself reproduces within `tolerance` when it computes
 * every gradient one rounding larger (×(1 + 2⁻⁵²)), or every step with a rate one rounding
 * larger: the whole run unless the run is chaotic. torch and the lab differ by such roundings
 * (autograd against analytic gradients; Adam's bias corrections from beta**t against a running
 * product), so torch is held to the tolerance over this horizon, and beyond it only to the same
 * shape (keys, lengths, divergence).
 */
async function horizons(preset: Record<string, unknown>, tolerance: number): Promise<number[]> {
  const scene = sceneFromPreset(preset);
  const exact = (await objectiveOf(scene.fn)) ?? builtinObjective(scene.fn, scene.noise.seed);
  const rounded: Objective = {
    f: (x, y) => exact.f(x, y),
    grad(x, y, out, step) {
      exact.grad(x, y, out, step);
      out[0] = out[0]! * (1 + 2 ** -52);
      out[1] = out[1]! * (1 + 2 ** -52);
    },
  };
  const a = simulate(scene, exact).runs;
  const b = simulate(scene, rounded).runs;
  const c = simulate(sceneFromPreset(roundedRates(preset)), exact).runs;
  return a.map((run, r) =>
    Math.min(agreeFor(run, b[r]!, tolerance), agreeFor(run, c[r]!, tolerance)),
  );
}

function agreeFor(a: Run, b: Run, tolerance: number): number {
  const n = Math.min(a.x.length, b.x.length);
  const rel = (u: number, v: number) => Math.abs(u - v) / Math.max(1, Math.abs(v));
  for (let k = 0; k < n; k++) {
    if (Math.max(rel(b.x[k]!, a.x[k]!), rel(b.y[k]!, a.y[k]!), rel(b.f[k]!, a.f[k]!)) > tolerance)
      return k;
  }
  return n;
}

/** Worst differences of one case, by the reference's comparison rule, over each run's horizon. */
function compare(torchText: string, labText: string, tolerance: number, horizon: number[]) {
  expect(shape(torchText)).toBe(shape(labText));
  const torch = (JSON.parse(torchText) as { runs: RunJson[] }).runs;
  const lab = (JSON.parse(labText) as { runs: RunJson[] }).runs;
  expect(torch.map((r) => [r.label, r.type, r.diverged_at, r.points.length, r.lrs.length])).toEqual(
    lab.map((r) => [r.label, r.type, r.diverged_at, r.points.length, r.lrs.length]),
  );
  let points = 0;
  let lrs = 0;
  let exactLrs = 0;
  let allLrs = 0;
  lab.forEach((run, r) => {
    const t = torch[r]!;
    const h = horizon[r]!;
    run.points.slice(0, h).forEach((row, k) =>
      row.forEach((e, j) => {
        points = Math.max(points, Math.abs(t.points[k]![j]! - e) / Math.max(1, Math.abs(e)));
      }),
    );
    run.test_f?.slice(0, h).forEach((e, k) => {
      points = Math.max(points, Math.abs(t.test_f![k]! - e) / Math.max(1, Math.abs(e)));
    });
    const top = Math.max(0, ...run.lrs.map(Math.abs));
    run.lrs.forEach((e, k) => {
      lrs = Math.max(lrs, Math.abs(t.lrs[k]! - e) / Math.max(Math.abs(e), top));
      if (Object.is(t.lrs[k], e)) exactLrs++;
      allLrs++;
    });
  });
  expect(points, `points differ by ${points} (tolerance ${tolerance})`).toBeLessThanOrEqual(
    tolerance,
  );
  expect(lrs, `rates differ by ${lrs} (tolerance ${tolerance})`).toBeLessThanOrEqual(tolerance);
  return { points, lrs, exactLrs, allLrs };
}

/** Cases whose runs the lab itself reproduces only for a number of points (chaotic). */
const chaotic: string[] = [];

/** What the test measured, by scene kind, printed at the end (the README quotes it). */
const worst = new Map<
  string,
  { points: number; lrs: number; cases: number; exact: number; rates: number }
>();

const kindOf = (preset: Record<string, unknown>): string[] => {
  const fn = (preset['fn'] as { id: string }).id;
  const kinds = [
    fn === 'custom'
      ? 'typed'
      : fn === 'linear_regression' || fn === 'sparse_logistic'
        ? 'data'
        : 'formula',
  ];
  const noise = preset['noise'] as { sigma?: number } | undefined;
  if ((noise?.sigma ?? 0) > 0) kinds.push('noise');
  const optimizers = preset['optimizers'] as { phases?: unknown; schedule?: unknown }[];
  if (optimizers.some((o) => o.phases)) kinds.push('phases');
  if (optimizers.some((o) => o.schedule)) kinds.push('schedule');
  return kinds;
};

describe('descent-lab export-torch, run by PyTorch', () => {
  beforeAll(async () => {
    requireTorch();
    mkdirSync(dir, { recursive: true });
    for (const [i, c] of cases.entries()) {
      const f = files(i);
      writeFileSync(f.preset, JSON.stringify(c.preset));
      const script = await cli(['export-torch', f.preset]);
      expect(script.stderr).toBe('');
      expect(script.status).toBe(0);
      writeFileSync(f.script, script.stdout);
      const lab = await cli(['run', f.preset, '--format', 'json']);
      expect(lab.status).toBe(0);
      writeFileSync(f.lab, lab.stdout);
    }
    const pairs = cases.flatMap((_, i) => [files(i).script, files(i).torch]);
    const r = spawnSync(PYTHON, [runner, ...pairs], { encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) throw new Error(`runner.py failed: ${r.stderr || String(r.error)}`);
  }, 600_000);

  afterAll(() => {
    const lines = [...worst].map(
      ([kind, w]) =>
        `${kind.padEnd(9)} ${String(w.cases).padStart(3)} cases  points ${w.points.toExponential(1)}  ` +
        `rates ${w.lrs.toExponential(1)} (${w.exact} of ${w.rates} the same double)`,
    );
    console.log(
      `PyTorch export, largest relative difference from the lab by kind:\n${lines.join('\n')}\n` +
        `chaotic (points compared / points, per run):\n${chaotic.join('\n')}`,
    );
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const f = files(i);
    if (existsSync(`${f.torch}.err`)) throw new Error(readFileSync(`${f.torch}.err`, 'utf8'));
    const c = cases[i]!;
    const h = await horizons(c.preset, c.tolerance);
    const labText = readFileSync(f.lab, 'utf8');
    const measured = compare(readFileSync(f.torch, 'utf8'), labText, c.tolerance, h);
    const lengths = (JSON.parse(labText) as { runs: RunJson[] }).runs.map((r) => r.points.length);
    if (h.some((n, r) => n < lengths[r]!)) {
      chaotic.push(`${c.name}: ${h.map((n, r) => `${n}/${lengths[r]}`).join(', ')}`);
    }
    for (const kind of kindOf(c.preset)) {
      const w = worst.get(kind) ?? { points: 0, lrs: 0, cases: 0, exact: 0, rates: 0 };
      worst.set(kind, {
        points: Math.max(w.points, measured.points),
        lrs: Math.max(w.lrs, measured.lrs),
        cases: w.cases + 1,
        exact: w.exact + measured.exactLrs,
        rates: w.rates + measured.allLrs,
      });
    }
  });

  // The scripts a user gets run by themselves: the same text as in the shared process.
  it.each(['gallery noise-saddle', 'gallery data-adagrad-sparse', 'gallery kink-schedule'])(
    '%s runs as its own python3 process with the same output',
    (name) => {
      const i = cases.findIndex((c) => c.name === name);
      expect(i).toBeGreaterThanOrEqual(0);
      const f = files(i);
      const r = spawnSync(PYTHON, [f.script, '--json'], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(f.torch, 'utf8'));
    },
  );

  it('without --json and without matplotlib prints a table and says matplotlib is missing', () => {
    // A matplotlib that cannot be imported, ahead of any installed one.
    const blocked = join(dir, 'no-matplotlib');
    mkdirSync(join(blocked, 'matplotlib'), { recursive: true });
    writeFileSync(join(blocked, 'matplotlib', '__init__.py'), "raise ImportError('blocked')\n");
    const i = cases.findIndex((c) => c.name === 'gallery lion-adam');
    const r = spawnSync(PYTHON, [files(i).script], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: blocked },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^run\s+type\s+steps\s+x\s+y\s+f\s+diverged at\n/);
    const labels = sceneFromPreset(cases[i]!.preset).optimizers.map((o) => o.label);
    for (const label of labels) expect(r.stdout).toContain(label);
    expect(r.stdout).toMatch(/matplotlib is not installed.*pip install matplotlib/);
  });

  it('refuses unknown arguments of the script', () => {
    const r = spawnSync(PYTHON, [files(0).script, '--csv'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^usage: python3 \S+ \[--json\]\n$/);
  });
});
