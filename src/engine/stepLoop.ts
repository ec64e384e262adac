import { optimizers, type Optimizer } from './optimizers/index.ts';
import type { Objective, XY } from './types.ts';

/**
 * The hot loop of every run: steps k = from…end − 1, each point into xs, ys, fs at k + 1. Returns
 * `end`, or ~k when the point of step k was not finite (the loop stops before writing it). Locals
 * only, nothing allocated, one finiteness test per step.
 */
export function stepLoop(
  objective: Objective,
  optimizer: Optimizer,
  lr: Float64Array,
  noise: Float64Array | null,
  sigma: number,
  xs: Float64Array,
  ys: Float64Array,
  fs: Float64Array,
  from: number,
  end: number,
): number {
  // Plain arrays of this call's own, not Float64Arrays: V8 optimizes them more freely once every
  // call in the loop is inlined (SGD's sweep measured 2.2× a hand loop, against 3.0–3.5×).
  const p: XY = [xs[from]!, ys[from]!];
  const g: XY = [0, 0];
  for (let k = from; k < end; k++) {
    objective.grad(p[0]!, p[1]!, g);
    if (noise !== null) {
      g[0] = g[0]! + sigma * noise[2 * k]!;
      g[1] = g[1]! + sigma * noise[2 * k + 1]!;
    }
    optimizer.step(p, g, lr[k]!);
    const x = p[0]!;
    const y = p[1]!;
    const f = objective.f(x, y);
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(f))) return ~k;
    xs[k + 1] = x;
    ys[k + 1] = y;
    fs[k + 1] = f;
  }
  return end;
}

/** The loop's signature. */
export type StepLoop = typeof stepLoop;

/**
 * One copy of `stepLoop` per optimizer type, each compiled from the loop's own source text so it
 * gets type feedback of its own; null where this host may not compile code. V8 keeps feedback per
 * function: one loop shared by every type sees every optimizer's `step` at one call site, which
 * goes megamorphic once a process has run five types, and then nothing is inlined into it. The
 * page's policy has no 'unsafe-eval' (csp.config.ts), so the page keeps the shared loop; workers and
 * Node compile. The text is this module's own function (it reads only its arguments and `Number`),
 * never input.
 */
function copiesOfLoop(types: readonly string[]): Map<string, StepLoop> | null {
  if ('document' in globalThis) return null;
  const source = `return ${stepLoop.toString()}`;
  try {
    return new Map(types.map((type) => [type, new Function(source)() as StepLoop]));
  } catch {
    // A worker whose policy forbids eval: the first attempt throws, and the shared loop serves.
    return null;
  }
}

/** The loop of each optimizer type, made once when this module loads. */
const loops: ReadonlyMap<string, StepLoop> =
  copiesOfLoop(optimizers.map((o) => o.type)) ?? new Map();

/** The loop for an optimizer type: its own copy where the host allows, else the shared one. */
export const loopOf = (type: string): StepLoop => loops.get(type) ?? stepLoop;
