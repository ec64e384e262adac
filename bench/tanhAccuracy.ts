/**
 * The network's tanh (src/engine/math/tableTanh.ts) against a double-double tanh, in ulps of the
 * true value, over 10^7 inputs: uniform on [−25, 25], log-uniform in magnitude from the smallest
 * subnormal to 25, and dense around the formula's edges (2^-27, 19.0625) and halfway between the
 * table's points (six significant bits), where |δ| is largest; fdlibm's tanh (the engine's portable one) on the
 * same inputs for comparison. Also ±0, ±∞, NaN and the extremes against Math.tanh. Takes ≈ 1 min.
 *
 *     npx tsx bench/tanhAccuracy.ts        (N=200000 npx tsx … for a quick look)
 */
import { tanh } from '../src/engine/math/hyperbolic.ts';
import { tableTanh } from '../src/engine/math/tableTanh.ts';
import { referenceTanh, ulpError } from '../tests/unit/math/tanhReference.ts';

const N = Number(process.env.N ?? 10_000_000);
let seed = 0x9e3779b9;
/** A uniform double in [0, 1) from a 32-bit LCG, two draws a value. */
function uniform(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  const hi = seed >>> 5;
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (hi * 2 ** 26 + (seed >>> 6)) / 2 ** 53;
}
const sign = () => (uniform() < 0.5 ? -1 : 1);
const edges = [19.0625, 2 ** -27];

function input(k: number): number {
  switch (k % 4) {
    case 0:
    case 1:
      return 50 * uniform() - 25;
    case 2:
      return sign() * 2 ** (-1074 + (1074 + Math.log2(25)) * uniform());
    default: {
      // Near an edge or halfway between two of the table's points, within a few hundred ulps:
      // (32 + m + ½)·2^b·2^-32 for b from −27 to 4.
      const half = 2 ** (Math.floor(uniform() * 32) - 32) * (32 + Math.floor(uniform() * 32) + 0.5);
      const c = uniform() < 0.1 ? edges[k % 2]! : half;
      return sign() * c * (1 + (uniform() - 0.5) * 2 ** -44);
    }
  }
}

let worst = 0;
let worstAt = 0;
let worstFdlibm = 0;
let differ = 0;
let over = 0;
for (let k = 0; k < N; k++) {
  const x = input(k);
  const ref = referenceTanh(x);
  const ours = tableTanh(x);
  const e = ulpError(ours, ref);
  if (e > worst) {
    worst = e;
    worstAt = x;
  }
  if (e > 0.5) over++;
  const f = tanh(x);
  worstFdlibm = Math.max(worstFdlibm, ulpError(f, ref));
  if (!Object.is(f, ours)) differ++;
}
const specials = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  -5e-324,
  1e-310,
  -1.7976931348623157e308,
];
const wrong = specials.filter((v) => !Object.is(tableTanh(v), Math.tanh(v)));
console.log(
  `tableTanh over ${N.toLocaleString('en')} inputs: max error ${worst.toFixed(4)} ulp (at x = ${worstAt}), ` +
    `${((100 * over) / N).toFixed(3)}% not correctly rounded (> 0.5 ulp)`,
);
console.log(
  `fdlibm tanh on the same inputs: max error ${worstFdlibm.toFixed(4)} ulp; ` +
    `the two differ on ${((100 * differ) / N).toFixed(2)}% of them`,
);
console.log(
  `±0, ±∞, NaN, subnormals, −max as Math.tanh: ${wrong.length === 0 ? 'yes' : `NO: ${wrong.join(', ')}`}`,
);
