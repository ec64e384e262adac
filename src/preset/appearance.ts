import { getOptimizer } from '../engine/optimizers/index.ts';
import type { HyperValues } from '../engine/optimizers/index.ts';

/** Colour-blind-safe run colours (Okabe & Ito), used in order and then repeated. */
export const palette = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#b59b00',
  '#7f7f7f',
] as const;

/** The colour of the i-th optimizer of a scene when its preset gives none. */
export const defaultColor = (i: number): string => palette[i % palette.length]!;

/** "Momentum" and "Nesterov" are sgd with those settings; other types use their own names. */
export function defaultLabel(type: string, hp: HyperValues): string {
  if (type === 'sgd') {
    if (hp['nesterov'] === true) return 'Nesterov';
    if ((hp['momentum'] as number) > 0) return 'Momentum';
  }
  return getOptimizer(type)?.name ?? type;
}
