import { describe, expect, it } from 'vitest';
import { checkExpression, compileExpression, instantiate } from '../../src/engine/expr/index.ts';
import { simulate, type Run } from '../../src/engine/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { parsePreset, readLink, sceneHash, LONG_LINK_CHARS } from '../../src/preset/index.ts';

const last = (run: Run) => run.f[run.f.length - 1]!;
const end = (run: Run): [number, number] => [run.x[run.x.length - 1]!, run.y[run.y.length - 1]!];
/** How often the path turns back along y: a zig-zag count. */
function yTurns(run: Run): number {
  let turns = 0;
  for (let k = 2; k < run.y.length; k++) {
    if ((run.y[k]! - run.y[k - 1]!) * (run.y[k - 1]! - run.y[k - 2]!) < 0) turns++;
  }
  return turns;
}
/** Mean step length over steps [from, to). */
function stepLength(run: Run, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++)
    sum += Math.hypot(run.x[k + 1]! - run.x[k]!, run.y[k + 1]! - run.y[k]!);
  return sum / (to - from);
}

/** What each scene's lesson claims, checked on the engine's own trajectories. */
const claims: Record<string, (runs: readonly Run[]) => void> = {
  'momentum-valley': ([sgd, momentum]) => {
    expect(yTurns(sgd!)).toBeGreaterThan(150);
    expect(yTurns(momentum!)).toBeLessThan(yTurns(sgd!) / 2);
    expect(last(momentum!)).toBeLessThan(last(sgd!) * 1e-6);
  },
  'adam-rosenbrock': ([sgd, adam]) => {
    expect(last(adam!)).toBeLessThan(last(sgd!) / 10);
  },
  'noise-saddle': ([sgd, momentum]) => {
    // Escaped: downhill along y, below the saddle's value 0; momentum first.
    expect(Math.abs(end(sgd!)[1])).toBeGreaterThan(1);
    expect(last(sgd!)).toBeLessThan(0);
    expect(Math.abs(momentum!.y[40]!)).toBeGreaterThan(Math.abs(sgd!.y[40]!));
  },
  'adagrad-rmsprop': ([adagrad, rmsprop]) => {
    const early = (r: Run) => stepLength(r, 100, 200);
    const late = (r: Run) => stepLength(r, 1900, 2000);
    expect(late(adagrad!) / early(adagrad!)).toBeLessThan(0.5);
    expect(late(rmsprop!)).toBeGreaterThan(late(adagrad!) * 2);
    expect(last(rmsprop!)).toBeLessThan(last(adagrad!) / 3);
  },
  'warmup-cosine': ([constant, scheduled]) => {
    expect(last(scheduled!)).toBeLessThan(last(constant!) / 100);
  },
  'lion-adam': ([adam, lion]) => {
    // Every Lion step moves each coordinate by ±lr (no weight decay here).
    for (let k = 0; k < 50; k++) {
      expect(Math.abs(lion!.x[k + 1]! - lion!.x[k]!)).toBeCloseTo(0.01, 12);
      expect(Math.abs(lion!.y[k + 1]! - lion!.y[k]!)).toBeCloseTo(0.01, 12);
    }
    expect(yTurns(lion!)).toBeGreaterThan(yTurns(adam!) * 10);
  },
  'adamw-decay': ([adam, l2, adamw]) => {
    const dist = (r: Run) => Math.hypot(...end(r));
    const miss = (r: Run) => Math.hypot(end(r)[0] - 1, end(r)[1] - 3);
    expect(miss(adam!)).toBeLessThan(1e-6);
    expect(miss(l2!)).toBeGreaterThan(0.1);
    expect(dist(adamw!)).toBeLessThan(dist(l2!) - 0.5);
  },
  'too-much-momentum': ([m5, m9, m99]) => {
    expect(yTurns(m5!)).toBeLessThan(5);
    expect(last(m9!)).toBeLessThan(last(m5!));
    expect(last(m99!)).toBeGreaterThan(1);
  },
  'kink-schedule': ([constant, cosine]) => {
    // The constant rate rattles about 0.1 from the minimum; the cosine schedule settles.
    expect(last(constant!)).toBeGreaterThan(0.04);
    expect(Math.min(...constant!.f.subarray(100))).toBeGreaterThan(0.01);
    expect(last(cosine!)).toBeLessThan(last(constant!) / 100);
  },
  'himmelblau-basins': ([sgd, momentum, adam]) => {
    for (const r of [sgd!, momentum!]) {
      expect(end(r)[0]).toBeCloseTo(3.584, 3);
      expect(end(r)[1]).toBeCloseTo(-1.848, 3);
    }
    expect(end(adam!)[0]).toBeCloseTo(3, 4);
    expect(end(adam!)[1]).toBeCloseTo(2, 4);
  },
};

describe('the gallery', () => {
  it('has at least 8 scenes with unique ids, titles and lessons', () => {
    expect(gallery.length).toBeGreaterThanOrEqual(8);
    expect(new Set(gallery.map((g) => g.id)).size).toBe(gallery.length);
    for (const g of gallery) {
      expect(g.title.length).toBeGreaterThan(10);
      expect(g.lesson.length).toBeGreaterThan(100);
    }
  });

  it.each(gallery.map((g) => [g.id, g] as const))(
    '%s: valid, a short link, and its lesson holds',
    (id, g) => {
      const parsed = parsePreset(g.preset, { checkExpression });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const hash = sceneHash(parsed.scene);
      expect(hash.length).toBeLessThan(LONG_LINK_CHARS);
      const back = readLink(`#${hash}`, { checkExpression });
      expect(back.found && back.scene).toEqual(parsed.scene);
      const { expr } = parsed.scene.fn;
      const objective =
        expr === undefined ? undefined : instantiate(compileExpression(expr).source);
      const { runs } = simulate(parsed.scene, objective);
      expect(runs.every((r) => r.divergedAt === null)).toBe(true);
      expect(claims[id], `a claim for ${id}`).toBeDefined();
      claims[id]!(runs);
    },
  );
});
