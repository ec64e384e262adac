import type { Scene } from '../engine/scene.ts';
import { defaultMapAxes, defaultSweep } from '../engine/sweep/defaults.ts';
import { cellCount } from '../engine/sweep/axis.ts';
import { checkAxis } from '../engine/sweep/target.ts';
import type { Axis, AxisScale, Metric, SweepSpec, SweepView } from '../engine/sweep/types.ts';
import { MAX_BASIN_RESOLUTION, MAX_SEEDS, MIN_BASIN_RESOLUTION } from './limits.ts';
import { describe } from './describe.ts';
import type { Reader } from './schema.ts';
import { workProblem } from './sweepWork.ts';

type Json = Record<string, unknown>;

/** The views, metrics and scales a preset may name. */
export const SWEEP_VIEWS: readonly SweepView[] = ['map', 'curves', 'basins', 'seeds'];
export const METRICS: readonly Metric[] = ['final_loss', 'best_loss', 'steps_to_tol'];
export const SCALES: readonly AxisScale[] = ['linear', 'log'];

const own = (obj: Json, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

/**
 * Reads the preset's `sweep` field over an already read scene. Every key is optional and defaults
 * to `defaultSweep(scene)`; the map's default axes follow its `optimizer`. An axis without `path`
 * adjusts the default axis in its place; an axis that names its `path` stands alone: it gives
 * `from` and `to`, its `count` defaults to the default axis's and its `scale` to linear. Axes are
 * checked against the scene by the engine's `checkAxis`; each view's work against the caps.
 */
export function readSweep(r: Reader, value: unknown, scene: Scene): SweepSpec | undefined {
  const keys = ['view', 'map', 'curves', 'basins', 'seeds', 'metric', 'tol'];
  const obj = r.object('sweep', value, keys);
  if (!obj) return undefined;
  const d = defaultSweep(scene);
  const view = r.oneOf('sweep.view', own(obj, 'view'), SWEEP_VIEWS, d.view);
  const map = readMap(r, own(obj, 'map'), scene);
  const curves = readCurves(r, own(obj, 'curves'), scene, d.curves.axis);
  const basins = readBasins(r, own(obj, 'basins'), scene, d.basins);
  const seeds = readSeeds(r, own(obj, 'seeds'), scene, d.seeds);
  const metric = r.oneOf('sweep.metric', own(obj, 'metric'), METRICS, d.metric);
  const tolIn = own(obj, 'tol');
  const tol = tolIn === undefined ? d.tol : r.number('sweep.tol', tolIn, { min: 0 });
  if (!view || !map || !curves || !basins || !seeds || !metric || tol === undefined) return;
  return { view, map, curves, basins, seeds, metric, tol };
}

function readMap(r: Reader, value: unknown, scene: Scene): SweepSpec['map'] | undefined {
  const obj = value === undefined ? {} : r.object('sweep.map', value, ['axes', 'optimizer']);
  if (!obj) return undefined;
  const optimizer = readOptimizerIndex(r, 'sweep.map.optimizer', own(obj, 'optimizer'), scene);
  if (optimizer === undefined) return undefined;
  const defaults = defaultMapAxes(scene, optimizer);
  const given = own(obj, 'axes');
  const axesIn = given === undefined ? [{}, {}] : given;
  if (!Array.isArray(axesIn) || axesIn.length !== 2) {
    const n = Array.isArray(axesIn) ? axesIn.length : -1;
    const got = n < 0 ? describe(axesIn) : `${n} ${n === 1 ? 'axis' : 'axes'}`;
    return r.fail('sweep.map.axes', `must be a list of 2 axes, got ${got}`);
  }
  const a = readAxis(r, 'sweep.map.axes[0]', axesIn[0], defaults[0], scene, optimizer);
  const b = readAxis(r, 'sweep.map.axes[1]', axesIn[1], defaults[1], scene, optimizer);
  if (!a || !b) return undefined;
  const axes = [a, b] as const;
  const problem = workProblem(cellCount(axes), 1, scene.steps);
  return problem ? r.fail('sweep.map', problem) : { axes, optimizer };
}

function readCurves(
  r: Reader,
  value: unknown,
  scene: Scene,
  fallback: Axis,
): SweepSpec['curves'] | undefined {
  const obj = value === undefined ? {} : r.object('sweep.curves', value, ['axis']);
  if (!obj) return undefined;
  const given = own(obj, 'axis');
  const axis = readAxis(r, 'sweep.curves.axis', given === undefined ? {} : given, fallback, scene);
  if (!axis) return undefined;
  const problem = workProblem(axis.count, scene.optimizers.length, scene.steps);
  return problem ? r.fail('sweep.curves', problem) : { axis };
}

function readBasins(
  r: Reader,
  value: unknown,
  scene: Scene,
  d: SweepSpec['basins'],
): SweepSpec['basins'] | undefined {
  const obj =
    value === undefined ? {} : r.object('sweep.basins', value, ['resolution', 'optimizer']);
  if (!obj) return undefined;
  const resIn = own(obj, 'resolution');
  const range = { integer: true, min: MIN_BASIN_RESOLUTION, max: MAX_BASIN_RESOLUTION };
  const resolution =
    resIn === undefined ? d.resolution : r.number('sweep.basins.resolution', resIn, range);
  const optimizer = readOptimizerIndex(r, 'sweep.basins.optimizer', own(obj, 'optimizer'), scene);
  if (resolution === undefined || optimizer === undefined) return undefined;
  const problem = workProblem(resolution * resolution, 1, scene.steps);
  return problem ? r.fail('sweep.basins', problem) : { resolution, optimizer };
}

function readSeeds(
  r: Reader,
  value: unknown,
  scene: Scene,
  d: SweepSpec['seeds'],
): SweepSpec['seeds'] | undefined {
  const obj = value === undefined ? {} : r.object('sweep.seeds', value, ['count']);
  if (!obj) return undefined;
  const countIn = own(obj, 'count');
  const count =
    countIn === undefined
      ? d.count
      : r.number('sweep.seeds.count', countIn, { integer: true, min: 1, max: MAX_SEEDS });
  if (count === undefined) return undefined;
  const problem = workProblem(count, scene.optimizers.length, scene.steps);
  return problem ? r.fail('sweep.seeds', problem) : { count };
}

/** Which of the scene's optimizers a view runs: an index, 0 when absent. */
function readOptimizerIndex(r: Reader, path: string, value: unknown, scene: Scene) {
  if (value === undefined) return 0;
  const last = scene.optimizers.length - 1;
  return r.number(path, value, { integer: true, min: 0, max: last });
}

/** One axis: its shape here, its meaning (path, range, count, scale) checked by `checked`. */
function readAxis(
  r: Reader,
  where: string,
  value: unknown,
  fallback: Axis,
  scene: Scene,
  runs?: number,
): Axis | undefined {
  const obj = r.object(where, value, ['path', 'from', 'to', 'count', 'scale']);
  if (!obj) return undefined;
  const pathIn = own(obj, 'path');
  if (pathIn !== undefined && typeof pathIn !== 'string')
    return r.fail(
      `${where}.path`,
      `must be a text such as "optimizers[0].lr", got ${describe(pathIn)}`,
    );
  // An axis that names its path stands alone; one that does not adjusts the default.
  const alone = pathIn !== undefined;
  const number = (key: 'from' | 'to' | 'count'): number | undefined => {
    const v = own(obj, key);
    if (v === undefined) {
      if (!alone || key === 'count') return fallback[key];
      return r.fail(`${where}.${key}`, `is required for an axis over ${describe(pathIn)}`);
    }
    // Only the type here: the range, count and scale are checkAxis's, as for the command line.
    return r.number(`${where}.${key}`, v, {});
  };
  const from = number('from');
  const to = number('to');
  const count = number('count');
  const scale = r.oneOf(
    `${where}.scale`,
    own(obj, 'scale'),
    SCALES,
    alone ? 'linear' : fallback.scale,
  );
  if (from === undefined || to === undefined || count === undefined || !scale) return undefined;
  const axis: Axis = { path: alone ? pathIn : fallback.path, from, to, count, scale };
  return checked(r, where, axis, scene, runs);
}

/**
 * The axis when the engine's checkAxis finds nothing wrong with it over `scene` (a default too: a
 * default centred on an extreme rate can leave the field's range) and, with `runs`, when an axis
 * over one optimizer is over that one.
 */
function checked(r: Reader, where: string, axis: Axis, scene: Scene, runs?: number) {
  const problems = checkAxis(scene, axis, where);
  for (const message of problems) r.problems.push({ path: where, message });
  if (problems.length > 0) return undefined;
  const other = runs === undefined ? null : otherOptimizer(axis.path, runs);
  if (other !== null) {
    return r.fail(
      `${where}.path`,
      `changes optimizers[${other}], but the map runs optimizer ${runs} (sweep.map.optimizer)`,
    );
  }
  return axis;
}

/** The optimizer index a path names when it is not `runs` (nor `*`), else null. */
function otherOptimizer(path: string, runs: number): number | null {
  const match = /^optimizers\[(\d+)\]/.exec(path);
  return match && Number(match[1]) !== runs ? Number(match[1]) : null;
}
