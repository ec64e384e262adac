import { CUSTOM_ID, customStart, customView } from '../engine/expr/custom.ts';
import { MAX_EXPR_CHARS } from '../engine/expr/limits.ts';
import { userInputs } from '../engine/data/userModel.ts';
import { functionOf, getFunction } from '../engine/functions/index.ts';
import type { Range } from '../engine/optimizers/index.ts';
import type { Scene } from '../engine/scene.ts';
import type { Box, Vec2 } from '../engine/types.ts';
import { describe } from './describe.ts';
import { isObject, own, type Json } from './json.ts';
import { MAX_COORD, MAX_STEPS } from './limits.ts';
import { networkWorkProblem, readNetwork } from './network.ts';
import { readOptimizers } from './optimizers.ts';
import { readRows } from './rows.ts';
import { readSweep } from './sweep.ts';

/** The preset format version this code writes. */
export const PRESET_VERSION = 1;

/** One problem of a preset: the field's path (`optimizers[1].betas[0]`), or an unknown key in it. */
export interface Problem {
  /** Where: a path of schema names and indices; "" for the preset itself. */
  readonly path: string;
  /** Set when the problem is this key of `path`, which the schema does not know. */
  readonly unknownKey?: string;
  /** The message, path included, as in `errors`. */
  readonly message: string;
}

/** The outcome of reading a preset: a scene, or every problem found, each naming its field. */
export type ParseResult =
  | { readonly ok: true; readonly scene: Scene }
  | {
      readonly ok: false;
      readonly errors: readonly string[];
      readonly problems: readonly Problem[];
    };

/** A preset that failed validation; `errors` name the fields. */
export class PresetError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(errors.length === 1 ? errors[0] : `${errors.length} problems: ${errors.join('; ')}`);
    this.name = 'PresetError';
  }
}

/** How to read a preset. */
export interface ParseOptions {
  /**
   * Checks a typed function (`fn.expr`): why it is refused, or null. Injected, so this module does
   * not load the compiler; without it only the text's shape (a string, at most 500 characters) is
   * checked, and whoever compiles the function reports what is wrong with it.
   */
  readonly checkExpression?: (expr: string) => string | null;
}

/** Validates untrusted JSON as a version-1 preset and fills in every default. Never throws. */
export function parsePreset(input: unknown, options: ParseOptions = {}): ParseResult {
  const r = new Reader(options);
  const scene = readScene(r, input);
  return scene && r.problems.length === 0
    ? { ok: true, scene }
    : { ok: false, errors: r.problems.map((p) => p.message), problems: r.problems };
}

/** Like `parsePreset`, but throws a PresetError. */
export function sceneFromPreset(input: unknown, options: ParseOptions = {}): Scene {
  const result = parsePreset(input, options);
  if (!result.ok) throw new PresetError(result.errors);
  return result.scene;
}

/** Parses preset JSON text; malformed JSON is reported like any other error. */
export function parsePresetText(text: string, options: ParseOptions = {}): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = `invalid JSON: ${(e as Error).message}`;
    return { ok: false, errors: [message], problems: [{ path: '', message }] };
  }
  return parsePreset(json, options);
}

/** Collects errors with their field paths. */
export class Reader {
  readonly problems: Problem[] = [];

  constructor(readonly options: ParseOptions = {}) {}

  fail(path: string, message: string): undefined {
    this.problems.push({ path, message: path ? `${path} ${message}` : message });
    return undefined;
  }

  object(path: string, value: unknown, allowed: readonly string[]): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(path, `must be an object, got ${describe(value)}`);
    }
    const obj = value as Json;
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const where = path ? `${path}: ` : '';
        const message = `${where}unknown key ${describe(key)} (allowed: ${allowed.join(', ')})`;
        this.problems.push({ path, unknownKey: key, message });
      }
    }
    return obj;
  }

  number(path: string, value: unknown, range: Range & { integer?: boolean }): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.fail(path, `must be a finite number, got ${describe(value)}`);
    }
    const integer = range.integer === true;
    if ((integer && !Number.isInteger(value)) || !inRange(value, range)) {
      const kind = integer ? 'an integer ' : '';
      return this.fail(path, `must be ${kind}${rangeText(range)}, got ${value}`);
    }
    // −0 becomes 0: JSON writes both as 0, and a link must give the same scene as its file.
    return value === 0 ? 0 : value;
  }

  /** One of `options`, or `fallback` when the value is absent. */
  oneOf<T extends string>(
    path: string,
    value: unknown,
    options: readonly T[],
    fallback: T,
  ): T | undefined {
    if (value === undefined) return fallback;
    return options.includes(value as T)
      ? (value as T)
      : this.fail(path, `must be one of ${options.join(', ')}, got ${describe(value)}`);
  }

  boolean(path: string, value: unknown): boolean | undefined {
    return typeof value === 'boolean'
      ? value
      : this.fail(path, `must be true or false, got ${describe(value)}`);
  }

  pair(path: string, value: unknown, range: Range): Vec2 | undefined {
    if (!Array.isArray(value) || value.length !== 2) {
      return this.fail(path, `must be a pair [a, b], got ${describe(value)}`);
    }
    const a = this.number(`${path}[0]`, value[0], range);
    const b = this.number(`${path}[1]`, value[1], range);
    return a === undefined || b === undefined ? undefined : [a, b];
  }

  interval(path: string, value: unknown): Vec2 | undefined {
    const pair = this.pair(path, value, { min: -MAX_COORD, max: MAX_COORD });
    if (pair && !(pair[0] < pair[1]))
      return this.fail(path, `must be [min, max] with min < max, got [${pair.join(', ')}]`);
    return pair;
  }
}

function readScene(r: Reader, input: unknown): Scene | undefined {
  const keys = ['v', 'fn', 'view', 'start', 'steps', 'noise', 'optimizers', 'sweep', 'network'];
  const obj = r.object('', input, keys);
  if (!obj) return undefined;
  const v = own(obj, 'v');
  if (v === undefined)
    return r.fail('v', `is required (the preset format version, ${PRESET_VERSION})`);
  if (typeof v === 'number' && Number.isInteger(v) && v > PRESET_VERSION) {
    return r.fail(
      'v',
      `is ${v}: this preset comes from a newer Descent Lab (this one reads version ${PRESET_VERSION})`,
    );
  }
  if (v !== PRESET_VERSION) return r.fail('v', `must be ${PRESET_VERSION}, got ${describe(v)}`);

  const fn = readFunction(r, own(obj, 'fn'));
  const fnSpec =
    fn?.id === CUSTOM_ID ? { view: customView, start: customStart } : fn && functionOf(fn);
  const viewIn = own(obj, 'view');
  const view = viewIn === undefined ? fnSpec?.view : readView(r, viewIn);
  const startIn = own(obj, 'start');
  const coord = { min: -MAX_COORD, max: MAX_COORD };
  const start = startIn === undefined ? fnSpec?.start : r.pair('start', startIn, coord);
  const stepsIn = own(obj, 'steps');
  const steps =
    stepsIn === undefined
      ? r.fail('steps', `is required (an integer in [1, ${MAX_STEPS}])`)
      : r.number('steps', stepsIn, { integer: true, min: 1, max: MAX_STEPS });
  const noise = readNoise(r, own(obj, 'noise'));
  const optimizers = readOptimizers(r, own(obj, 'optimizers'), steps);
  if (!fn || !view || !start || steps === undefined || !noise || !optimizers) return undefined;
  const networkIn = own(obj, 'network');
  const network =
    networkIn === undefined ? undefined : readNetwork(r, networkIn, optimizers.length);
  if (networkIn !== undefined && !network) return undefined;
  const work = network && networkWorkProblem(network, optimizers.length, steps);
  if (work) return r.fail('network', work);
  const scene: Scene = {
    v: 1,
    fn,
    view,
    start,
    steps,
    noise,
    optimizers,
    ...(network ? { network } : {}),
  };
  // The sweep's defaults and checks depend on the rest of the scene, so it is read last.
  const sweepIn = own(obj, 'sweep');
  if (sweepIn === undefined) return scene;
  const sweep = readSweep(r, sweepIn, scene);
  return sweep && { ...scene, sweep };
}

function readFunction(r: Reader, value: unknown): Scene['fn'] | undefined {
  if (value === undefined) return r.fail('fn', 'is required, e.g. {"id": "rosenbrock"}');
  const id = isObject(value) ? own(value, 'id') : undefined;
  if (id === CUSTOM_ID) return readCustom(r, value as Json);
  const inputs = typeof id === 'string' ? userInputs(id) : undefined;
  const obj = r.object('fn', value, inputs ? ['id', 'params', 'rows'] : ['id', 'params']);
  if (!obj) return undefined;
  const known = typeof id === 'string' ? getFunction(id) : undefined;
  if (!known) return r.fail('fn.id', `must be a known function id, got ${describe(id)}`);
  // A model of the user's data reads its rows first: its checks and defaults depend on them.
  const rows = inputs && readRows(r, known.id, own(obj, 'rows'), inputs);
  if (inputs && !rows) return undefined;
  const spec = rows ? functionOf({ id: known.id, rows })! : known;
  const paramsIn = own(obj, 'params') ?? {};
  const names = Object.keys(spec.params);
  const given = r.object('fn.params', paramsIn, names);
  if (!given) return undefined;
  const params: Record<string, number> = {};
  for (const name of names) {
    const p = spec.params[name]!;
    const raw = own(given, name);
    const value = raw === undefined ? p.default : r.number(`fn.params.${name}`, raw, p);
    if (value !== undefined) params[name] = value;
  }
  // Parameters that are each valid may still not go together (a batch larger than the data).
  const problem = Object.keys(params).length === names.length ? spec.check?.(params) : null;
  if (problem) return r.fail(`fn.params.${problem.key}`, problem.message);
  return { id: spec.id, params, ...(rows ? { rows } : {}) };
}

function readCustom(r: Reader, value: Json): Scene['fn'] | undefined {
  const obj = r.object('fn', value, ['id', 'expr'])!;
  const expr = own(obj, 'expr');
  if (expr === undefined)
    return r.fail('fn.expr', 'is required for a custom function, e.g. "x^2 + y^2"');
  if (typeof expr !== 'string' || expr.length > MAX_EXPR_CHARS) {
    return r.fail(
      'fn.expr',
      `must be a text of at most ${MAX_EXPR_CHARS} characters, got ${describe(expr)}`,
    );
  }
  const problem = r.options.checkExpression?.(expr) ?? null;
  if (problem !== null) return r.fail('fn.expr', `is not a valid function: ${problem}`);
  return { id: CUSTOM_ID, params: {}, expr };
}

function readView(r: Reader, value: unknown): Box | undefined {
  const obj = r.object('view', value, ['x', 'y']);
  if (!obj) return undefined;
  const x = r.interval('view.x', own(obj, 'x'));
  const y = r.interval('view.y', own(obj, 'y'));
  return x && y ? { x, y } : undefined;
}

function readNoise(r: Reader, value: unknown): Scene['noise'] | undefined {
  if (value === undefined) return { sigma: 0, seed: 1 };
  const obj = r.object('noise', value, ['sigma', 'seed']);
  if (!obj) return undefined;
  const sigmaIn = own(obj, 'sigma');
  const seedIn = own(obj, 'seed');
  const sigma = sigmaIn === undefined ? 0 : r.number('noise.sigma', sigmaIn, { min: 0, max: 1e6 });
  const seed =
    seedIn === undefined
      ? 1
      : r.number('noise.seed', seedIn, { integer: true, min: 0, max: 2 ** 32 - 1 });
  return sigma === undefined || seed === undefined ? undefined : { sigma, seed };
}

/**
 * Why a typed number is refused for a field with this range ("must be in [0, 1), got 1.5"), or
 * null when it is acceptable. Controls use it so typed values are validated, not clamped.
 */
export function numberProblem(value: number, range: Range & { integer?: boolean }): string | null {
  const r = new Reader();
  return r.number('', value, range) === undefined ? (r.problems[0]?.message ?? null) : null;
}

function inRange(v: number, { min, max, openMin, openMax }: Range): boolean {
  if (min !== undefined && (openMin ? v <= min : v < min)) return false;
  if (max !== undefined && (openMax ? v >= max : v > max)) return false;
  return true;
}

/** "in [0, 1)", "≥ 0", "> 0", "≤ 10". */
function rangeText({ min, max, openMin, openMax }: Range): string {
  if (min !== undefined && max !== undefined)
    return `in ${openMin ? '(' : '['}${min}, ${max}${openMax ? ')' : ']'}`;
  if (min !== undefined) return `${openMin ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `${openMax ? '<' : '≤'} ${max}`;
  return 'a number';
}
