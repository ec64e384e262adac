/**
 * Tight hand-written loops of each optimizer's rule on Rosenbrock (a = 1, b = 100), the yardstick of
 * bench/engine.bench.ts and bench/sweep.bench.ts: locals only, the gradient written out, each rule
 * with the engine's defaults in the engine's order of operations, so a loop and the engine give the
 * same bits. Each loop writes x, y, f of every point like the engine, and reads its rate into a
 * number once (`+rate`), as the engine's loop does: V8 checks and unboxes a parameter at every use
 * inside a loop.
 */
import { pow } from '../src/engine/math/index.ts';

/**
 * Runs `steps` steps at rate `lr` from (xs[0], ys[0]) into xs, ys, fs; returns the index of the
 * last finite point (`steps`, or fewer when the run diverged).
 */
export type HandLoop = (
  lr: number,
  steps: number,
  xs: Float64Array,
  ys: Float64Array,
  fs: Float64Array,
) => number;

/** Where bench/engine.bench.ts starts every run. */
export const START: readonly [number, number] = [-1.5, 2];

/**
 * Brings a hand loop to its steady code before it is timed: 2,000 runs of 64 steps at rate `lr`.
 * Without this the yardstick ran at one of two speeds from one process to the next (RAdam 2.4 ms
 * or 7.5–19.6 ms, RMSprop 2.0 or 4.3 ms for 100,000 steps; `--trace-opt --trace-deopt --trace-osr`).
 * A loop whose first call is a long run is compiled while it runs (on-stack replacement), then as
 * a whole function from feedback that V8 only starts recording after a function's first calls;
 * that code can hit a read with no feedback and be dropped, and from then on every call enters the
 * cached on-stack code, whose locals are boxed heap numbers, and V8 never compiles the function
 * again. Short runs first give a whole-function compile with full feedback and no on-stack code.
 */
export function warmUp(loop: HandLoop, lr: number): void {
  const n = 64;
  const [xs, ys, fs] = [new Float64Array(n + 1), new Float64Array(n + 1), new Float64Array(n + 1)];
  for (let i = 0; i < 2000; i++) {
    xs[0] = START[0];
    ys[0] = START[1];
    loop(lr, n, xs, ys, fs);
  }
}

const rosen = (x: number, y: number): number => {
  const u = 1 - x;
  const v = y - x * x;
  return u * u + 100 * v * v;
};

/** 1e-300: a running power β^t below it is set to 0, as the engine does (denormals are slow). */
const TINY = 1e-300;

export const handSgd: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  let x = xs[0]!;
  let y = ys[0]!;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    x = x - lr * gx;
    y = y - lr * gy;
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

export const handMomentum: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const mu = 0.9;
  let x = xs[0]!;
  let y = ys[0]!;
  let bx = 0;
  let by = 0;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    bx = k === 1 ? gx : bx * mu + gx;
    by = k === 1 ? gy : by * mu + gy;
    x = x - lr * bx;
    y = y - lr * by;
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

/** Adam (β = 0.9, 0.999, ε = 1e-8); `wd` > 0 gives AdamW's decoupled decay. */
const adamLoop =
  (wd: number): HandLoop =>
  (rate, steps, xs, ys, fs) => {
    const lr = +rate;
    const b1 = 0.9;
    const b2 = 0.999;
    const eps = 1e-8;
    let x = xs[0]!;
    let y = ys[0]!;
    let mx = 0;
    let my = 0;
    let vx = 0;
    let vy = 0;
    let b1t = 1;
    let b2t = 1;
    fs[0] = rosen(x, y);
    for (let k = 1; k <= steps; k++) {
      const v = y - x * x;
      const gx = -2 * (1 - x) - 400 * x * v;
      const gy = 200 * v;
      b1t *= b1;
      if (b1t < TINY) b1t = 0;
      b2t *= b2;
      if (b2t < TINY) b2t = 0;
      const stepSize = lr / (1 - b1t);
      const bc2 = Math.sqrt(1 - b2t);
      const shrink = 1 - lr * wd;
      if (wd !== 0) {
        x = x * shrink;
        y = y * shrink;
      }
      mx = mx * b1 + (1 - b1) * gx;
      my = my * b1 + (1 - b1) * gy;
      vx = vx * b2 + (1 - b2) * gx * gx;
      vy = vy * b2 + (1 - b2) * gy * gy;
      x = x - stepSize * (mx / (Math.sqrt(vx) / bc2 + eps));
      y = y - stepSize * (my / (Math.sqrt(vy) / bc2 + eps));
      const f = rosen(x, y);
      if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
      xs[k] = x;
      ys[k] = y;
      fs[k] = f;
    }
    return steps;
  };

export const handAdam = adamLoop(0);
export const handAdamW = adamLoop(1e-2);

export const handRmsprop: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const alpha = 0.99;
  const eps = 1e-8;
  let x = xs[0]!;
  let y = ys[0]!;
  let sx = 0;
  let sy = 0;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    sx = sx * alpha + (1 - alpha) * gx * gx;
    sy = sy * alpha + (1 - alpha) * gy * gy;
    x = x - lr * (gx / (Math.sqrt(sx) + eps));
    y = y - lr * (gy / (Math.sqrt(sy) + eps));
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

export const handAdagrad: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const eps = 1e-10;
  let x = xs[0]!;
  let y = ys[0]!;
  let sx = 0;
  let sy = 0;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    // lr_decay = 0: the rate of step k is lr / (1 + (k − 1)·0) = lr.
    sx = sx + gx * gx;
    sy = sy + gy * gy;
    x = x - lr * (gx / (Math.sqrt(sx) + eps));
    y = y - lr * (gy / (Math.sqrt(sy) + eps));
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

export const handAdadelta: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const rho = 0.9;
  const eps = 1e-6;
  let x = xs[0]!;
  let y = ys[0]!;
  let sx = 0;
  let sy = 0;
  let ax = 0;
  let ay = 0;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    sx = sx * rho + (1 - rho) * gx * gx;
    sy = sy * rho + (1 - rho) * gy * gy;
    const dx = (Math.sqrt(ax + eps) / Math.sqrt(sx + eps)) * gx;
    const dy = (Math.sqrt(ay + eps) / Math.sqrt(sy + eps)) * gy;
    ax = ax * rho + (1 - rho) * dx * dx;
    ay = ay * rho + (1 - rho) * dy * dy;
    x = x - lr * dx;
    y = y - lr * dy;
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

export const handAdamax: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  let x = xs[0]!;
  let y = ys[0]!;
  let mx = 0;
  let my = 0;
  let ux = 0;
  let uy = 0;
  let b1t = 1;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    b1t *= b1;
    if (b1t < TINY) b1t = 0;
    const clr = lr / (1 - b1t);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    ux = Math.max(ux * b2, Math.abs(gx) + eps);
    uy = Math.max(uy * b2, Math.abs(gy) + eps);
    x = x - clr * (mx / ux);
    y = y - clr * (my / uy);
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

export const handNadam: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const psi = 4e-3;
  let x = xs[0]!;
  let y = ys[0]!;
  let mx = 0;
  let my = 0;
  let vx = 0;
  let vy = 0;
  let b2t = 1;
  let muProduct = 1;
  let muNext = b1 * (1 - 0.5 * pow(0.96, psi));
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    b2t *= b2;
    if (b2t < TINY) b2t = 0;
    const bc2 = 1 - b2t;
    const mu = muNext;
    muNext = b1 * (1 - 0.5 * pow(0.96, (k + 1) * psi));
    muProduct *= mu;
    const gradCoef = (-lr * (1 - mu)) / (1 - muProduct);
    const momentumCoef = (-lr * muNext) / (1 - muProduct * muNext);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    const dx = Math.sqrt(vx / bc2) + eps;
    const dy = Math.sqrt(vy / bc2) + eps;
    x = x + gradCoef * (gx / dx) + momentumCoef * (mx / dx);
    y = y + gradCoef * (gy / dy) + momentumCoef * (my / dy);
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

export const handRadam: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const rhoInf = 2 / (1 - b2) - 1;
  let x = xs[0]!;
  let y = ys[0]!;
  let mx = 0;
  let my = 0;
  let vx = 0;
  let vy = 0;
  let b1t = 1;
  let b2t = 1;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    b1t *= b1;
    if (b1t < TINY) b1t = 0;
    b2t *= b2;
    if (b2t < TINY) b2t = 0;
    const bc1 = 1 - b1t;
    const bc2 = 1 - b2t;
    const rhoT = rhoInf - (2 * k * b2t) / (1 - b2t);
    const rect =
      rhoT > 5
        ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
        : 0;
    const bc2Sqrt = Math.sqrt(bc2);
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    if (rect > 0) {
      x = x - (mx / bc1) * lr * (bc2Sqrt / (Math.sqrt(vx) + eps)) * rect;
      y = y - (my / bc1) * lr * (bc2Sqrt / (Math.sqrt(vy) + eps)) * rect;
    } else {
      x = x - (mx / bc1) * lr;
      y = y - (my / bc1) * lr;
    }
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};

export const handLion: HandLoop = (rate, steps, xs, ys, fs) => {
  const lr = +rate;
  const b1 = 0.9;
  const b2 = 0.99;
  let x = xs[0]!;
  let y = ys[0]!;
  let mx = 0;
  let my = 0;
  fs[0] = rosen(x, y);
  for (let k = 1; k <= steps; k++) {
    const v = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * v;
    const gy = 200 * v;
    // weight_decay = 0: the shrink factor 1 − lr·0 is exactly 1.
    x = x - lr * Math.sign(mx * b1 + gx * (1 - b1));
    y = y - lr * Math.sign(my * b1 + gy * (1 - b1));
    mx = mx * b2 + gx * (1 - b2);
    my = my * b2 + gy * (1 - b2);
    const f = rosen(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return k - 1;
    xs[k] = x;
    ys[k] = y;
    fs[k] = f;
  }
  return steps;
};
