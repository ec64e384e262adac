import { getFunction } from '../engine/functions/index.ts';
import type { Scene } from '../engine/scene.ts';
import { networkName } from './network/networkText.ts';

/**
 * What a scene's runs are on, in a few words: its network ("Network [2, 8, 8, 1] tanh on
 * Spiral"), or its function ("Rosenbrock", "Custom f(x, y)" for a typed one).
 */
export function sceneName({ fn, network }: Pick<Scene, 'fn' | 'network'>): string {
  if (network) return networkName(network);
  return getFunction(fn.id)?.name ?? (fn.expr !== undefined ? 'Custom f(x, y)' : fn.id);
}
