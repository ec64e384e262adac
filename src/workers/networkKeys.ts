import type { NetworkEntry } from '../engine/network/train.ts';
import type { Scene } from '../engine/scene.ts';

/**
 * What decides a network scene's runs, as text: everything but the network's slice (and the 2-D
 * function, view and start, which a network's runs ignore).
 */
export function trainingKey({ steps, noise, optimizers, network }: Scene): string {
  return JSON.stringify([steps, noise, optimizers, { ...network, slice: undefined }]);
}

/** What one run is of: the setting every run shares and its own optimizer (not its label). */
export function runKey(
  { steps, noise, network }: Scene,
  { type, hyper, schedule, phases }: NetworkEntry,
): string {
  return JSON.stringify([
    steps,
    noise,
    { ...network, slice: undefined },
    type,
    hyper,
    schedule,
    phases,
  ]);
}
