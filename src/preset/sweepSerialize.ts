import type { Scene } from '../engine/scene.ts';
import { defaultMapAxes, defaultSweep } from '../engine/sweep/defaults.ts';
import type { Axis, SweepSpec } from '../engine/sweep/types.ts';

type Json = Record<string, unknown>;

/** The sweep as preset JSON, every value explicit. */
export function sweepPresetJson(spec: SweepSpec): Json {
  return {
    view: spec.view,
    map: { axes: spec.map.axes.map(axisJson), optimizer: spec.map.optimizer },
    curves: { axis: axisJson(spec.curves.axis) },
    basins: { ...spec.basins },
    seeds: { ...spec.seeds },
    metric: spec.metric,
    tol: spec.tol,
  };
}

/**
 * The shortest `sweep` that reads back (over the same scene) as `spec`: values equal to
 * `defaultSweep(scene)` are left out, an axis on the default's path gives only what differs. An
 * all-default sweep is `{}`: it still says that a sweep is open.
 */
export function compactSweepJson(spec: SweepSpec, scene: Scene): Json {
  const d = defaultSweep(scene);
  const { optimizer } = spec.map;
  const mapAxes = defaultMapAxes(scene, optimizer);
  const axes = spec.map.axes.map((a, i) => compactAxis(a, mapAxes[i]!));
  const map = {
    ...(axes.every((a) => a === undefined) ? {} : { axes: axes.map((a) => a ?? {}) }),
    ...(optimizer === d.map.optimizer ? {} : { optimizer }),
  };
  const curves = compactAxis(spec.curves.axis, d.curves.axis);
  const basins = differences(spec.basins, d.basins);
  const seeds = differences(spec.seeds, d.seeds);
  return {
    ...(spec.view === d.view ? {} : { view: spec.view }),
    ...(Object.keys(map).length ? { map } : {}),
    ...(curves ? { curves: { axis: curves } } : {}),
    ...(basins ? { basins } : {}),
    ...(seeds ? { seeds } : {}),
    ...(spec.metric === d.metric ? {} : { metric: spec.metric }),
    ...(Object.is(spec.tol, d.tol) ? {} : { tol: spec.tol }),
  };
}

const axisJson = (a: Axis): Json => ({
  path: a.path,
  from: a.from,
  to: a.to,
  count: a.count,
  scale: a.scale,
});

/**
 * An axis against the default in its place: undefined when equal; what differs when on the same
 * path; else the axis standing alone (its count only when not the default's, scale only when log).
 */
function compactAxis(a: Axis, d: Axis): Json | undefined {
  if (a.path !== d.path) {
    return {
      path: a.path,
      from: a.from,
      to: a.to,
      ...(a.count === d.count ? {} : { count: a.count }),
      ...(a.scale === 'linear' ? {} : { scale: a.scale }),
    };
  }
  return differences(a, d);
}

/** The entries of `a` that differ from `d`'s, or undefined when none do. */
function differences<T extends object>(a: T, d: T): Json | undefined {
  const entries = Object.entries(a).filter(([k, v]) => !Object.is(v, d[k as keyof T]));
  return entries.length ? Object.fromEntries(entries) : undefined;
}
