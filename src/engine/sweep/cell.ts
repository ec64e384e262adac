import type { Scene } from '../scene.ts';
import { axisValue, cellIndices } from './axis.ts';
import { parseTarget, writeHyper, type Target } from './target.ts';
import type { Axis } from './types.ts';

/** `scene` with the number `target` names set to v (every optimizer's for `optimizers[*]`). */
export function withValue(scene: Scene, target: Target, v: number): Scene {
  switch (target.kind) {
    case 'start':
      return { ...scene, start: target.element === 0 ? [v, scene.start[1]] : [scene.start[0], v] };
    case 'seed':
      return { ...scene, noise: { ...scene.noise, seed: v } };
    case 'sigma':
      return { ...scene, noise: { ...scene.noise, sigma: v } };
    case 'param':
      return { ...scene, fn: { ...scene.fn, params: { ...scene.fn.params, [target.name]: v } } };
    case 'hyper':
      return {
        ...scene,
        optimizers: scene.optimizers.map((entry, i) =>
          target.optimizer === 'all' || target.optimizer === i
            ? { ...entry, hyper: writeHyper(entry.hyper, target.key, target.element, v) }
            : entry,
        ),
      };
  }
}

/** The target of an axis the caller has checked (checkAxis); throws on a path it cannot read. */
export function targetOf(axis: Axis): Target {
  const target = parseTarget(axis.path);
  if (typeof target === 'string') throw new Error(`sweep axis path ${target}`);
  return target;
}

/** Cell `cell`'s own scene: the base scene with each axis's value written in. */
export function cellScene(scene: Scene, axes: readonly Axis[], cell: number): Scene {
  const at = new Int32Array(axes.length);
  cellIndices(axes, cell, at);
  return axes.reduce((s, axis, a) => withValue(s, targetOf(axis), axisValue(axis, at[a]!)), scene);
}
