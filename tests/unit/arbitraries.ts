import fc from 'fast-check';
import { functions } from '../../src/engine/functions/index.ts';
import { optimizers, type HyperSpec, type Range } from '../../src/engine/optimizers/index.ts';
import type { Scene } from '../../src/engine/scene.ts';
import { scheduleParams } from '../../src/engine/schedules.ts';
import { MAX_LABEL, MAX_OPTIMIZERS, MAX_STEPS, parsePreset } from '../../src/preset/index.ts';

/** Any double `range` accepts (bounds included, unbounded sides capped at ±1e6). */
function inRange(range: Range & { integer?: boolean }): fc.Arbitrary<number> {
  const min = range.min ?? -1e6;
  const max = range.max ?? 1e6;
  const value = range.integer
    ? fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(max), 2 ** 31) })
    : fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max));
  return value.filter(
    (v) => !(range.openMin && v <= min) && !(range.openMax && v >= max) && v >= min && v <= max,
  );
}

/** A record whose keys outside `required` may be absent (fc.record's own option is slow). */
function partial<T extends Record<string, fc.Arbitrary<unknown>>>(
  model: T,
  required: readonly string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  const maybe = Object.fromEntries(
    Object.entries(model).map(([k, a]) => [
      k,
      required.includes(k) ? a : fc.option(a, { nil: undefined, freq: 3 }),
    ]),
  );
  return fc
    .record(maybe)
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

function hyperValue(spec: HyperSpec): fc.Arbitrary<unknown> {
  if (spec.kind === 'boolean') return fc.boolean();
  if (spec.kind === 'pair') return fc.tuple(inRange(spec.range), inRange(spec.range));
  return inRange(spec);
}

const schedule = fc
  .constantFrom(...Object.keys(scheduleParams))
  .chain((type) =>
    fc
      .record(
        Object.fromEntries(
          Object.entries(scheduleParams[type as keyof typeof scheduleParams]).map(([k, p]) => [
            k,
            inRange({ ...p, max: p.max ?? 1e5 }),
          ]),
        ),
      )
      .map((params) => ({ type, ...params })),
  );

const optimizer = fc.constantFrom(...optimizers).chain((spec) =>
  partial(
    {
      type: fc.constant(spec.type),
      ...Object.fromEntries(Object.entries(spec.hyper).map(([k, s]) => [k, hyperValue(s)])),
      schedule,
      label: fc.string({ minLength: 1, maxLength: MAX_LABEL }).filter((s) => s.trim() !== ''),
      color: fc
        .integer({ min: 0, max: 0xffffff })
        .map((c) => `#${c.toString(16).padStart(6, '0')}`),
    },
    ['type'],
  ),
);

const interval = fc
  .tuple(inRange({ min: -1e6, max: 1e6 }), inRange({ min: -1e6, max: 1e6 }))
  .filter(([a, b]) => a < b);

/** Random valid version-1 presets over every function, optimizer, schedule and option. */
export const arbPreset = (maxOptimizers = MAX_OPTIMIZERS) =>
  fc.constantFrom(...functions).chain((fn) =>
    partial(
      {
        v: fc.constant(1),
        fn: partial(
          {
            id: fc.constant(fn.id),
            params: partial(
              Object.fromEntries(Object.entries(fn.params).map(([k, p]) => [k, inRange(p)])),
            ),
          },
          ['id'],
        ),
        view: fc.record({ x: interval, y: interval }),
        start: fc.tuple(inRange({ min: -1e6, max: 1e6 }), inRange({ min: -1e6, max: 1e6 })),
        steps: fc.integer({ min: 1, max: MAX_STEPS }),
        noise: partial({
          sigma: inRange({ min: 0, max: 1e6 }),
          seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        }),
        optimizers: fc.array(optimizer, { minLength: 1, maxLength: maxOptimizers }),
      },
      ['v', 'fn', 'steps', 'optimizers'],
    ),
  );

/** Random valid scenes: `arbPreset` as the schema resolves them (cross-field refusals skipped). */
export const arbScene = (maxOptimizers = MAX_OPTIMIZERS): fc.Arbitrary<Scene> =>
  arbPreset(maxOptimizers)
    .map((preset) => parsePreset(preset))
    .filter((r) => r.ok)
    .map((r) => (r as { scene: Scene }).scene);
