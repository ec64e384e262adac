/**
 * The PyTorch export against the command line: every gallery scene and every case of the PyTorch
 * reference (tests/fixtures/reference) is exported with `descent-lab export-torch`, the script run
 * by real PyTorch with --json, and its output compared with `descent-lab run --format json`'s:
 * the same text once every number is masked (keys, order, layout), the same labels, types and
 * divergence steps, and every number within the case's tolerance. The scripts run in one Python
 * process (tests/fixtures/torch-export/runner.py: import torch once); a few also run alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectiveOf } from '../../src/cli/compiler.ts';
import { simulate, type Run } from '../../src/engine/index.ts';
import { NormalSource } from '../../src/engine/noise.ts';
import { builtinObjective } from '../../src/engine/objective.ts';
import type { Objective } from '../../src/engine/types.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { scenes as transcendental } from '../e2e/sameNumbers.ts';
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
 * Typed functions where torch's autograd would part from the lab's symbolic derivative: |x| at
 * x = 0 and x^y at x = 0 (mathjs's derivatives are not numbers there: the lab stops), 0^x and
 * (x − x)^y (folded to 0 by the lab, where autograd would give nan or 0).
 */
const singular = ['abs(x) + abs(y)', 'x^y + y^2', '0^x + y^2', '(x - x)^y + x^2'].map((expr) => ({
  name: `typed, singular at the start: ${expr}`,
  preset: {
    v: 1,
    fn: { id: 'custom', expr },
    start: [0, 2],
    steps: 50,
    optimizers: [
      { type: 'sgd', lr: 0.1 },
      { type: 'adam', lr: 0.1 },
    ],
  },
  tolerance: 1e-10,
}));

/** Scenes of a user's own rows (CSV): a line fit, and a logistic regression with noise on top. */
const rowsSource = new NormalSource(21);
const userData = [
  {
    name: 'user data: linear regression',
    preset: {
      v: 1,
      fn: {
        id: 'user_regression',
        params: { batch: 8 },
        rows: Array.from({ length: 40 }, () => {
          const a = 3 * rowsSource.nextUniform() - 1;
          return [a, 2 * a - 1 + 0.3 * rowsSource.nextNormal()];
        }),
      },
      steps: 200,
      optimizers: [
        { type: 'sgd', lr: 0.05, momentum: 0.9 },
        { type: 'adam', lr: 0.05 },
      ],
    },
    tolerance: 1e-10,
  },
  {
    name: 'user data: logistic regression with noise',
    preset: {
      v: 1,
      fn: {
        id: 'user_logistic',
        params: { batch: 6 },
        rows: Array.from({ length: 60 }, () => {
          const [a, b] = [rowsSource.nextNormal(), rowsSource.nextNormal()];
          return [a, b, a + 1.5 * b + 0.3 * rowsSource.nextNormal() > 0 ? 1 : 0];
        }),
      },
      steps: 200,
      noise: { sigma: 0.05, seed: 3 },
      optimizers: [
        { type: 'adagrad', lr: 0.5 },
        { type: 'lion', lr: 0.01 },
      ],
    },
    tolerance: 1e-10,
  },
];

/**
 * The reference's cases at their own tolerance (1e-10, 1e-9 for two); the gallery, the typed
 * scenes the Firefox test compares because transcendental functions drive them (trigonometry,
 * exp, log, tanh, real and large powers, sec … coth, arguments near 1e6), the singular typed
 * functions and a user's rows at 1e-10, up to where the lab itself is chaotic (see horizon below).
 */
const cases: readonly Case[] = [
  // A network scene has no PyTorch export (torchExportCli.test.ts); its own references are
  // tests/fixtures/torch-network's.
  ...gallery
    .filter((g) => !('network' in g.preset))
    .map((g) => ({
      name: `gallery ${g.id}`,
      preset: g.preset as Record<string, unknown>,
      tolerance: 1e-10,
    })),
  ...transcendental
    .filter((s) => s.name.startsWith('typed'))
    .map((s) => ({
      name: `transcendental ${s.name}`,
      preset: s.preset as Record<string, unknown>,
      tolerance: 1e-10,
    })),
  ...singular,
  ...userData,
  ...reference.cases.map((c) => ({
    name: `reference ${c.name}`,
    preset: c.preset,
    tolerance: c.tolerance,
  })),
];

/** Runs PYTHON with `args` to the end, without blocking the test process. */
function python(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(PYTHON, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

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
 * every gradient one rounding larger (×(1 + 2⁻⁵²)) and 1e-15 off (+ and − in turn: where the
 * gradient vanishes, at a minimum, a rounding is absolute), or every step with a rate one
 * rounding larger: the whole run unless the run is chaotic. torch and the lab differ by such
 * roundings (autograd against analytic gradients, glibc's sin and cos against fdlibm's, Adam's
 * bias corrections from beta**t against a running product), so torch is held to the tolerance
 * over this horizon, and beyond it only to the same shape (keys, lengths, divergence). The
 * reference's cases were made to pass a stronger test (1e-14 noise on every gradient).
 */
function horizon(preset: Record<string, unknown>, tolerance: number, run: number): number {
  const scene = sceneFromPreset(preset, { checkExpression: () => null });
  const exact = typedObjectives.get(preset) ?? builtinObjective(scene.fn, scene.noise.seed);
  const rounded: Objective = {
    f: (x, y) => exact.f(x, y),
    grad(x, y, out, step) {
      exact.grad(x, y, out, step);
      const off = (step ?? 0) % 2 ? 1e-15 : -1e-15;
      out[0] = out[0]! * (1 + 2 ** -52) + off;
      out[1] = out[1]! * (1 + 2 ** -52) - off;
    },
  };
  const a = simulate(scene, exact).runs[run]!;
  const b = simulate(scene, rounded).runs[run]!;
  const c = simulate(sceneFromPreset(roundedRates(preset), { checkExpression: () => null }), exact)
    .runs[run]!;
  return Math.min(agreeFor(a, b, tolerance), agreeFor(a, c, tolerance));
}

/** The compiled objective of each typed case's preset (filled before the comparisons). */
const typedObjectives = new Map<Record<string, unknown>, Objective>();

function agreeFor(a: Run, b: Run, tolerance: number): number {
  const n = Math.min(a.x.length, b.x.length);
  const rel = (u: number, v: number) => Math.abs(u - v) / Math.max(1, Math.abs(v));
  for (let k = 0; k < n; k++) {
    if (Math.max(rel(b.x[k]!, a.x[k]!), rel(b.y[k]!, a.y[k]!), rel(b.f[k]!, a.f[k]!)) > tolerance)
      return k;
  }
  return n;
}

/**
 * One case by the reference's comparison rule: the same shape, and every point within the
 * tolerance, up to where the lab itself is chaotic: a run may depart from the lab only at or after
 * its own horizon (see horizon). Returns the largest difference of the runs that do not depart.
 */
function compare(
  torchText: string,
  labText: string,
  tolerance: number,
  preset: Record<string, unknown>,
) {
  expect(shape(torchText)).toBe(shape(labText));
  const torch = (JSON.parse(torchText) as { runs: RunJson[] }).runs;
  const lab = (JSON.parse(labText) as { runs: RunJson[] }).runs;
  expect(torch.map((r) => [r.label, r.type, r.diverged_at, r.points.length, r.lrs.length])).toEqual(
    lab.map((r) => [r.label, r.type, r.diverged_at, r.points.length, r.lrs.length]),
  );
  const measured = { points: 0, lrs: 0, exactLrs: 0, allLrs: 0, departures: [] as string[] };
  lab.forEach((run, r) => {
    const t = torch[r]!;
    // The first point where torch departs from the lab by more than the tolerance, if any, and
    // the largest difference of a run that does not.
    let departs = -1;
    let largest = 0;
    run.points.forEach((row, k) => {
      const test = run.test_f ? [run.test_f[k]!] : [];
      const mine = [...t.points[k]!, ...(t.test_f ? [t.test_f[k]!] : [])];
      [...row, ...test].forEach((e, j) => {
        const d = Math.abs(mine[j]! - e) / Math.max(1, Math.abs(e));
        if (d > tolerance && departs < 0) departs = k;
        largest = Math.max(largest, d);
      });
    });
    if (departs < 0) measured.points = Math.max(measured.points, largest);
    if (departs >= 0) {
      // Only where the lab itself no longer reproduces its run to a hundredth of the tolerance.
      const h = horizon(preset, tolerance / 100, r);
      expect(
        departs,
        `run ${r} departs at point ${departs}, the lab is stable to ${h}`,
      ).toBeGreaterThanOrEqual(h);
      measured.departures.push(
        `run ${r}: from point ${departs} of ${run.points.length} (the lab's own horizon ${h})`,
      );
    }
    const top = Math.max(0, ...run.lrs.map(Math.abs));
    run.lrs.forEach((e, k) => {
      measured.lrs = Math.max(measured.lrs, Math.abs(t.lrs[k]! - e) / Math.max(Math.abs(e), top));
      if (Object.is(t.lrs[k], e)) measured.exactLrs++;
      measured.allLrs++;
    });
  });
  expect(measured.lrs, `rates differ by ${measured.lrs}`).toBeLessThanOrEqual(tolerance);
  return measured;
}

/** Runs that depart from the lab where the lab itself is chaotic, and where. */
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
      : ['linear_regression', 'sparse_logistic', 'user_regression', 'user_logistic'].includes(fn)
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
        `departures where the lab itself is chaotic:\n${chaotic.join('\n')}`,
    );
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const f = files(i);
    if (existsSync(`${f.torch}.err`)) throw new Error(readFileSync(`${f.torch}.err`, 'utf8'));
    const c = cases[i]!;
    const objective = await objectiveOf(
      sceneFromPreset(c.preset, { checkExpression: () => null }).fn,
    );
    if (objective) typedObjectives.set(c.preset, objective);
    const labText = readFileSync(f.lab, 'utf8');
    const measured = compare(readFileSync(f.torch, 'utf8'), labText, c.tolerance, c.preset);
    if (measured.departures.length) chaotic.push(`${c.name}: ${measured.departures.join('; ')}`);
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

  // The scripts a user gets run by themselves: the same text as in the shared process. Started
  // together, since importing torch takes seconds.
  it('a script runs as its own python3 process with the same output', async () => {
    const names = ['gallery noise-saddle', 'gallery data-adagrad-sparse', 'gallery kink-schedule'];
    const alone = await Promise.all(
      names.map((name) => {
        const i = cases.findIndex((c) => c.name === name);
        expect(i).toBeGreaterThanOrEqual(0);
        return python([files(i).script, '--json']).then((r) => ({
          ...r,
          expected: files(i).torch,
        }));
      }),
    );
    for (const r of alone) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(r.expected, 'utf8'));
    }
  });

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
