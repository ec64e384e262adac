/**
 * The full-batch loss of issue 15's network, JS (Network.loss) against WebAssembly SIMD
 * (WasmForward.loss: the forward pass and the log-loss head in the kernel), side by side in this
 * process in CPU time: one training and one test loss of [2, 16, 16, 1] on N = 1,000 spiral
 * examples (750 + 250), tanh and ReLU, the classification head. Also its two parts alone: the
 * forward pass (the outputs) and the log-loss head over the network's 750 training logits (JS
 * logLoss summed as Network sums it, against the head's kernel with the same sum). The bits are
 * checked equal before timing. Judge on the worst of several fresh processes:
 *
 *     for i in 1 2 3; do npx tsx bench/wasmLoss.bench.ts; done
 */
import { loadavg } from 'node:os';
import { logLoss } from '../src/engine/data/logistic.ts';
import { getNetworkDataset } from '../src/engine/network/datasets.ts';
import { initialParameters } from '../src/engine/network/init.ts';
import { CHUNK, Network } from '../src/engine/network/model.ts';
import { headFunctions } from '../src/engine/network/wasm/headKernel.ts';
import { WasmForward } from '../src/engine/network/wasm/wasmForward.ts';
import { pairModule } from '../tests/unit/network/wasmPairs.ts';
import { sideBySide } from './timing.ts';

const ROUNDS = 15;
const params = { n: 1000, test: 0.25, batch: 32, seed: 1, noise: 0.1 };
const data = getNetworkDataset('spiral')!.dataset(params);
const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(4)} µs`;
const heads = pairModule(headFunctions);

/** Σ of `loss(i)` for i < n as Network sums it: per chunk of CHUNK, then the chunks. */
function chunkSum(n: number, loss: (i: number) => number): number {
  let sum = 0;
  for (let c = 0; c < n; c += CHUNK) {
    let chunk = 0;
    for (let r = c; r < Math.min(c + CHUNK, n); r++) chunk += loss(r);
    sum += chunk;
  }
  return sum;
}

for (const activation of ['tanh', 'relu'] as const) {
  const arch = { hidden: [16, 16], activation, head: 'classification' as const };
  const theta = initialParameters(arch, 1);
  const net = new Network(arch);
  const wasm = new WasmForward(arch);
  const js = () => net.loss(theta, data.train, null) + net.loss(theta, data.test, null);
  const simd = () => wasm.loss(theta, data.train) + wasm.loss(theta, data.test);
  if (!Object.is(js(), simd())) throw new Error(`${activation}: the losses differ`);
  const { n, t } = data.train;
  const z = new Float64Array(n);
  const forward = sideBySide(
    () => net.outputs(theta, data.train, z),
    () => wasm.outputs(theta, data.train, z),
    ROUNDS,
  );
  const jsHead = () => chunkSum(n, (i) => logLoss(z[i]!, t[i]!));
  const simdHead = () => {
    const losses = heads('logLoss', z, t);
    return chunkSum(n, (i) => losses[i]!);
  };
  if (!Object.is(jsHead(), simdHead())) throw new Error(`${activation}: the heads differ`);
  const head = sideBySide(jsHead, simdHead, ROUNDS);
  const loss = sideBySide(js, simd, ROUNDS);
  const line = (what: string, r: { a: number; b: number; ratio: number }) =>
    `${what} JS ${us(r.a)}, wasm ${us(r.b)}: ${r.ratio.toFixed(2)}×`;
  console.log(
    `[2,16,16,1] ${activation.padEnd(4)}: ${line('full-batch loss (train + test)', loss)}; ` +
      `${line('forward pass alone (750)', forward)}; ${line('log-loss head alone (750)', head)}`,
  );
}
console.log(
  `load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
