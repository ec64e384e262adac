import { optimizers } from '../engine/optimizers/index.ts';
import { hashParam } from './link.ts';

/**
 * What an embedded scene shows besides the landscape and the loss chart, from the link's
 * `controls` option (`#s=1.…&controls=playback,lr`): the playback bar, and the sliders of the named
 * hyperparameters on every optimizer that has them. `none` shows neither.
 */
export interface EmbedOptions {
  readonly playback: boolean;
  /** Hyperparameter names, in the link's order, each once. */
  readonly sliders: readonly string[];
  /** Option values the page does not know: named in its message, and ignored. */
  readonly unknown: readonly string[];
}

/** An embed's controls when its link names none: playback only. */
export const DEFAULT_CONTROLS = 'playback';

/** Every hyperparameter name of every optimizer. */
const hyperNames: ReadonlySet<string> = new Set(optimizers.flatMap((o) => Object.keys(o.hyper)));

/** Reads an embed's options from its link's hash; never throws. */
export function readEmbedOptions(hash: string): EmbedOptions {
  const names = (hashParam(hash, 'controls') ?? DEFAULT_CONTROLS)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const sliders: string[] = [];
  const unknown: string[] = [];
  let playback = false;
  for (const name of names) {
    if (name === 'playback') playback = true;
    else if (name === 'none') continue;
    else if (hyperNames.has(name)) {
      if (!sliders.includes(name)) sliders.push(name);
    } else unknown.push(name.slice(0, 40));
  }
  return { playback, sliders, unknown };
}

/** The `controls` option that gives back `options` (without the unknown names). */
export function controlsOption(options: Pick<EmbedOptions, 'playback' | 'sliders'>): string {
  const names = [...(options.playback ? ['playback'] : []), ...options.sliders];
  return `controls=${names.length ? names.join(',') : 'none'}`;
}
