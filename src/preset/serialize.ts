import { CUSTOM_ID, customStart, customView } from '../engine/expr/custom.ts';
import { userInputs } from '../engine/data/userModel.ts';
import { functionOf } from '../engine/functions/index.ts';
import { getOptimizer } from '../engine/optimizers/index.ts';
import type { Hyper, OptimizerEntry, Phase, Scene } from '../engine/scene.ts';
import type { Vec2 } from '../engine/types.ts';
import { defaultColor, defaultLabel } from './appearance.ts';
import { networkJson } from './network.ts';
import { rowsJson } from './rows.ts';
import { compactSweepJson, sweepPresetJson } from './sweepSerialize.ts';

/** A version-1 preset as JSON: optimizer hyperparameters sit beside `type`, as in torch's kwargs. */
export type PresetJson = Record<string, unknown>;

/**
 * The complete preset of a scene, every value explicit, so it reproduces the scene even if a later
 * version changes a default. A constant schedule is written by leaving `schedule` out.
 */
export function toPreset(scene: Scene): PresetJson {
  return {
    v: scene.v,
    fn: fnJson(scene.fn, { ...scene.fn.params }),
    // A network scene is seen on its runs' plane, whose view the page sets from the paths
    // (viewOfRuns) on every new plane: a view written here would be ignored when read.
    ...(scene.network ? {} : { view: viewJson(scene.view) }),
    start: [...scene.start],
    steps: scene.steps,
    noise: { ...scene.noise },
    optimizers: scene.optimizers.map((o) => ({
      ...settingsJson(o, false),
      ...(o.phases
        ? { phases: o.phases.map((p) => ({ from: p.from, ...settingsJson(p, false) })) }
        : {}),
      label: o.label,
      color: o.color,
    })),
    ...(scene.sweep ? { sweep: sweepPresetJson(scene.sweep) } : {}),
    ...(scene.network ? { network: networkJson(scene.network, false) } : {}),
  };
}

/**
 * The shortest preset that reads back as the same scene: every value equal to the default a
 * version-1 reader fills in is left out. For links, whose version pins those defaults.
 */
export function toCompactPreset(scene: Scene): PresetJson {
  const fn = functionOf(scene.fn);
  const params = Object.entries(scene.fn.params).filter(([k, v]) => fn?.params[k]?.default !== v);
  const { sigma, seed } = scene.noise;
  const defaults = scene.fn.id === CUSTOM_ID ? { view: customView, start: customStart } : fn;
  return {
    v: scene.v,
    fn: fnJson(scene.fn, params.length ? Object.fromEntries(params) : undefined),
    ...((defaults && sameBox(defaults.view, scene.view)) || scene.network
      ? {}
      : { view: viewJson(scene.view) }),
    ...(defaults && same(defaults.start, scene.start) ? {} : { start: [...scene.start] }),
    steps: scene.steps,
    ...(sigma === 0 && seed === 1 ? {} : { noise: { sigma, ...(seed === 1 ? {} : { seed }) } }),
    optimizers: scene.optimizers.map(compactOptimizer),
    ...(scene.sweep ? { sweep: compactSweepJson(scene.sweep, scene) } : {}),
    ...(scene.network ? { network: networkJson(scene.network, true) } : {}),
  };
}

const viewJson = (view: Scene['view']): PresetJson => ({ x: [...view.x], y: [...view.y] });

/** `fn` as JSON: a typed function carries its text and no parameters, a user's model its rows. */
function fnJson(fn: Scene['fn'], params: Record<string, number> | undefined): PresetJson {
  if (fn.id === CUSTOM_ID) return { id: fn.id, expr: fn.expr ?? '' };
  const inputs = userInputs(fn.id);
  const rows = fn.rows && inputs ? { rows: rowsJson(fn.rows, inputs) } : {};
  return { id: fn.id, ...(params ? { params } : {}), ...rows };
}

function compactOptimizer(o: OptimizerEntry, index: number): PresetJson {
  return {
    ...settingsJson(o, true),
    ...(o.phases
      ? { phases: o.phases.map((p) => ({ from: p.from, ...settingsJson(p, true) })) }
      : {}),
    ...(o.label === defaultLabel(o.type, o.hyper) ? {} : { label: o.label }),
    ...(o.color === defaultColor(index) ? {} : { color: o.color }),
  };
}

/**
 * An optimizer's or a phase's type, hyperparameters (without torch's defaults when `compact`) and
 * schedule (left out when constant).
 */
function settingsJson(o: Pick<Phase, 'type' | 'hyper' | 'schedule'>, compact: boolean): PresetJson {
  const spec = getOptimizer(o.type);
  const hyper = Object.entries(o.hyper).filter(
    ([k, v]) => !compact || !same(spec?.hyper[k]?.default, v),
  );
  return {
    type: o.type,
    ...Object.fromEntries(hyper.map(([k, v]) => [k, copy(v)])),
    ...(o.schedule.type === 'constant' ? {} : { schedule: { ...o.schedule } }),
  };
}

const copy = (v: Hyper[string]): Hyper[string] => (Array.isArray(v) ? [v[0], v[1]] : v);

function same(a: unknown, b: Hyper[string]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a[0] === b[0] && a[1] === b[1];
  return Object.is(a, b);
}

const sameBox = (a: { x: Vec2; y: Vec2 }, b: { x: Vec2; y: Vec2 }): boolean =>
  same(a.x, b.x) && same(a.y, b.y);
