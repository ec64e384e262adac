/**
 * The network views' slice budget (issue 15): the full-batch training loss of [2, 16, 16, 1] on
 * N = 1,000 (750 train) over a 64² grid of a plane — first picture (a 16² pass) ≤ 200 ms,
 * complete ≤ 2 s — through the lab's own contour field (engine/field.ts) on PlaneLoss, with the
 * network the network worker slices with (fastNetwork). Judge on the worst of several
 * fresh processes:
 *
 *     for i in 1 2 3; do npx tsx bench/slice.bench.ts; done
 */
import { computeField } from '../src/engine/field.ts';
import { layoutOf } from '../src/engine/network/architecture.ts';
import { getNetworkDataset } from '../src/engine/network/datasets.ts';
import { randomPlane } from '../src/engine/network/directions.ts';
import { initialParameters } from '../src/engine/network/init.ts';
import { PlaneLoss } from '../src/engine/network/slice.ts';
import { fastNetwork } from '../src/engine/network/wasm/fastNetwork.ts';
import { cpuMs } from './timing.ts';

const params = { n: 1000, test: 0.25, batch: 32, seed: 1, noise: 0.1 };
const FIRST_MS = 200;
const FULL_MS = 2000;
const LEVELS = 14;

const fmt = (v: number) => `${v.toFixed(0).padStart(5)} ms`;

for (const activation of ['tanh', 'relu'] as const) {
  const arch = { hidden: [16, 16], activation, head: 'classification' as const };
  const data = getNetworkDataset('spiral')!.dataset(params);
  const center = initialParameters(arch, 1);
  // The network the workers slice with: the WebAssembly forward pass (the JS loops elsewhere).
  const loss = new PlaneLoss(fastNetwork(arch), data.train, randomPlane(layoutOf(arch), center, 2));
  const view = { x: [-1, 1], y: [-1, 1] } as const;
  const times = (n: number) => {
    const c0 = cpuMs();
    const field = computeField(loss, view, n, LEVELS);
    return { ms: cpuMs() - c0, field };
  };
  times(8); // compiled before timing
  const first = times(16);
  const full = times(64);
  console.log(
    `[2,16,16,1] ${activation.padEnd(4)} slice, 750 training examples: 16² ${fmt(first.ms)} ` +
      `(target ≤ ${FIRST_MS}: ${first.ms <= FIRST_MS ? 'met' : 'NOT met'}), 64² ${fmt(full.ms)} ` +
      `(target ≤ ${FULL_MS}: ${full.ms <= FULL_MS ? 'met' : 'NOT met'}) on one core; ` +
      `f from ${full.field.fmin.toFixed(3)} to ${full.field.fmax.toFixed(3)}`,
  );
}
