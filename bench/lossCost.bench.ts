/**
 * The slicing's cost model (lossCostMs in src/engine/network/slice.ts) against the full-batch loss
 * it models, as the workers compute it (fastNetwork: the WebAssembly forward pass and head): one
 * loss over 1,000 spiral examples for shapes a scene may have, up to the 2,000-parameter cap
 * ([32, 32, 16], [28, 28, 28]), CPU time, the median of 31 calls after warming up. Prints
 * measured, modelled and their ratio: 0.77–1.01 in four fresh processes on a quiet machine (the
 * model under-estimates ReLU most). Judge on several fresh processes:
 *
 *     for i in 1 2 3; do npx tsx bench/lossCost.bench.ts; done
 */
import { loadavg } from 'node:os';
import type { Activation, Architecture } from '../src/engine/network/architecture.ts';
import { getNetworkDataset } from '../src/engine/network/datasets.ts';
import { initialParameters } from '../src/engine/network/init.ts';
import { lossCostMs } from '../src/engine/network/slice.ts';
import { fastNetwork } from '../src/engine/network/wasm/fastNetwork.ts';
import { cpuMs } from './timing.ts';

const N = 1000;
const data = getNetworkDataset('spiral')!.dataset({
  n: N,
  test: 0,
  batch: 32,
  seed: 1,
  noise: 0.1,
});
const shapes: number[][] = [
  [4],
  [32],
  [8, 8],
  [16, 16],
  [32, 32],
  [16, 16, 16],
  [32, 32, 16],
  [28, 28, 28],
];

let sink = 0;
/** Median CPU ms of one full-batch loss, 31 calls of `repeat` losses each after a warm-up. */
function measure(arch: Architecture): number {
  const net = fastNetwork(arch);
  const theta = initialParameters(arch, 1);
  const repeat = 20;
  const once = () => {
    for (let k = 0; k < repeat; k++) sink += net.loss(theta, data.train, null);
  };
  for (let w = 0; w < 20; w++) once();
  const times: number[] = [];
  for (let r = 0; r < 31; r++) {
    const c0 = cpuMs();
    once();
    times.push((cpuMs() - c0) / repeat);
  }
  return times.sort((a, b) => a - b)[15]!;
}

let worst = 1;
for (const activation of ['tanh', 'relu'] as Activation[]) {
  for (const hidden of shapes) {
    const arch: Architecture = { hidden, activation, head: 'classification' };
    const measured = measure(arch);
    const model = lossCostMs(arch, data.train.n);
    const ratio = model / measured;
    worst = Math.max(worst, ratio, 1 / ratio);
    console.log(
      `[2, ${hidden.join(', ')}, 1] ${activation.padEnd(4)}: measured ${(measured * 1000).toFixed(0).padStart(5)} µs, ` +
        `model ${(model * 1000).toFixed(0).padStart(5)} µs, model/measured ${ratio.toFixed(2)}`,
    );
  }
}
console.log(
  `worst model/measured off by ${((worst - 1) * 100).toFixed(0)}% (sink ${Number.isFinite(sink)}); ` +
    `load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
);
