import { functionOf } from '../functions/index.ts';
import { getOptimizer } from '../optimizers/index.ts';
import { inRange, rangeText, type Range } from '../optimizers/spec.ts';
import type { Scene } from '../scene.ts';
import { axisValues } from './axis.ts';
import { MAX_COORD, MAX_SEED, MAX_SIGMA, MAX_SWEEP_AXIS } from './limits.ts';
import type { Axis } from './types.ts';

/** What an axis path names: one number of the scene (or the same number of every optimizer). */
export type Target =
  | {
      readonly kind: 'hyper';
      /** An optimizer index, or 'all' for `optimizers[*]`. */
      readonly optimizer: number | 'all';
      readonly key: string;
      /** The element of a pair hyperparameter (`betas[0]`), null for a number. */
      readonly element: 0 | 1 | null;
    }
  | { readonly kind: 'start'; readonly element: 0 | 1 }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'seed' }
  | { readonly kind: 'sigma' };

const HYPER = /^optimizers\[(0|[1-9]\d{0,5}|\*)\]\.([a-z_]\w{0,39})(?:\[([01])\])?$/;
const START = /^start\[([01])\]$/;
const PARAM = /^fn\.params\.([A-Za-z_]\w{0,39})$/;

const EXAMPLES =
  'optimizers[0].lr, optimizers[*].lr, optimizers[0].betas[0], start[0], start[1], fn.params.<name>, noise.seed or noise.sigma';

/** The target of a path written as in error messages, or why it is not understood. */
export function parseTarget(path: string): Target | string {
  const hyper = HYPER.exec(path);
  if (hyper) {
    const [, index, key, element] = hyper;
    return {
      kind: 'hyper',
      optimizer: index === '*' ? 'all' : Number(index),
      key: key!,
      element: element === undefined ? null : element === '0' ? 0 : 1,
    };
  }
  const start = START.exec(path);
  if (start) return { kind: 'start', element: start[1] === '0' ? 0 : 1 };
  const param = PARAM.exec(path);
  if (param) return { kind: 'param', name: param[1]! };
  if (path === 'noise.seed') return { kind: 'seed' };
  if (path === 'noise.sigma') return { kind: 'sigma' };
  const shown = JSON.stringify(path.length > 60 ? `${path.slice(0, 57)}...` : path);
  return `must name a number of the scene (${EXAMPLES}), got ${shown}`;
}

/** One number a target writes, with the values it accepts. */
interface Field {
  /** Its path in one scene, e.g. `optimizers[1].betas[0]`. */
  readonly label: string;
  readonly range: Range & { readonly integer?: boolean };
  /** The optimizer it belongs to, for torch's cross-field rules. */
  readonly optimizer?: number;
}

/** The numbers a target names in `scene`, or why it names none. */
function fieldsOf(scene: Scene, target: Target): Field[] | string {
  switch (target.kind) {
    case 'start':
      return [{ label: `start[${target.element}]`, range: { min: -MAX_COORD, max: MAX_COORD } }];
    case 'seed':
      return [{ label: 'noise.seed', range: { min: 0, max: MAX_SEED, integer: true } }];
    case 'sigma':
      return [{ label: 'noise.sigma', range: { min: 0, max: MAX_SIGMA } }];
    case 'param': {
      const spec = functionOf(scene.fn);
      const param = spec?.params[target.name];
      if (!spec || !param || !Object.hasOwn(spec.params, target.name)) {
        const names = spec ? Object.keys(spec.params) : [];
        const has = names.length ? `its parameters: ${names.join(', ')}` : 'it has no parameters';
        return `names fn.params.${target.name}, which the function ${scene.fn.id} lacks (${has})`;
      }
      const range = { min: param.min, max: param.max, ...(param.integer ? { integer: true } : {}) };
      return [{ label: `fn.params.${target.name}`, range }];
    }
    case 'hyper': {
      const n = scene.optimizers.length;
      if (target.optimizer !== 'all' && target.optimizer >= n)
        return `names optimizers[${target.optimizer}], but the scene has ${n} optimizer${n === 1 ? '' : 's'}`;
      const indices = target.optimizer === 'all' ? [...Array(n).keys()] : [target.optimizer];
      const fields: Field[] = [];
      for (const i of indices) {
        const field = hyperField(scene, i, target.key, target.element);
        if (typeof field === 'string') return field;
        fields.push(field);
      }
      return fields;
    }
  }
}

function hyperField(scene: Scene, i: number, key: string, element: 0 | 1 | null): Field | string {
  const type = scene.optimizers[i]!.type;
  const spec = getOptimizer(type)!;
  const hs = Object.hasOwn(spec.hyper, key) ? spec.hyper[key] : undefined;
  if (hs?.kind === 'pair' && element === null)
    return `names optimizers[${i}].${key}, a pair: write ${key}[0] or ${key}[1]`;
  if (hs?.kind === 'number' && element !== null)
    return `names optimizers[${i}].${key}[${element}], but ${key} is a single number`;
  if (hs === undefined || hs.kind === 'boolean') {
    const numbers = Object.entries(spec.hyper).flatMap(([k, h]) =>
      h.kind === 'number' ? [k] : h.kind === 'pair' ? [`${k}[0]`, `${k}[1]`] : [],
    );
    return `names optimizers[${i}].${key}${element === null ? '' : `[${element}]`}, which is not a number of ${spec.name} (its numbers: ${numbers.join(', ')})`;
  }
  const label = `optimizers[${i}].${key}${element === null ? '' : `[${element}]`}`;
  return { label, range: hs.kind === 'pair' ? hs.range : hs, optimizer: i };
}

/**
 * Why `scene` cannot be swept, or null: a sweep varies the runs of the scene's 2-D function, and a
 * scene that trains a network shows the network's runs instead, so its sweep would answer another
 * question than the one on screen.
 */
export function sweepSceneProblem(scene: Pick<Scene, 'network'>): string | null {
  return scene.network
    ? 'sweeps vary runs on the 2-D functions, and this scene trains a network (its "network" field): ' +
        'remove the network to sweep its function'
    : null;
}

/**
 * Every problem of an axis over `scene`, each a whole message starting with `where` (a preset path
 * such as `sweep.map.axes[0]`, or how the command line names it): an unknown path, an optimizer
 * that is not there or lacks that number, a bad count or range, a log scale through zero, values
 * outside what the field accepts, non-integer seeds, and values torch's cross-field rules refuse.
 */
export function checkAxis(scene: Scene, axis: Axis, where: string): string[] {
  const problems: string[] = [];
  const target = parseTarget(axis.path);
  const fields = typeof target === 'string' ? target : fieldsOf(scene, target);
  if (typeof fields === 'string') problems.push(`${where}.path ${fields}`);
  const { from, to, count, scale } = axis;
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_SWEEP_AXIS))
    problems.push(`${where}.count must be an integer in [1, ${MAX_SWEEP_AXIS}], got ${count}`);
  if (!Number.isFinite(from)) problems.push(`${where}.from must be a finite number, got ${from}`);
  if (!Number.isFinite(to)) problems.push(`${where}.to must be a finite number, got ${to}`);
  else if (count > 1 && Number.isFinite(from) && !(from < to))
    problems.push(`${where}.to must be greater than from (${from}), got ${to}`);
  if (scale === 'log' && Number.isFinite(from) && !(from > 0))
    problems.push(`${where}.from must be > 0 on a log scale, got ${from}`);
  if (problems.length > 0 || typeof fields === 'string' || typeof target === 'string')
    return problems;
  const values = axisValues(axis);
  for (const field of fields) {
    // The ends first: a range only the middle values leave (by rounding) is named last.
    const last = count - 1;
    const bad = !inRange(values[0]!, field.range)
      ? 0
      : !inRange(values[last]!, field.range)
        ? last
        : values.findIndex((v) => !inRange(v, field.range));
    if (bad >= 0) {
      const end = bad === 0 ? `${where}.from` : bad === last ? `${where}.to` : null;
      const must = `must be ${rangeText(field.range)} for ${field.label}`;
      problems.push(
        end ? `${end} ${must}, got ${values[bad]}` : `${where} gives ${values[bad]}, which ${must}`,
      );
      continue;
    }
    const fraction = field.range.integer ? values.find((v) => !Number.isInteger(v)) : undefined;
    if (fraction !== undefined) {
      problems.push(
        `${where} gives ${field.label} = ${fraction}, which must be an integer: choose from, to and count so that (to − from)/(count − 1) is whole, on a linear scale`,
      );
      continue;
    }
    const refusal =
      field.optimizer !== undefined
        ? crossField(scene, field, target, values)
        : target.kind === 'param'
          ? paramsTogether(scene, target.name, values)
          : null;
    if (refusal) problems.push(`${where} ${refusal}`);
  }
  return problems;
}

/** The function's rule across its parameters (a batch no larger than the training set) for each value. */
function paramsTogether(scene: Scene, name: string, values: Float64Array): string | null {
  const check = functionOf(scene.fn)?.check;
  if (!check) return null;
  for (const v of values) {
    const problem = check({ ...scene.fn.params, [name]: v });
    if (problem)
      return `gives fn.params.${name} = ${v}, where fn.params.${problem.key} ${problem.message}`;
  }
  return null;
}

/** torch's rules across hyperparameters (e.g. Nesterov needs momentum) for each value written. */
function crossField(
  scene: Scene,
  field: Field,
  target: Target,
  values: Float64Array,
): string | null {
  const i = field.optimizer!;
  const spec = getOptimizer(scene.optimizers[i]!.type)!;
  if (!spec.check || target.kind !== 'hyper') return null;
  for (const v of values) {
    const hyper = writeHyper(scene.optimizers[i]!.hyper, target.key, target.element, v);
    const problem = spec.check(hyper);
    if (problem)
      return `gives ${field.label} = ${v}, which torch refuses: optimizers[${i}].${problem.key}: ${problem.message}`;
  }
  return null;
}

/** `hyper` with `key` (or one element of the pair `key`) set to v. */
export function writeHyper(
  hyper: Scene['optimizers'][number]['hyper'],
  key: string,
  element: 0 | 1 | null,
  v: number,
): Scene['optimizers'][number]['hyper'] {
  if (element === null) return { ...hyper, [key]: v };
  const pair = hyper[key] as readonly [number, number];
  return { ...hyper, [key]: element === 0 ? [v, pair[1]] : [pair[0], v] };
}
