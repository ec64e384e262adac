import type { Scene } from '../engine/scene.ts';
import { defaultPreset, defaultScene } from './defaults.ts';
import { MAX_OPTIMIZERS } from './limits.ts';
import { parsePreset, PRESET_VERSION, type ParseOptions, type Problem } from './schema.ts';
import { repairSweep } from './sweepSalvage.ts';

/** A scene read from untrusted JSON as far as it is valid, and what was wrong with the rest. */
export interface Salvaged {
  readonly scene: Scene;
  /** What was wrong and what was done about it, for the reader; empty when the preset was valid. */
  readonly problems: readonly string[];
  /** True when nothing could be used and `scene` is the default scene. */
  readonly defaulted: boolean;
}

type Json = Record<string, unknown>;
type Token = string | number;

// Each pass settles every problem it sees; a value can only be dropped or defaulted once per
// field, so a handful of passes always suffices.
const MAX_PASSES = 8;
/** Unknown keys named one by one; past this a hostile link's thousands of keys get one line. */
const MAX_NAMED_KEYS = 50;

/**
 * Reads an untrusted preset leniently, as a link or saved scene needs: unknown keys are ignored
 * and named (a typo such as `weight_decy` must not pass unnoticed), a bad value falls back to its
 * default, a bad optimizer is left out, and a preset with nothing usable (or from a newer
 * version) gives the default scene. Never throws.
 */
export function salvagePreset(input: unknown, options: ParseOptions = {}): Salvaged {
  const first = parsePreset(input, options);
  if (first.ok) return { scene: first.scene, problems: [], defaulted: false };
  const fallback = (problems: readonly string[]): Salvaged => ({
    scene: defaultScene(),
    problems: [...problems, 'Showing the default scene instead.'],
    defaulted: true,
  });
  if (!isObject(input)) return fallback(first.errors);
  const v = input['v'];
  if (typeof v === 'number' && v > PRESET_VERSION) return fallback(first.errors);

  const json = plainCopy(input);
  json['v'] = PRESET_VERSION;
  const reported: string[] = [];
  let unknownKeys = 0;
  const done = (scene: Scene): Salvaged => {
    const unnamed = unknownKeys - MAX_NAMED_KEYS;
    const more = unnamed > 0 ? [`…and ${unnamed} more unknown fields (ignored)`] : [];
    return { scene, problems: [...reported, ...more], defaulted: false };
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = parsePreset(json, options);
    if (result.ok) return done(result.scene);
    const removals: number[] = [];
    for (const problem of result.problems) {
      if (problem.unknownKey !== undefined) {
        removeKey(json, tokens(problem.path), problem.unknownKey);
        if (++unknownKeys <= MAX_NAMED_KEYS) {
          reported.push(
            `${fieldPath(problem.path, problem.unknownKey)} is not a known field (ignored)`,
          );
        }
        continue;
      }
      reported.push(`${problem.message} (${repair(json, problem, removals)})`);
    }
    // Left-out optimizers go last and from the back, so the other paths of this pass still hold.
    const list = json['optimizers'];
    if (Array.isArray(list)) {
      for (const i of [...new Set(removals)].sort((a, b) => b - a)) list.splice(i, 1);
    }
  }
  return fallback(reported);
}

/** Mends `json` at the problem's field and says how; optimizers to leave out go to `removals`. */
function repair(json: Json, problem: Problem, removals: number[]): string {
  const path = tokens(problem.path);
  const [head, index, field] = path;
  if (path.length === 0) return 'ignored';
  if (head === 'v') {
    json['v'] = PRESET_VERSION;
    return `read as version ${PRESET_VERSION}`;
  }
  // A typed function or a data set that cannot be read is replaced whole, like an unknown id: a
  // data set with rows left out would teach from data nobody gave.
  const whole = ['id', 'expr', 'rows'];
  if (head === 'fn' && (path.length === 1 || whole.includes(path[1] as string))) {
    json['fn'] = { ...defaultPreset.fn };
    return `used ${defaultPreset.fn.id}`;
  }
  if (head === 'sweep') return repairSweep(json, path);
  if (head === 'steps') {
    json['steps'] = defaultPreset.steps;
    return `used ${defaultPreset.steps}`;
  }
  if (head === 'optimizers' && path.length === 1) {
    const list = json['optimizers'];
    if (Array.isArray(list) && list.length > MAX_OPTIMIZERS) {
      list.length = MAX_OPTIMIZERS;
      return `kept the first ${MAX_OPTIMIZERS}`;
    }
    json['optimizers'] = plainCopy({ list: defaultPreset.optimizers })['list'];
    return 'used the default optimizers';
  }
  if (head === 'optimizers' && typeof index === 'number') {
    if (path.length === 2 || field === 'type') {
      removals.push(index);
      return 'left this optimizer out';
    }
    // Phases are all or nothing too: a run that switches at the wrong step teaches the wrong thing.
    if (field === 'phases') {
      removeKey(json, path.slice(0, 2), 'phases');
      return 'left out its phases';
    }
    // A schedule is all or nothing: without it the rate is constant.
    if (field === 'schedule') {
      removeKey(json, path.slice(0, 2), 'schedule');
      return 'used a constant learning rate';
    }
  }
  // A pair or a box is replaced whole (`betas`, `start`, `view`), any other field alone.
  const from = head === 'optimizers' ? 2 : 1;
  const pairAt = path.findIndex((t, i) => i >= from && typeof t === 'number');
  const target = head === 'view' ? ['view'] : pairAt > 0 ? path.slice(0, pairAt) : path;
  const key = target.at(-1);
  if (typeof key === 'string') removeKey(json, target.slice(0, -1), key);
  return 'used the default';
}

/**
 * The path of `key` in the object at `path`, as the reader would write it:
 * `optimizers[0].weight_decy`, or `view["a b"]` for a key that is not a plain name; long keys are
 * shortened.
 */
function fieldPath(path: string, key: string): string {
  const shown = key.length > 40 ? `${key.slice(0, 37)}...` : key;
  const step = /^[A-Za-z_$][\w$]*$/.test(shown) ? `.${shown}` : `[${JSON.stringify(shown)}]`;
  return path === '' && step.startsWith('.') ? step.slice(1) : `${path}${step}`;
}

/** `optimizers[1].betas[0]` → ["optimizers", 1, "betas", 0]. Paths hold schema names only. */
function tokens(path: string): Token[] {
  const out: Token[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  }
  return out;
}

function removeKey(json: Json, at: readonly Token[], key: string): void {
  let node: unknown = json;
  for (const t of at) {
    if (!isObject(node) && !Array.isArray(node)) return;
    node = Object.hasOwn(node as object, t) ? (node as Record<Token, unknown>)[t] : undefined;
  }
  if (isObject(node) && Object.hasOwn(node, key)) delete node[key];
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of JSON data that keeps every own key as a plain data property. */
const plainCopy = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;
