/**
 * The runs' principal plane (src/engine/network/pca.ts) with XᵀX's sums in WebAssembly
 * (scatterKernel) against the JS loop (`principalPlane(paths, dim, false)`), side by side in this
 * process, in CPU time: 6 runs × 501 points, at [2, 16, 16, 1]'s 337 parameters, 1,000 and the
 * 2,000 cap; each side's least of ROUNDS calls, the two alternating which goes first. The bits are
 * checked equal. Judge on several fresh processes:
 *
 *     for i in 1 2 3; do npx tsx bench/pca.bench.ts; done
 */
import { NormalSource } from '../src/engine/noise.ts';
import { principalPlane } from '../src/engine/network/pca.ts';
import { cpuMs } from './timing.ts';

const ROUNDS = 3;

/** Six paths of 501 points in `dim`: a random walk each, drifting apart. */
function paths(dim: number): Float64Array[] {
  const source = new NormalSource(dim);
  return Array.from({ length: 6 }, (_, r) => {
    const path = new Float64Array(501 * dim);
    for (let i = 0; i < path.length; i++)
      path[i] = (i >= dim ? path[i - dim]! : 0) + 0.01 * source.nextNormal() + 1e-4 * r;
    return path;
  });
}

const time = (fn: () => unknown) => {
  const c = cpuMs();
  fn();
  return cpuMs() - c;
};

for (const dim of [337, 1000, 2000]) {
  const p = paths(dim);
  const wasm: number[] = [];
  const js: number[] = [];
  let a = principalPlane(p, dim);
  let b = principalPlane(p, dim, false);
  for (let r = 0; r < ROUNDS; r++) {
    const first = r % 2 === 0;
    if (first) wasm.push(time(() => (a = principalPlane(p, dim))));
    js.push(time(() => (b = principalPlane(p, dim, false))));
    if (!first) wasm.push(time(() => (a = principalPlane(p, dim))));
  }
  const same = (['center', 'd1', 'd2', 'explained'] as const).every((k) =>
    [...a[k]].every((v, i) => Object.is(v, b[k][i])),
  );
  const w = Math.min(...wasm);
  const j = Math.min(...js);
  console.log(
    `principal plane, 6 × 501 points at dim ${String(dim).padStart(4)}: WebAssembly ` +
      `${w.toFixed(0).padStart(5)} ms, JS ${j.toFixed(0).padStart(5)} ms (${(w / j).toFixed(2)}×); ` +
      `same bits: ${same ? 'yes' : 'NO'}`,
  );
}
