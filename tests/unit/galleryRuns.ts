import { checkExpression, compileExpression, instantiate } from '../../src/engine/expr/index.ts';
import { simulate, type Run, type Scene } from '../../src/engine/index.ts';
import { SEEDS } from '../../src/gallery/types.ts';
import { parsePreset } from '../../src/preset/index.ts';

type Preset = Readonly<Record<string, unknown>>;

/** The scene of a gallery preset; throws with the schema's messages when it is not valid. */
export function sceneOf(preset: Preset): Scene {
  const parsed = parsePreset(preset, { checkExpression });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scene;
}

/** Every run of a scene, a typed function compiled as the page compiles it. */
export function runsOf(scene: Scene): Run[] {
  const { expr } = scene.fn;
  const objective = expr === undefined ? undefined : instantiate(compileExpression(expr).source);
  return simulate(scene, objective).runs;
}

/** The preset with a few fields replaced (a shallow merge: replaced fields are whole). */
export const withPreset = (preset: Preset, change: Preset): Preset => ({ ...preset, ...change });

/** The preset with every optimizer's rate multiplied by `factor`. */
export const scaledRates = (preset: Preset, factor: number): Preset => ({
  ...preset,
  optimizers: (preset['optimizers'] as readonly Record<string, number>[]).map((o) => ({
    ...o,
    lr: o['lr']! * factor,
  })),
});

export const last = (run: Run): number => run.f[run.f.length - 1]!;
export const end = (run: Run): [number, number] => [
  run.x[run.x.length - 1]!,
  run.y[run.y.length - 1]!,
];

/** How often the path turns back along y: a zig-zag count. */
export function yTurns(run: Run): number {
  let turns = 0;
  for (let k = 2; k < run.y.length; k++) {
    if ((run.y[k]! - run.y[k - 1]!) * (run.y[k - 1]! - run.y[k - 2]!) < 0) turns++;
  }
  return turns;
}

/** Mean step length over steps [from, to). */
export function stepLength(run: Run, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++)
    sum += Math.hypot(run.x[k + 1]! - run.x[k]!, run.y[k + 1]! - run.y[k]!);
  return sum / (to - from);
}

/** The first point index where `test` holds, or −1. */
export function firstIndex(values: Float64Array, test: (v: number) => boolean): number {
  for (let k = 0; k < values.length; k++) if (test(values[k]!)) return k;
  return -1;
}

/** True when `text` contains `value` written as String(value), not as part of a longer number. */
export const quotes = (text: string, value: number): boolean =>
  new RegExp(`(^|[^\\d.])${String(value).replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(text);

/**
 * How many of seeds 1…SEEDS each claim holds for: `measure` trains seed s's preset once, and
 * every claim reads that training (and may train a variant of the preset itself).
 */
export function countOverSeeds<T>(
  claims: Readonly<Record<string, (measured: T, preset: Preset) => boolean>>,
  presetOf: (seed: number) => Preset,
  measure: (preset: Preset) => T,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(claims)) counts[name] = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const preset = presetOf(seed);
    const measured = measure(preset);
    for (const [name, holds] of Object.entries(claims))
      if (holds(measured, preset)) counts[name]!++;
  }
  return counts;
}
