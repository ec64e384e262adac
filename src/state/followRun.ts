import { withSlice, type NetworkScene } from '../engine/network/scene.ts';

/**
 * `network` once the optimizers went from `before` to `after` (a duplicate, a removal): a random
 * plane through a run keeps passing through that run, wherever it now stands, and through the
 * first one once it is gone, so the scene never names a run it lacks. The same object when
 * nothing moved.
 */
export function followSliceRun<N extends NetworkScene | null>(
  network: N,
  before: readonly { readonly id: number }[],
  after: readonly { readonly id: number }[],
): N {
  const slice = network?.slice;
  if (!network || !slice) return network;
  const id = before[slice.run]?.id;
  const run = Math.max(
    0,
    after.findIndex((o) => o.id === id),
  );
  if (run === slice.run) return network;
  return withSlice(network, { ...slice, run }) as N;
}
