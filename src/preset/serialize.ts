import type { Scene } from '../engine/scene.ts';

/** A version-1 preset as JSON: optimizer hyperparameters sit beside `type`, as in torch's kwargs. */
export type PresetJson = Record<string, unknown>;

/**
 * The complete preset of a scene, every value explicit, so it reproduces the scene even if a later
 * version changes a default. A constant schedule is written by leaving `schedule` out.
 */
export function toPreset(scene: Scene): PresetJson {
  return {
    v: scene.v,
    fn: { id: scene.fn.id, params: { ...scene.fn.params } },
    view: { x: [...scene.view.x], y: [...scene.view.y] },
    start: [...scene.start],
    steps: scene.steps,
    noise: { ...scene.noise },
    optimizers: scene.optimizers.map((o) => ({
      type: o.type,
      ...Object.fromEntries(
        Object.entries(o.hyper).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
      ),
      ...(o.schedule.type === 'constant' ? {} : { schedule: { ...o.schedule } }),
      label: o.label,
      color: o.color,
    })),
  };
}
