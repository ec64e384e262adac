import { userModels } from './data/userModel.ts';
import { dataModels, functions } from './functions/index.ts';
import { optimizers, type Optimizer } from './optimizers/index.ts';
import type { Objective, XY } from './types.ts';

/**
 * The hot loop of every run: steps k = from…end − 1 from the point p, each point's x, y, f into
 * `cols` at k + 1, n + k + 1 and 2n + k + 1 (the three columns of n points, one after another). g is the gradient's buffer, and holds step `from`'s gradient at p when the loop is
 * called (the caller takes it: see below). Step k runs at the rate `rates[k]`, or at `rate` when
 * `rates` is null (a constant schedule: a local then, not a column read on every step). Returns
 * `end` with p moved to the last point, or ~k when the point of step k was not finite (the loop
 * stops before writing it). Nothing allocated, one finiteness test a step.
 *
 * The point lives in locals from one step to the next, so V8 keeps it in registers. The steps run
 * in blocks of 256 for V8's on-stack replacement: a loop compiled while it runs (a long first
 * run) takes its locals as untyped values and boxes the point into a new heap number on every
 * step; V8 enters such code at the outer loop, and the inner loop's locals then start from
 * numbers read from p (and the gradient from g).
 *
 * The three columns are one typed array: V8 checks a typed array on every store (its map, its
 * buffer not detached, its length and data pointer), and checks one array once a step where three
 * arrays cost three times that. Lion's inner loop went from 190 to 177 instructions (126 by hand)
 * and the loop alone, against the hand loop, from 1.48–1.50× to 1.40–1.42× (3 processes each,
 * least of 5 side-by-side batches).
 *
 * Each step's gradient is taken right after f at the new point, in the step before it, where V8
 * can share what f and the gradient compute alike (Rosenbrock's y − x²): per step against a hand
 * loop, least of 4 interleaved batches, Lion 1.58 → 1.50, SGD with momentum 1.16 → 1.12, SGD
 * 0.99 → 0.96 (the sharing itself is not confirmed in the machine code). The first step's gradient
 * comes with g rather than from a call here: the loop calls `grad` at one place only, since two
 * calls of one large gradient compete for V8's inlining budget (Ackley with NAdam ran ≈ 10%
 * slower with a second call at the head of each block). Every step still takes one gradient, at
 * the same point, in the same order.
 */
export function stepLoop(
  objective: Objective,
  optimizer: Optimizer,
  p: Float64Array,
  g: XY,
  rates: Float64Array | null,
  rate: number,
  noise: Float64Array | null,
  sigma: number,
  cols: Float64Array,
  n: number,
  from: number,
  end: number,
): number {
  for (let k0 = from; k0 < end; k0 += 256) {
    // What the block steps with, converted once here: to V8 a parameter may be any value, and a
    // use inside the loop would check and unbox it on every step (k a tagged small integer, the
    // rate a heap number: ≈ 10 instructions a step). Here, not before the loop: a function's
    // first call runs before V8 records its type feedback, and code compiled from no feedback
    // deoptimizes when it runs.
    const first = k0 | 0;
    const stop = Math.min(end, k0 + 256) | 0;
    const last = (end - 1) | 0;
    const s = +sigma;
    // Where y and f of step k's point go: y at n + k + 1, f at 2n + k + 1.
    const atY = (n + 1) | 0;
    const atF = (2 * n + 1) | 0;
    let lr = +rate;
    let x = p[0]!;
    let y = p[1]!;
    let gx = g[0]!;
    let gy = g[1]!;
    for (let k = first; k < stop; k++) {
      if (noise !== null) {
        gx += s * noise[2 * k]!;
        gy += s * noise[2 * k + 1]!;
      }
      if (rates !== null) lr = rates[k]!;
      optimizer.begin(lr);
      x = optimizer.update(0, x, gx, lr);
      y = optimizer.update(1, y, gy, lr);
      const f = objective.f(x, y);
      if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return ~k;
      cols[k + 1] = x;
      cols[atY + k] = y;
      cols[atF + k] = f;
      if (k < last) {
        objective.grad(x, y, g, k + 1);
        gx = g[0]!;
        gy = g[1]!;
      }
    }
    p[0] = x;
    p[1] = y;
  }
  return end;
}

/** The loop's signature. */
export type StepLoop = typeof stepLoop;

/**
 * The source of the copy of `stepLoop` for one optimizer type on one function: the loop's own text,
 * renamed for the pair (`stepLoop_adam_rosenbrock`, so that `--trace-opt`, `--trace-deopt` and
 * profiles tell the copies apart) and named by a `sourceURL` comment of its own. Distinct text matters: V8 caches compiled code by
 * source, and from the second `new Function` of one text on, it hands back the same function data,
 * feedback included — the copies would then share one set of call sites after all.
 */
export const copySource = (type: string, fn: string): string =>
  `return ${stepLoop.toString().replace('function stepLoop(', `function stepLoop_${type}_${fn.replace(/\W/g, '_')}(`)}\n//# sourceURL=stepLoop.${type}.${fn}.js`;

/**
 * One copy of `stepLoop` per optimizer type and function (`custom` for every typed one), each
 * compiled from the loop's own source text so it gets type feedback of its own; null where this
 * host may not compile code. V8 keeps feedback per function: one loop shared by every type sees
 * every optimizer's `begin` and `update` (and every function's `grad` and `f`) at one call site,
 * which goes megamorphic once a process has run five kinds, and then nothing is inlined into it.
 * A copy is a few hundred bytes until it runs. The page's policy has no 'unsafe-eval'
 * (csp.config.ts), so the page keeps the shared loop; workers and Node compile. The text is this
 * module's own function (it reads only its arguments, `Number` and `Math`) and names from the
 * optimizer and function tables, never input.
 */
function copiesOfLoop(
  types: readonly string[],
  fns: readonly string[],
): Map<string, StepLoop> | null {
  if ('document' in globalThis) return null;
  const keys = types.flatMap((type) => fns.map((fn) => [type, fn] as const));
  try {
    return new Map(
      keys.map(([type, fn]) => [`${type}.${fn}`, new Function(copySource(type, fn))() as StepLoop]),
    );
  } catch {
    // A worker whose policy forbids eval: the first attempt throws, and the shared loop serves.
    return null;
  }
}

/** The loop of each optimizer type and function, made once when this module loads. */
const loops: ReadonlyMap<string, StepLoop> =
  copiesOfLoop(
    optimizers.map((o) => o.type),
    [...functions, ...dataModels, ...userModels].map((f) => f.id).concat('custom'),
  ) ?? new Map();

/**
 * The loop for an optimizer type on a function (a built-in's id, or `custom`): its own copy where
 * the host allows, else the shared one.
 */
export const loopOf = (type: string, fn: string): StepLoop =>
  loops.get(`${type}.${fn}`) ?? stepLoop;
