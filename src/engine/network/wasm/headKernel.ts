import { Code, I32, V128, type Pool } from '../../wasm/code.ts';
import type { FunctionSpec } from '../../wasm/module.ts';
import { emitExpNonPositive } from './expPair.ts';
import { emitLnOneToTwo } from './lnPair.ts';

/**
 * The loss heads as WebAssembly functions `(z, t, out, pairs)`: pair p's two outputs at z + 16p,
 * their targets at t + 16p, their losses written at out + 16p (out apart from z and t). Each
 * example's loss has the bits of model.ts's headLoss; the sum stays with the caller, in model.ts's
 * order. "logLoss": logistic.ts's logLoss, max(z, 0) − z·t + log1pSmall(exp(−|z|)), with exp and
 * ln as expPair.ts and lnPair.ts compute them. "squaredError": (z − t)².
 */
export function headFunctions(pool: Pool): FunctionSpec[] {
  return [
    // exp(−|z|) in a pass of its own: in one loop with ln, the pair's chain of dependent
    // operations (three divisions among them) ran 16.7 ns an example against 4.0 + 4.7 for the
    // two apart (Node 20, 10,000 examples).
    pairFunction('logLoss', pool, [
      (c, z) => {
        const { a, x } = c.temps('a', 'x');
        return emitExpNonPositive(c.get(z).abs().tee(a).neg().set(x), x, a);
      },
      emitLogLoss,
    ]),
    pairFunction('squaredError', pool, [
      (c, z, t) => {
        const { e } = c.temps('e');
        return c.get(z).get(t).sub().tee(e).get(e).mul();
      },
    ]),
  ];
}

/** Pushes the log-loss of the logits in local z against the labels in t, e = exp(−|z|) given. */
function emitLogLoss(c: Code, z: number, t: number, e: number): Code {
  const { u } = c.temps('u');
  c.k(1).get(e).add().set(u);
  // f64x2.max is Math.max here: NaN for NaN, +0 for −0.
  c.get(z).k(0).max().get(z).get(t).mul().sub();
  // log1pSmall: u = 1 ? e : ln(u) − (u − 1 − e)/u.
  c.get(e);
  emitLnOneToTwo(c, u).get(u).k(1).sub().get(e).sub().get(u).div().sub();
  c.get(u).k(1).eq().bitselect();
  return c.add();
}

/**
 * A pass over the pairs: given locals holding a pair's two values from z, from t and from out
 * (what the pass before stored there), pushes the v128 to store at out.
 */
export type Pass = (c: Code, z: number, t: number, out: number) => Code;

/** A function `(z, t, out, pairs)` running `passes` over the pairs one after the other. */
export function pairFunction(name: string, pool: Pool, passes: readonly Pass[]): FunctionSpec {
  // Parameters z, t, out, pairs; a pair's byte offset and the end; the pair's values.
  const [Z, T, OUT, PAIRS, I, END, ZV, TV, OV] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const c = new Code(pool, { next: 9 });
  c.block();
  c.get(PAIRS).i32Eqz().brIf(0);
  c.get(PAIRS).i32(16).i32Mul().set(END);
  for (const pass of passes) {
    const body = c.piece();
    body.i32(0).set(I).loop();
    for (const [base, v] of [
      [Z, ZV],
      [T, TV],
      [OUT, OV],
    ] as const)
      body.get(base).get(I).i32Add().load(0).set(v);
    body.get(OUT).get(I).i32Add();
    pass(body, ZV, TV, OV).store(0);
    body.get(I).i32(16).i32Add().tee(I).get(END).i32Ne().brIf(0);
    body.end();
    c.inline(body);
  }
  c.end();
  const locals = [I32, I32, ...Array.from({ length: c.locals.next - 6 }, () => V128)];
  return { name, params: [I32, I32, I32, I32], locals, body: c };
}
