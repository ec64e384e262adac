/**
 * Double-double arithmetic: a value as an unevaluated sum hi + lo of two doubles, |lo| ≤ ½ ulp(hi),
 * ≈ 106 bits. Built from IEEE + − × ÷ alone (Dekker's product with Veltkamp's split, no fused
 * multiply-add), so its bits are the same in every engine. For tables built once and for
 * references in tests — not for hot loops: every operation allocates its pair.
 */
export type DD = readonly [number, number];

/** a + b exactly, as the rounded sum and its error (Knuth's two-sum). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const v = s - a;
  return [s, a - (s - v) + (b - v)];
}

/** a·b exactly, as the rounded product and its error (Dekker). */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ca = 134217729 * a; // 2^27 + 1: splits a into two 26-bit halves
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** a + b. */
export function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = twoSum(s, e + t);
  return twoSum(s2, e2 + f);
}

/** a·b. */
export function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

/** a/b, by three quotient digits. */
export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul(b, [-q2, 0]));
  const q3 = r2[0] / b[0];
  return ddAdd(twoSum(q1, q2), [q3, 0]);
}
