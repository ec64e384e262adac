import {
  getOptimizer,
  optimizers,
  type HyperSpec,
  type OptimizerSpec,
} from '../engine/optimizers/index.ts';
import type { Hyper, OptimizerEntry, Phase, Schedule } from '../engine/scene.ts';
import { scheduleParams, type ScheduleParam } from '../engine/schedules.ts';
import type { Vec2 } from '../engine/types.ts';
import { defaultColor, defaultLabel } from './appearance.ts';
import { describe } from './describe.ts';
import { own, type Json } from './json.ts';
import { MAX_LABEL, MAX_OPTIMIZERS, MAX_PHASES, MAX_STEPS } from './limits.ts';
import type { Reader } from './schema.ts';

/** The `optimizers` list; `steps` (when valid) bounds each phase's `from`. */
export function readOptimizers(
  r: Reader,
  value: unknown,
  steps: number | undefined,
): OptimizerEntry[] | undefined {
  if (value === undefined) return r.fail('optimizers', 'is required: a list of 1 to 20 optimizers');
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_OPTIMIZERS) {
    const got = Array.isArray(value) ? `${value.length} entries` : describe(value);
    return r.fail('optimizers', `must be a list of 1 to ${MAX_OPTIMIZERS} optimizers, got ${got}`);
  }
  const entries = value.map((v, i) => readOptimizer(r, `optimizers[${i}]`, v, i, steps));
  return entries.every((e) => e !== undefined) ? entries : undefined;
}

/** What an entry and each of its phases hold: a type, its hyperparameters and a schedule. */
type Settings = Pick<Phase, 'type' | 'hyper' | 'schedule'>;

/**
 * An object's `type` and that type's spec; `extra` are the keys it may hold besides the type's
 * hyperparameters and `schedule`.
 */
function readSettings(
  r: Reader,
  path: string,
  value: unknown,
  extra: readonly string[],
): { obj: Json; settings: Settings | undefined } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return r.fail(path, `must be an object, got ${describe(value)}`);
  }
  const type = own(value as Json, 'type');
  const spec = typeof type === 'string' ? getOptimizer(type) : undefined;
  if (!spec) return r.fail(`${path}.type`, `must be one of ${knownTypes()}, got ${describe(type)}`);
  const names = Object.keys(spec.hyper);
  const obj = r.object(path, value, ['type', ...names, 'schedule', ...extra])!;
  const hyper = readHypers(r, path, obj, spec);
  const schedule = readSchedule(r, `${path}.schedule`, own(obj, 'schedule'));
  return { obj, settings: hyper && schedule && { type: spec.type, hyper, schedule } };
}

/** Every hyperparameter of `spec`, defaults filled in, checked together as torch would. */
function readHypers(r: Reader, path: string, obj: Json, spec: OptimizerSpec): Hyper | undefined {
  const hyper: Record<string, number | boolean | Vec2> = {};
  let complete = true;
  for (const [name, h] of Object.entries(spec.hyper)) {
    const raw = own(obj, name);
    const v = raw === undefined ? h.default : readHyper(r, `${path}.${name}`, raw, h);
    if (v === undefined) complete = false;
    else hyper[name] = v;
  }
  if (!complete) return undefined;
  const problem = spec.check?.(hyper);
  if (problem) return r.fail(`${path}.${problem.key}`, `is refused: ${problem.message}`);
  return hyper;
}

function readOptimizer(
  r: Reader,
  path: string,
  value: unknown,
  index: number,
  steps: number | undefined,
): OptimizerEntry | undefined {
  const read = readSettings(r, path, value, ['phases', 'label', 'color']);
  if (!read) return undefined;
  const { obj, settings } = read;
  const phasesIn = own(obj, 'phases');
  const phases = phasesIn === undefined ? null : readPhases(r, `${path}.phases`, phasesIn, steps);
  const labelIn = own(obj, 'label');
  const label =
    labelIn === undefined
      ? settings && defaultLabel(settings.type, settings.hyper)
      : readLabel(r, `${path}.label`, labelIn);
  const colorIn = own(obj, 'color');
  const color =
    colorIn === undefined ? defaultColor(index) : readColor(r, `${path}.color`, colorIn);
  if (!settings || phases === undefined || label === undefined || color === undefined)
    return undefined;
  return { ...settings, ...(phases ? { phases } : {}), label, color };
}

/**
 * The later phases: 1 to MAX_PHASES objects, each an optimizer's settings and `from`, the steps
 * taken before it starts, in 1…steps − 1 and strictly increasing.
 */
function readPhases(
  r: Reader,
  path: string,
  value: unknown,
  steps: number | undefined,
): Phase[] | undefined {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_PHASES) {
    const got = Array.isArray(value) ? `${value.length} entries` : describe(value);
    return r.fail(path, `must be a list of 1 to ${MAX_PHASES} phases, got ${got}`);
  }
  const out: Phase[] = [];
  let previous = 0;
  value.forEach((v, i) => {
    const at = `${path}[${i}]`;
    const read = readSettings(r, at, v, ['from']);
    if (!read) return;
    const from = readFrom(r, `${at}.from`, own(read.obj, 'from'), steps, previous, i);
    if (from !== undefined) previous = from;
    if (from !== undefined && read.settings) out.push({ from, ...read.settings });
  });
  return out.length === value.length ? out : undefined;
}

/** A phase's `from`: an integer step in 1…steps − 1, after the previous phase's. */
function readFrom(
  r: Reader,
  path: string,
  value: unknown,
  steps: number | undefined,
  previous: number,
  i: number,
): number | undefined {
  if (value === undefined)
    return r.fail(path, 'is required: the steps taken before this phase starts');
  if (steps === 1) return r.fail(path, 'cannot be set: a run of 1 step has no room for a phase');
  const from = r.number(path, value, { integer: true, min: 1, max: (steps ?? MAX_STEPS + 1) - 1 });
  if (from === undefined || i === 0 || from > previous) return from;
  const before = path.replace(/\[\d+\]\.from$/, `[${i - 1}].from`);
  return r.fail(path, `must be greater than ${before} (${previous}), got ${from}`);
}

function readHyper(
  r: Reader,
  path: string,
  value: unknown,
  spec: HyperSpec,
): number | boolean | Vec2 | undefined {
  switch (spec.kind) {
    case 'number':
      return r.number(path, value, spec);
    case 'boolean':
      return r.boolean(path, value);
    case 'pair':
      return r.pair(path, value, spec.range);
  }
}

function readSchedule(r: Reader, path: string, value: unknown): Schedule | undefined {
  if (value === undefined) return { type: 'constant' };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return r.fail(path, `must be an object, got ${describe(value)}`);
  }
  const type = own(value as Json, 'type');
  const types = Object.keys(scheduleParams);
  if (typeof type !== 'string' || !types.includes(type)) {
    return r.fail(`${path}.type`, `must be one of ${types.join(', ')}, got ${describe(type)}`);
  }
  const params = scheduleParams[type as Schedule['type']];
  const obj = r.object(path, value, ['type', ...Object.keys(params)])!;
  const out: Record<string, number | string> = { type };
  let complete = true;
  for (const [name, p] of Object.entries(params)) {
    const raw = own(obj, name);
    const v =
      raw === undefined
        ? (p.default ?? r.fail(`${path}.${name}`, `is required for a ${type} schedule`))
        : r.number(`${path}.${name}`, raw, p as ScheduleParam);
    if (v === undefined) complete = false;
    else out[name] = v;
  }
  return complete ? (out as unknown as Schedule) : undefined;
}

function readLabel(r: Reader, path: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_LABEL) {
    return r.fail(
      path,
      `must be a non-empty text of at most ${MAX_LABEL} characters, got ${describe(value)}`,
    );
  }
  return value;
}

function readColor(r: Reader, path: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) {
    return r.fail(path, `must be a colour like "#0072b2", got ${describe(value)}`);
  }
  const hex = value.toLowerCase();
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}

const knownTypes = (): string => optimizers.map((o) => o.type).join(', ');
