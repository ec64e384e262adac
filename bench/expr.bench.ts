/**
 * Typed functions against built-ins (`npm run bench`): the same trajectory on the Rosenbrock
 * expression and on built-in Rosenbrock, side by side in one process, alternating which goes
 * first; the figure that counts is the median of per-round ratios (target ≤ 1.2×). Also times the
 * compiler on a long expression, cold (first in a fresh process) and warm.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileExpression, instantiate } from '../src/engine/expr/index.ts';
import { simulate, type Objective } from '../src/engine/index.ts';
import { sceneFromPreset } from '../src/preset/index.ts';

const STEPS = 100_000;
const ROUNDS = 15;
const PROCESSES = 5;
const TARGET = 1.2;
const ROSENBROCK = '(1 - x)^2 + 100 * (y - x^2)^2';
/** A long expression (~400 characters) of the kinds people type. */
const LONG = Array.from(
  { length: 8 },
  (_, k) => `${k + 1} * sin(${k + 1}*x - y)^2 * exp(-(x^2 + y^2)/${k + 2}) + sqrt(1 + x^2)`,
).join(' + ');

/** A typed function that calls most of the portable functions (src/engine/math) on every step. */
const TRIG =
  'sin(3*x)*cos(2*y) + exp(-x^2/4) + log(1 + y^2) + tanh(x*y) + (x^2 + y^2 + 1)^1.5/10 + atan(x - y)';

const cases = [
  { name: 'sgd momentum', optimizer: { type: 'sgd', lr: 0.0001, momentum: 0.9 } },
  { name: 'adam', optimizer: { type: 'adam', lr: 0.001 } },
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

interface Figures {
  ratios: number[];
  builtin: number[];
  typed: number[];
  coldCompile: number;
  warmCompile: number;
  /** TRIG with the portable functions against the same generated code calling Math.*. */
  trigRatio: number;
}

/** The generated code of `text` as it was written before the ports: Math.* instead of M.*. */
function withMath(text: string): Objective {
  const source = compileExpression(text).source.replaceAll('M.', 'Math.');
  return new Function(source)() as Objective;
}

function child(): Figures {
  const coldCompile = time(() => compileExpression(LONG));
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push(time(() => compileExpression(LONG)));
  const objective: Objective = instantiate(compileExpression(ROSENBROCK).source);
  const figures: Figures = {
    ratios: [],
    builtin: [],
    typed: [],
    coldCompile,
    warmCompile: median(warm),
    trigRatio: 0,
  };
  for (const c of cases) {
    const scene = sceneFromPreset({
      v: 1,
      fn: { id: 'rosenbrock' },
      start: [-1.5, 2],
      steps: STEPS,
      optimizers: [c.optimizer],
    });
    const builtinRun = () => simulate(scene);
    const typedRun = () => simulate(scene, objective);
    // Both must compute the same trajectory, or the comparison means nothing.
    const a = builtinRun().runs[0]!;
    const b = typedRun().runs[0]!;
    const fa = a.f[a.f.length - 1]!;
    const fb = b.f[b.f.length - 1]!;
    if (Math.abs(fa - fb) > 1e-8 * Math.max(1, Math.abs(fa)))
      throw new Error(`${c.name}: built-in f=${fa}, typed f=${fb}`);
    const ratios: number[] = [];
    const builtin: number[] = [];
    const typed: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const first = r % 2 ? typedRun : builtinRun;
      const second = r % 2 ? builtinRun : typedRun;
      const t1 = time(first);
      const t2 = time(second);
      const [tb, tt] = r % 2 ? [t2, t1] : [t1, t2];
      builtin.push(tb);
      typed.push(tt);
      ratios.push(tt / tb);
    }
    figures.ratios.push(median(ratios));
    figures.builtin.push(median(builtin));
    figures.typed.push(median(typed));
  }
  const trigScene = sceneFromPreset({
    v: 1,
    fn: { id: 'custom', expr: TRIG },
    start: [-2, 2],
    steps: 20_000,
    optimizers: [{ type: 'adam', lr: 0.01 }],
  });
  const portable = instantiate(compileExpression(TRIG).source);
  const math = withMath(TRIG);
  const trig: number[] = [];
  for (let r = 0; r < ROUNDS + 3; r++) {
    const [first, second] = r % 2 ? [math, portable] : [portable, math];
    const t1 = time(() => simulate(trigScene, first));
    const t2 = time(() => simulate(trigScene, second));
    if (r >= 3) trig.push(r % 2 ? t2 / t1 : t1 / t2);
  }
  figures.trigRatio = median(trig);
  return figures;
}

if (process.argv.includes('--child')) {
  process.stdout.write(JSON.stringify(child()));
} else {
  const runs: Figures[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child'],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`bench process failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  const ns = (ms: number) => ((ms * 1e6) / STEPS).toFixed(1).padStart(6);
  console.log(
    `typed "${ROSENBROCK}" vs built-in Rosenbrock, ${STEPS} steps; in each of ${PROCESSES} processes\n` +
      `the median of ${ROUNDS} side-by-side rounds, then the median over processes`,
  );
  console.log(
    'optimizer       built-in ns/step  typed ns/step  ratio  per process                 target',
  );
  let missed = 0;
  cases.forEach((c, i) => {
    const ratio = median(runs.map((r) => r.ratios[i]!));
    const ok = ratio <= TARGET;
    if (!ok) missed++;
    const each = runs.map((r) => r.ratios[i]!.toFixed(2)).join(' ');
    console.log(
      `${c.name.padEnd(15)} ${ns(median(runs.map((r) => r.builtin[i]!)))}            ` +
        `${ns(median(runs.map((r) => r.typed[i]!)))}         ${ratio.toFixed(2)}×  ${each.padEnd(26)}  ≤ ${TARGET}× ${ok ? 'met' : 'MISSED'}`,
    );
  });
  const cold = median(runs.map((r) => r.coldCompile));
  const warm = median(runs.map((r) => r.warmCompile));
  console.log(
    `compile of a ${LONG.length}-character expression (parse, check, both derivatives, codegen): ` +
      `first in a process ${cold.toFixed(1)} ms, later ${warm.toFixed(2)} ms (medians over processes)`,
  );
  const trig = runs.map((r) => r.trigRatio);
  console.log(
    `typed "${TRIG}", Adam, 20,000 steps: portable functions vs the same code calling Math.*: ` +
      `${median(trig).toFixed(2)}× (worst ${Math.max(...trig).toFixed(2)}×; ${trig.map((v) => v.toFixed(2)).join(' ')})`,
  );
  console.log(missed ? `${missed} target(s) missed` : 'all targets met');
}
