/**
 * The full-batch loss of issue 15's network, JS (Network.loss) against the WebAssembly SIMD
 * forward pass (WasmForward.loss), side by side in this process in CPU time: one training and one
 * test loss of [2, 16, 16, 1] on N = 1,000 spiral examples (750 + 250), tanh and ReLU, the
 * classification head. Also the forward pass alone (the outputs, no log-loss), since the loss's
 * head stays in JS on both sides. The bits are checked equal before timing. Judge on the worst
 * of several fresh processes:
 *
 *     for i in 1 2 3; do npx tsx bench/wasmLoss.bench.ts; done
 */
import { loadavg } from 'node:os';
import { getNetworkDataset } from '../src/engine/network/datasets.ts';
import { initialParameters } from '../src/engine/network/init.ts';
import { Network } from '../src/engine/network/model.ts';
import { WasmForward } from '../src/engine/network/wasm/wasmForward.ts';
import { sideBySide } from './timing.ts';

const ROUNDS = 15;
const params = { n: 1000, test: 0.25, batch: 32, seed: 1, noise: 0.1 };
const data = getNetworkDataset('spiral')!.dataset(params);
const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(4)} µs`;

for (const activation of ['tanh', 'relu'] as const) {
  const arch = { hidden: [16, 16], activation, head: 'classification' as const };
  const theta = initialParameters(arch, 1);
  const net = new Network(arch);
  const wasm = new WasmForward(arch);
  const js = () => net.loss(theta, data.train, null) + net.loss(theta, data.test, null);
  const simd = () => wasm.loss(theta, data.train) + wasm.loss(theta, data.test);
  if (!Object.is(js(), simd())) throw new Error(`${activation}: the losses differ`);
  const out = new Float64Array(data.train.n);
  const forward = sideBySide(
    () => net.outputs(theta, data.train, out),
    () => wasm.outputs(theta, data.train, out),
    ROUNDS,
  );
  const loss = sideBySide(js, simd, ROUNDS);
  console.log(
    `[2,16,16,1] ${activation.padEnd(4)}: full-batch loss (train + test) JS ${us(loss.a)}, ` +
      `wasm ${us(loss.b)}: ${loss.ratio.toFixed(2)}× faster; forward pass alone (750) ` +
      `JS ${us(forward.a)}, wasm ${us(forward.b)}: ${forward.ratio.toFixed(2)}×`,
  );
}
console.log(
  `load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
