/**
 * What the portable functions (src/engine/math) cost against the engine's own Math.*, measured
 * side by side in one process: whole runs on Rastrigin and Ackley (the built-ins, which use the
 * ports, against the same formulas written with Math.*), and per-call times of each function.
 */
import * as portable from '../src/engine/math/index.ts';
import { simulate, type Objective } from '../src/engine/index.ts';
import { sceneFromPreset } from '../src/preset/index.ts';

const TAU = 2 * Math.PI;

/** The built-ins' formulas with Math.* (what the engine computed before the ports). */
const withMath: Record<string, Objective> = {
  rastrigin: {
    f: (x, y) => 20 + x * x - 10 * Math.cos(TAU * x) + y * y - 10 * Math.cos(TAU * y),
    grad(x, y, out) {
      out[0] = 2 * x + TAU * 10 * Math.sin(TAU * x);
      out[1] = 2 * y + TAU * 10 * Math.sin(TAU * y);
    },
  },
  ackley: {
    f(x, y) {
      const r = Math.sqrt(0.5 * (x * x + y * y));
      const c = 0.5 * (Math.cos(TAU * x) + Math.cos(TAU * y));
      return -20 * Math.exp(-0.2 * r) - Math.exp(c) + Math.E + 20;
    },
    grad(x, y, out) {
      const r = Math.sqrt(0.5 * (x * x + y * y));
      const k = r === 0 ? 0 : (2 * Math.exp(-0.2 * r)) / r;
      const e = Math.PI * Math.exp(0.5 * (Math.cos(TAU * x) + Math.cos(TAU * y)));
      out[0] = k * x + e * Math.sin(TAU * x);
      out[1] = k * y + e * Math.sin(TAU * y);
    },
  },
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const time = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/** Median over rounds of time(ours) / time(theirs), alternating which goes first. */
function sideBySide(ours: () => unknown, theirs: () => unknown, rounds: number): number {
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const [first, second] = r % 2 ? [theirs, ours] : [ours, theirs];
    const t1 = time(first);
    const t2 = time(second);
    ratios.push(r % 2 ? t2 / t1 : t1 / t2);
  }
  return median(ratios);
}

/** Median over rounds of (portable run time) / (Math.* run time), Adam, `steps` steps. */
export function runRatios(steps: number, rounds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of Object.keys(withMath)) {
    const scene = sceneFromPreset({
      v: 1,
      fn: { id },
      steps,
      optimizers: [{ type: 'adam', lr: 0.01 }],
    });
    const ours = () => simulate(scene);
    const theirs = () => simulate(scene, withMath[id]);
    for (let i = 0; i < 3; i++) {
      ours();
      theirs();
    }
    out[id] = sideBySide(ours, theirs, rounds);
  }
  return out;
}

type Pair = [(v: number) => number, (v: number) => number, () => number];
const rand = (lo: number, hi: number) => () => lo + Math.random() * (hi - lo);
const pairs: Record<string, Pair> = {
  sin: [portable.sin, Math.sin, rand(-10, 10)],
  cos: [portable.cos, Math.cos, rand(-10, 10)],
  'sin (|x| ≈ 1e6)': [portable.sin, Math.sin, rand(-1e6, 1e6)],
  tan: [portable.tan, Math.tan, rand(-10, 10)],
  exp: [portable.exp, Math.exp, rand(-20, 20)],
  log: [portable.ln, Math.log, rand(0, 100)],
  tanh: [portable.tanh, Math.tanh, rand(-5, 5)],
  atan: [portable.atan, Math.atan, rand(-10, 10)],
  'pow(x, 1.5)': [(v) => portable.pow(v, 1.5), (v) => Math.pow(v, 1.5), rand(0, 100)],
  'pow(0.96, t·ψ)': [(v) => portable.pow(0.96, v), (v) => Math.pow(0.96, v), rand(0, 400)],
};

/** Median over rounds of per-call time ratios, portable / Math.*, on 200,000 inputs each. */
export function callRatios(rounds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, [ours, theirs, draw]] of Object.entries(pairs)) {
    const xs = Float64Array.from({ length: 200_000 }, draw);
    let sink = 0;
    const loop = (f: (v: number) => number) => () => {
      for (let i = 0; i < xs.length; i++) sink += f(xs[i]!);
    };
    out[name] = sideBySide(loop(ours), loop(theirs), rounds);
    if (Number.isNaN(sink)) throw new Error('unreachable: keeps the loops alive');
  }
  return out;
}
