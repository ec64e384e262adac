/**
 * Engine speed against minimal hand-written loops of the same update rules (`npm run bench`).
 * Each round times the engine's `simulate` and the hand loop side by side, alternating which goes
 * first, so machine noise hits both; the figure that counts is the median of per-round ratios.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simulate, type Scene } from '../src/engine/index.ts';
import { sceneFromPreset } from '../src/preset/index.ts';
import { callRatios, runRatios } from './mathCost.ts';

const STEPS = 100_000;
const ROUNDS = 15;
const START: [number, number] = [-1.5, 2];

/** A hand loop: writes x, y, f of every point like the engine does, and returns the last f. */
type HandLoop = (steps: number, x: Float64Array, y: Float64Array, f: Float64Array) => number;

const rosen = (x: number, y: number): number => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

const handSgd =
  (lr: number, momentum: number): HandLoop =>
  (steps, xs, ys, fs) => {
    let x = START[0];
    let y = START[1];
    let bx = 0;
    let by = 0;
    xs[0] = x;
    ys[0] = y;
    fs[0] = rosen(x, y);
    for (let k = 1; k <= steps; k++) {
      const v = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * v;
      const gy = 200 * v;
      if (momentum !== 0) {
        bx = k === 1 ? gx : bx * momentum + gx;
        by = k === 1 ? gy : by * momentum + gy;
        x -= lr * bx;
        y -= lr * by;
      } else {
        x -= lr * gx;
        y -= lr * gy;
      }
      const fv = rosen(x, y);
      if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(fv))) return fv;
      xs[k] = x;
      ys[k] = y;
      fs[k] = fv;
    }
    return fs[steps]!;
  };

const handAdam =
  (lr: number, b1: number, b2: number, eps: number): HandLoop =>
  (steps, xs, ys, fs) => {
    let x = START[0];
    let y = START[1];
    let mx = 0,
      my = 0,
      vx = 0,
      vy = 0;
    let b1t = 1;
    let b2t = 1;
    xs[0] = x;
    ys[0] = y;
    fs[0] = rosen(x, y);
    for (let k = 1; k <= steps; k++) {
      const v = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * v;
      const gy = 200 * v;
      b1t *= b1;
      b2t *= b2;
      if (b1t < 1e-300) b1t = 0;
      if (b2t < 1e-300) b2t = 0;
      const stepSize = lr / (1 - b1t);
      const bc2 = Math.sqrt(1 - b2t);
      mx = mx * b1 + (1 - b1) * gx;
      my = my * b1 + (1 - b1) * gy;
      vx = vx * b2 + (1 - b2) * gx * gx;
      vy = vy * b2 + (1 - b2) * gy * gy;
      x -= stepSize * (mx / (Math.sqrt(vx) / bc2 + eps));
      y -= stepSize * (my / (Math.sqrt(vy) / bc2 + eps));
      const fv = rosen(x, y);
      if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(fv))) return fv;
      xs[k] = x;
      ys[k] = y;
      fs[k] = fv;
    }
    return fs[steps]!;
  };

interface Case {
  name: string;
  target: number;
  optimizer: Record<string, unknown>;
  hand: HandLoop;
}

const cases: Case[] = [
  {
    name: 'Adam',
    target: 1.5,
    optimizer: { type: 'adam', lr: 1e-3 },
    hand: handAdam(1e-3, 0.9, 0.999, 1e-8),
  },
  {
    name: 'SGD + momentum',
    target: 2.5,
    optimizer: { type: 'sgd', lr: 1e-4, momentum: 0.9 },
    hand: handSgd(1e-4, 0.9),
  },
  { name: 'SGD', target: 2.5, optimizer: { type: 'sgd', lr: 1e-4 }, hand: handSgd(1e-4, 0) },
];

const sceneFor = (optimizer: Record<string, unknown>): Scene =>
  sceneFromPreset({
    v: 1,
    fn: { id: 'rosenbrock' },
    start: START,
    steps: STEPS,
    optimizers: [optimizer],
  });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

function time(fn: () => number): { ms: number; sink: number } {
  const t0 = performance.now();
  const sink = fn();
  return { ms: performance.now() - t0, sink };
}

function measure(c: Case): { engine: number; hand: number; ratio: number } {
  const scene = sceneFor(c.optimizer);
  const n = STEPS + 1;
  const engineRun = (): number => {
    const { runs } = simulate(scene);
    return runs[0]!.f[runs[0]!.f.length - 1]!;
  };
  const handRun = (): number =>
    c.hand(STEPS, new Float64Array(n), new Float64Array(n), new Float64Array(n));
  // Both must compute the same trajectory, or the comparison means nothing.
  const a = engineRun();
  const b = handRun();
  if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b)))
    throw new Error(`${c.name}: engine f=${a}, hand loop f=${b}`);
  for (let i = 0; i < 3; i++) {
    engineRun();
    handRun();
  }
  const engine: number[] = [];
  const hand: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const [first, second] = r % 2 ? [engineRun, handRun] : [handRun, engineRun];
    const t1 = time(first).ms;
    const t2 = time(second).ms;
    const [te, th] = r % 2 ? [t1, t2] : [t2, t1];
    engine.push(te);
    hand.push(th);
    ratios.push(te / th);
  }
  return { engine: median(engine), hand: median(hand), ratio: median(ratios) };
}

/** One process's figures for every case, and the portable functions' cost (bench/mathCost.ts). */
type Figures = {
  cases: { name: string; engine: number; hand: number; ratio: number }[];
  runs: Record<string, number>;
  calls: Record<string, number>;
};

/** Steps of the Rastrigin and Ackley runs: the size the page computes itself during a drag. */
const MATH_STEPS = 12_000;

const PROCESSES = 9;

if (process.argv.includes('--child')) {
  const figures: Figures = {
    cases: cases.map((c) => ({ name: c.name, ...measure(c) })),
    runs: runRatios(MATH_STEPS, ROUNDS),
    calls: callRatios(ROUNDS),
  };
  process.stdout.write(JSON.stringify(figures));
} else {
  // V8 compiles each process's loops a little differently (code placement shifts a loop's speed
  // by up to 1.5× here), so every figure is the median over several fresh processes.
  const runs: Figures[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child'],
      {
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(`bench process failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout));
  }
  const nsPerStep = (ms: number): string => ((ms * 1e6) / STEPS).toFixed(1).padStart(6);
  console.log(
    `engine (simulate) vs hand-written loop of the same rule, Rosenbrock, ${STEPS} steps;\n` +
      `in each of ${PROCESSES} processes the median of ${ROUNDS} side-by-side rounds, then the median over processes`,
  );
  console.log(
    'optimizer        engine ns/step  loop ns/step  ratio  per process               target',
  );
  let missed = 0;
  cases.forEach((c, i) => {
    const mine = runs.map((r) => r.cases[i]!);
    const ratio = median(mine.map((f) => f.ratio));
    const ok = ratio <= c.target;
    if (!ok) missed++;
    const each = mine.map((f) => f.ratio.toFixed(2)).join(' ');
    console.log(
      `${c.name.padEnd(16)} ${nsPerStep(median(mine.map((f) => f.engine)))}          ` +
        `${nsPerStep(median(mine.map((f) => f.hand)))}  ${ratio.toFixed(2)}×  ${each.padEnd(24)}  ≤ ${c.target}× ${ok ? 'met' : 'MISSED'}`,
    );
  });
  console.log(missed ? `${missed} target(s) missed` : 'all targets met');
  const row = (name: string, each: number[]) =>
    `${name.padEnd(18)} ${median(each).toFixed(2)}×  worst ${Math.max(...each).toFixed(2)}×  ` +
    each.map((v) => v.toFixed(2)).join(' ');
  console.log(
    `\nportable functions (src/engine/math) vs Math.*: time ratio, median and worst of ${PROCESSES} processes`,
  );
  console.log(`whole runs, Adam, ${MATH_STEPS} steps (built-in vs the same formula with Math.*):`);
  for (const name of Object.keys(runs[0]!.runs))
    console.log(
      row(
        name,
        runs.map((r) => r.runs[name]!),
      ),
    );
  console.log('per call (200,000 inputs):');
  for (const name of Object.keys(runs[0]!.calls))
    console.log(
      row(
        name,
        runs.map((r) => r.calls[name]!),
      ),
    );
}
