import { batchGradients, layerStats } from '../engine/network/layerStats.ts';
import { fastNetwork } from '../engine/network/wasm/fastNetwork.ts';
import { SHARPNESS, sharpness } from '../engine/network/sharpness.ts';
import type { NetworkRun, NetworkTraining } from '../engine/network/train.ts';
import type { NetworkLayers, RunLayers } from './networkProtocol.ts';

/** Batch gradients between two chances to stop: each costs about one training step. */
const STEPS_PER_PIECE = 16;

/**
 * Every run's per-layer statistics (layerStats over the batch gradients its steps used) and the
 * sharpness of its last point (SHARPNESS, the gallery's measure), a few steps per piece: the
 * network worker runs it after training, between its yields, so a newer request still gets in.
 * Returns them with the time spent inside this generator (not the time it waited between pieces).
 * A run found in `known` is not computed again (its numbers depend on the run alone).
 */
export function* layersOfRuns(
  training: NetworkTraining,
  runs: readonly NetworkRun[],
  now: () => number,
  /** Runs' layers computed before (a run kept from an earlier training): taken, and added to. */
  known: WeakMap<NetworkRun, RunLayers> = new WeakMap(),
): Generator<void, { layers: NetworkLayers; computeMs: number }, void> {
  const net = fastNetwork(training.arch);
  let busy = 0;
  let t = now();
  const out: RunLayers[] = [];
  for (const run of runs) {
    const kept = known.get(run);
    if (kept) {
      out.push(kept);
      continue;
    }
    const steps = Math.max(0, run.loss.length - 1);
    const grads = new Float64Array(steps * run.count);
    for (let from = 0; from < steps; from += STEPS_PER_PIECE) {
      batchGradients(training, run, grads, from, Math.min(steps, from + STEPS_PER_PIECE));
      busy += now() - t;
      yield;
      t = now();
    }
    const stats = layerStats(net.layout, run.params, run.loss.length, grads);
    const end = run.params.subarray(steps * run.count, (steps + 1) * run.count);
    const { radius, directions, seed } = SHARPNESS;
    const sharp =
      run.divergedAt === null
        ? sharpness(net, training.data.train, end, radius, directions, seed)
        : null;
    const layers = { stats, sharpness: sharp };
    known.set(run, layers);
    out.push(layers);
    busy += now() - t;
    yield;
    t = now();
  }
  return { layers: { runs: out, sizes: net.layout.sizes }, computeMs: busy + now() - t };
}

/** The buffers of `layers`, to transfer to the page. */
export function layerBuffers({ runs }: NetworkLayers): Transferable[] {
  return runs.flatMap(({ stats }) =>
    [stats.theta, stats.step, stats.grad ?? [], stats.rate ?? []].flat().map((a) => a.buffer),
  );
}
