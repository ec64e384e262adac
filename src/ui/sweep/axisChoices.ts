import { getFunction } from '../../engine/functions/index.ts';
import { getOptimizer } from '../../engine/optimizers/index.ts';
import type { Scene } from '../../engine/scene.ts';
import { parseTarget } from '../../engine/sweep/index.ts';
import type { Axis } from '../../engine/sweep/types.ts';
import { hyperLabel, pairLabels } from '../controls/labels.ts';

/** A path an axis may take, with its name for people. */
export interface PathChoice {
  readonly path: string;
  readonly label: string;
}

/** The numbers of one optimizer type, as path tails: `lr`, `momentum`, `betas[0]`, … */
function numberKeys(type: string): { readonly tail: string; readonly label: string }[] {
  const spec = getOptimizer(type);
  if (!spec) return [];
  return Object.entries(spec.hyper).flatMap(([key, h]) => {
    if (h.kind === 'number') return [{ tail: key, label: hyperLabel(key) }];
    if (h.kind === 'pair') {
      const [a, b] = pairLabels(key);
      return [
        { tail: `${key}[0]`, label: a },
        { tail: `${key}[1]`, label: b },
      ];
    }
    return [];
  });
}

/** The scene-wide numbers: start, the function's parameters, the noise seed. */
function sceneChoices(scene: Scene): PathChoice[] {
  const params = getFunction(scene.fn.id)?.params ?? {};
  return [
    { path: 'start[0]', label: 'Start x' },
    { path: 'start[1]', label: 'Start y' },
    ...Object.entries(params).map(([name, p]) => ({
      path: `fn.params.${name}`,
      label: `Function: ${p.label}`,
    })),
    { path: 'noise.seed', label: 'Noise seed' },
  ];
}

/** The map's axes: every number of optimizer `index`, then the scene's own. */
export function mapChoices(scene: Scene, index: number): PathChoice[] {
  const entry = scene.optimizers[index];
  const own = entry
    ? numberKeys(entry.type).map(({ tail, label }) => ({
        path: `optimizers[${index}].${tail}`,
        label: `${label} (${entry.label})`,
      }))
    : [];
  return [...own, ...sceneChoices(scene)];
}

/** The curves' axis: a number every optimizer of the scene has, for all of them at once. */
export function curveChoices(scene: Scene): PathChoice[] {
  const [first, ...rest] = scene.optimizers.map((o) => numberKeys(o.type));
  return (first ?? [])
    .filter(({ tail }) => rest.every((keys) => keys.some((k) => k.tail === tail)))
    .map(({ tail, label }) => ({ path: `optimizers[*].${tail}`, label }));
}

/** The name of a path for axis titles and readouts: "Learning rate (Adam)", "Start x". */
export function pathLabel(scene: Scene, path: string): string {
  const known = [...mapChoicesAll(scene), ...curveChoices(scene)].find((c) => c.path === path);
  return known?.label ?? path;
}

const mapChoicesAll = (scene: Scene): PathChoice[] =>
  scene.optimizers.flatMap((_, k) => mapChoices(scene, k));

/** The scene's own value of the number `path` names (the first optimizer's for `[*]`), or null. */
export function valueAt(scene: Scene, path: string): number | null {
  const target = parseTarget(path);
  if (typeof target === 'string') return null;
  switch (target.kind) {
    case 'start':
      return scene.start[target.element];
    case 'seed':
      return scene.noise.seed;
    case 'sigma':
      return scene.noise.sigma;
    case 'param':
      return scene.fn.params[target.name] ?? null;
    case 'hyper': {
      const entry = scene.optimizers[target.optimizer === 'all' ? 0 : target.optimizer];
      const v = entry?.hyper[target.key];
      const n = Array.isArray(v) && target.element !== null ? v[target.element] : v;
      return typeof n === 'number' ? n : null;
    }
  }
}

/** Keys whose useful values spread over decades: their axes start on a log scale. */
const LOG_KEYS = new Set(['lr', 'eps', 'initial_accumulator_value', 'lr_decay']);
/** Keys like momentum that live in [0, 1). */
const UNIT_KEYS = new Set(['momentum', 'dampening', 'alpha', 'rho', 'betas']);

/**
 * A first axis for a newly picked path, `count` values: lr-like keys two decades either side of
 * the scene's value (log), momentum-like ones 0 to 0.99, start over the view, a function parameter
 * over its range, seeds 0 … count − 1. The reader edits it from there.
 */
export function axisFor(scene: Scene, path: string, count: number): Axis {
  const target = parseTarget(path);
  const linear = (from: number, to: number): Axis => ({ path, from, to, count, scale: 'linear' });
  if (typeof target === 'string') return linear(0, 1);
  switch (target.kind) {
    case 'start': {
      const [lo, hi] = target.element === 0 ? scene.view.x : scene.view.y;
      return linear(lo, hi);
    }
    case 'seed':
      return linear(0, count - 1);
    case 'sigma':
      return linear(0, 1);
    case 'param': {
      const p = getFunction(scene.fn.id)?.params[target.name];
      if (!p) return linear(0, 1);
      const log = p.min > 0 && p.max / p.min >= 100;
      return { path, from: p.min, to: p.max, count, scale: log ? 'log' : 'linear' };
    }
    case 'hyper': {
      if (UNIT_KEYS.has(target.key)) return linear(0, 0.99);
      const v = valueAt(scene, path) ?? 0;
      if (LOG_KEYS.has(target.key)) {
        const centre = v > 0 ? v : 1e-3;
        return { path, from: centre / 100, to: centre * 100, count, scale: 'log' };
      }
      return linear(0, v > 0 ? v * 10 : 0.1);
    }
  }
}
