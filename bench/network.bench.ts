/**
 * The network's training budget (issue 15): 6 optimizers × 500 steps on [2, 16, 16, 1], N = 1,000
 * (750 train, 250 test), B = 32, with the full-batch training and test loss after every step —
 * target ≤ 500 ms. Times one fresh training per round in this process (CPU and wall time), for the
 * tanh and the ReLU network, and prints the worst and the best of the rounds; judge on the worst of
 * several fresh processes:
 *
 *     for i in 1 2 3; do npx tsx bench/network.bench.ts; done
 *
 * Also prints the shares: the mini-batch gradients alone and one full-batch loss, each in the
 * WebAssembly training uses and in the JS loops (dense.ts's register-blocked products and the
 * activation's tanh); and, side by
 * side in this process, the activation's tanh per call (tableTanh, the network's, against fdlibm's
 * tanh that it replaced) on normal pre-activations of spread 2.
 */
import { BatchOrder } from '../src/engine/data/batches.ts';
import { trainSize } from '../src/engine/data/examples.ts';
import type { Activation } from '../src/engine/network/architecture.ts';
import { getNetworkDataset } from '../src/engine/network/datasets.ts';
import { initialParameters } from '../src/engine/network/init.ts';
import { Network } from '../src/engine/network/model.ts';
import { trainNetwork, type NetworkEntry } from '../src/engine/network/train.ts';
import { fastNetwork } from '../src/engine/network/wasm/fastNetwork.ts';
import { tanh } from '../src/engine/math/hyperbolic.ts';
import { tableTanh } from '../src/engine/math/tableTanh.ts';
import { NormalSource } from '../src/engine/noise.ts';
import { getOptimizer } from '../src/engine/optimizers/index.ts';
import { cpuMs, sideBySide } from './timing.ts';

const TARGET_MS = 500;
const ROUNDS = 3;
const params = { n: 1000, test: 0.25, batch: 32, seed: 1, noise: 0.1 };

/** torch's defaults with `lr` and `extra` on top. */
function entry(
  type: string,
  lr: number,
  extra: Record<string, number | boolean> = {},
): NetworkEntry {
  const spec = getOptimizer(type)!;
  const hyper = Object.fromEntries(Object.entries(spec.hyper).map(([k, s]) => [k, s.default]));
  return { type, hyper: { ...hyper, lr, ...extra }, schedule: { type: 'constant' } };
}

const optimizers = [
  entry('sgd', 0.1),
  entry('sgd', 0.05, { momentum: 0.9 }),
  entry('adam', 0.01),
  entry('rmsprop', 0.003),
  entry('adagrad', 0.05),
  entry('nadam', 0.01),
];

function training(activation: Activation) {
  const arch = { hidden: [16, 16], activation, head: 'classification' as const };
  const data = getNetworkDataset('spiral')!.dataset(params);
  return {
    arch,
    data,
    order: new BatchOrder(trainSize(params.n, params.test), params.batch, 1),
    start: initialParameters(arch, 1),
    steps: 500,
    optimizers,
  };
}

const fmt = (v: number) => `${v.toFixed(0).padStart(5)} ms`;

for (const activation of ['tanh', 'relu'] as const) {
  const t = training(activation);
  const cpu: number[] = [];
  const wall: number[] = [];
  let finalLoss = '';
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = cpuMs();
    const w0 = performance.now();
    const runs = trainNetwork(t);
    wall.push(performance.now() - w0);
    cpu.push(cpuMs() - c0);
    finalLoss = runs.map((run) => run.loss[run.loss.length - 1]!.toFixed(3)).join(' ');
  }
  // The shares: 3,000 mini-batch gradients alone, and one full-batch loss (train + test), each in
  // WebAssembly as training takes them and in the JS loops.
  const net = new Network(t.arch);
  const g = new Float64Array(net.count);
  // The gradients side by side (least of 9 batches each), the JS loops being cold after training.
  let step = 0;
  const gradient = (network: Network) => () => {
    t.order.select(step++ % 500);
    network.gradient(t.start, g, t.data.train, t.order.perm, t.order.from, t.order.to);
  };
  const perGradient = sideBySide(gradient(fastNetwork(t.arch)), gradient(net), 9);
  const grads = 3000 * perGradient.a;
  const gradsJs = 3000 * perGradient.b;
  let sink = 0;
  const fullLoss = (network: Network) => {
    const c2 = cpuMs();
    for (let k = 0; k < 100; k++) {
      sink += network.loss(t.start, t.data.train, null) + network.loss(t.start, t.data.test, null);
    }
    return (cpuMs() - c2) / 100;
  };
  const full = fullLoss(fastNetwork(t.arch));
  const fullJs = fullLoss(net);
  console.log(
    `[2,16,16,1] ${activation.padEnd(4)}: 6 optimizers × 500 steps, N = 1,000, B = 32: ` +
      `worst ${fmt(Math.max(...cpu))} CPU (${fmt(Math.max(...wall))} wall), best ${fmt(Math.min(...cpu))} CPU; ` +
      `target ≤ ${TARGET_MS} ms: ${Math.max(...cpu) <= TARGET_MS ? 'met' : 'NOT met'}`,
  );
  console.log(
    `    of which 3,000 batch gradients ${fmt(grads)} (the JS loops' ${fmt(gradsJs)}, ` +
      `${(1 / perGradient.ratio).toFixed(2)}× as long); ` +
      `one full-batch loss (train + test) ` +
      `${full.toFixed(3)} ms × 3,000 (the JS loops' ${fullJs.toFixed(3)} ms); ` +
      `final training losses ${finalLoss}` +
      (Number.isFinite(sink) ? '' : ' (a loss was not finite)'),
  );
}

const source = new NormalSource(3);
const z = Float64Array.from({ length: 4096 }, () => 2 * source.nextNormal());
const h = new Float64Array(z.length);
// Two loops, each calling its function directly (one call site for both would not inline either).
const perCall = sideBySide(
  () => {
    for (let i = 0; i < z.length; i++) h[i] = tableTanh(z[i]!);
  },
  () => {
    for (let i = 0; i < z.length; i++) h[i] = tanh(z[i]!);
  },
  15,
);
const ns = (ms: number) => `${((ms * 1e6) / z.length).toFixed(1)} ns`;
console.log(
  `tanh per call, side by side: tableTanh ${ns(perCall.a)}, fdlibm's ${ns(perCall.b)} ` +
    `(${perCall.ratio.toFixed(2)}×)`,
);
