import { trainSize } from '../../engine/data/examples.ts';
import type { NetworkScene } from '../../engine/network/scene.ts';

/** Epochs to one decimal, never rounded up: 10.96 epochs are "10.9", not yet "11". */
const tenths = (epochs: number): string => {
  const t = Math.floor(epochs * 10 + 1e-9) / 10;
  return Number.isInteger(t) ? String(t) : t.toFixed(1);
};

/**
 * How many epochs `step` steps of a network scene are, of `steps`: "epoch 10.3 of 21". The batch
 * order (engine/data/batches.ts) walks ⌈N_train / B⌉ batches an epoch, the last smaller when B
 * does not divide N_train, so step k is k / ⌈N_train / B⌉ epochs in.
 */
export function epochText(network: NetworkScene, step: number, steps: number): string {
  const { n, test, batch } = network.params;
  const perEpoch = Math.ceil(trainSize(n!, test!) / batch!);
  return `epoch ${tenths(step / perEpoch)} of ${tenths(steps / perEpoch)}`;
}
