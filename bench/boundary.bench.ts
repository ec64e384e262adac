/**
 * The decision-boundary panel's budget (issue 15): the output of [2, 16, 16, 1] (337 parameters)
 * on an n × n grid of its inputs, σ included, plus the ½ line by marching squares, for one θ —
 * what a panel computes when the cursor's step changes. Target: ≤ 8 ms at the grid the panel uses
 * (BOUNDARY_GRID in engine/network/boundaryFrame.ts), so the boundary worker answers a step of a
 * few panels within a frame or two.
 * Prints, per grid size and activation, the least and the worst per-call CPU time over rounds of
 * ≈ 40 ms each; judge on the worst of several fresh processes:
 *
 *     for i in 1 2 3; do npx tsx bench/boundary.bench.ts; done
 */
import { isolines } from '../src/engine/contours.ts';
import { inputBox, OutputGrid } from '../src/engine/network/boundary.ts';
import { getNetworkDataset } from '../src/engine/network/datasets.ts';
import { initialParameters } from '../src/engine/network/init.ts';
import { Network } from '../src/engine/network/model.ts';
import { cpuMs } from './timing.ts';

const TARGET_MS = 8;
const ROUNDS = 7;
const data = getNetworkDataset('spiral')!.dataset({
  n: 500,
  test: 0.25,
  batch: 10,
  seed: 1,
  noise: 0,
});
const box = inputBox(data);
const half = Float64Array.of(0.5);

for (const activation of ['tanh', 'relu'] as const) {
  const arch = { hidden: [16, 16], activation, head: 'classification' as const };
  const net = new Network(arch);
  const theta = initialParameters(arch, 1);
  for (const n of [32, 48, 64]) {
    const grid = new OutputGrid(net, box, n);
    const out = new Float64Array(n * n);
    const once = () => isolines(grid.fill(theta, out), n, n, half);
    for (let w = 0; w < 20; w++) once();
    const per: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      let reps = 0;
      const c0 = cpuMs();
      while (cpuMs() - c0 < 40) {
        once();
        reps++;
      }
      per.push((cpuMs() - c0) / reps);
    }
    const worst = Math.max(...per);
    console.log(
      `[2,16,16,1] ${activation.padEnd(4)} ${String(n).padStart(2)}² grid + ½ line: ` +
        `least ${Math.min(...per).toFixed(2)} ms, worst ${worst.toFixed(2)} ms CPU per θ; ` +
        `${n * n * net.count} multiply-adds; target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? 'met' : 'NOT met'}`,
    );
  }
}
