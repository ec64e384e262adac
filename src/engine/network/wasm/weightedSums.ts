import type { Code } from '../../wasm/code.ts';

/**
 * Appends acc[u] = Σ_i W(u, i)·v_i for u < `units`, i over `terms` in order (the first product,
 * then + each next), v_i the v128 at from + 16i (taken into local X), W(u, i) the hoisted local
 * `weight` names: the forward pass's Σ_k W_jk·x_k, and the backward pass's Σ_j W_jk·d_j.
 */
export function weightedSums(
  body: Code,
  o: {
    from: number;
    terms: number;
    units: number;
    weight: (u: number, i: number) => number;
    X: number;
    acc: readonly number[];
  },
): void {
  for (let i = 0; i < o.terms; i++) {
    body
      .get(o.from)
      .load(16 * i)
      .set(o.X);
    for (let u = 0; u < o.units; u++) {
      const a = o.acc[u]!;
      if (i === 0) body.get(o.weight(u, 0)).get(o.X).mul().set(a);
      else body.get(a).get(o.weight(u, i)).get(o.X).mul().add().set(a);
    }
  }
}
