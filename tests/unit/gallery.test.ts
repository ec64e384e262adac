import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../src/engine/expr/index.ts';
import { getFunction } from '../../src/engine/functions/index.ts';
import { builtinObjective, type Objective, type Run } from '../../src/engine/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { readLink, sceneHash, LONG_LINK_CHARS } from '../../src/preset/index.ts';
import {
  end,
  firstIndex,
  last,
  quotes,
  runsOf,
  scaledRates,
  sceneOf,
  stepLength,
  withPreset,
  yTurns,
} from './galleryRuns.ts';

const distance = (r: Run, [x, y]: readonly [number, number]) =>
  Math.hypot(end(r)[0] - x, end(r)[1] - y);
/** The first step at which the loss is below `tol`, or −1. */
const arrives = (r: Run, tol: number) => firstIndex(r.f, (f) => f < tol);

/**
 * What each noiseless scene's lesson claims, checked on the engine's own trajectories. Each must
 * hold for the scene as it is and when its start or its rates move a little (see `variants`): a
 * lesson that holds only for one exact setting teaches an accident.
 */
const claims: Record<string, (runs: readonly Run[]) => void> = {
  'momentum-valley': ([sgd, momentum]) => {
    expect(yTurns(sgd!)).toBeGreaterThan(150);
    expect(yTurns(momentum!)).toBeLessThan(yTurns(sgd!) / 2);
    expect(last(momentum!)).toBeLessThan(last(sgd!) * 1e-6);
  },
  'too-much-momentum': ([m5, m9, m99]) => {
    expect(yTurns(m5!)).toBeLessThan(5);
    // 0.9 overshoots (turns back) yet gets within 1e-6 of the minimum's value first.
    expect(yTurns(m9!)).toBeGreaterThan(0);
    expect(arrives(m9!, 1e-6)).toBeGreaterThan(0);
    expect(arrives(m9!, 1e-6)).toBeLessThan(arrives(m5!, 1e-6));
    expect(yTurns(m99!)).toBeGreaterThan(5);
    expect(last(m99!)).toBeGreaterThan(1);
  },
  'adam-rosenbrock': ([sgd, adam]) => {
    // SGD is still on its way along the floor; Adam is there, at least 50 times closer.
    expect(distance(sgd!, [1, 1])).toBeGreaterThan(0.05);
    expect(distance(adam!, [1, 1])).toBeLessThan(1e-3);
  },
  'adagrad-rmsprop': ([adagrad, rmsprop]) => {
    const early = (r: Run) => stepLength(r, 100, 200);
    const late = (r: Run) => stepLength(r, 1900, 2000);
    expect(late(adagrad!) / early(adagrad!)).toBeLessThan(0.6);
    expect(late(rmsprop!)).toBeGreaterThan(late(adagrad!) * 2);
    expect(distance(rmsprop!, [1, 1])).toBeLessThan(0.2);
    expect(distance(adagrad!, [1, 1])).toBeGreaterThan(0.5);
  },
  'lion-adam': ([adam, lion]) => {
    // Every Lion step moves each coordinate by ±lr (no weight decay here).
    for (let k = 0; k < 50; k++) {
      expect(Math.abs(lion!.x[k + 1]! - lion!.x[k]!)).toBeCloseTo(lion!.lr[k]!, 12);
      expect(Math.abs(lion!.y[k + 1]! - lion!.y[k]!)).toBeCloseTo(lion!.lr[k]!, 12);
    }
    expect(yTurns(lion!)).toBeGreaterThan(yTurns(adam!) * 10);
  },
  'adamw-decay': ([adam, l2, adamw]) => {
    const dist = (r: Run) => Math.hypot(...end(r));
    expect(distance(adam!, [1, 3])).toBeLessThan(1e-6);
    expect(distance(l2!, [1, 3])).toBeGreaterThan(0.1);
    expect(dist(adamw!)).toBeLessThan(dist(l2!) - 0.5);
  },
  'kink-schedule': ([constant, cosine]) => {
    // The constant rate rattles at a distance of the order of the rate; the cosine schedule settles.
    const lr = constant!.lr[0]!;
    expect(Math.min(...constant!.f.subarray(100))).toBeGreaterThan(0.3 * lr);
    expect(last(cosine!)).toBeLessThan(last(constant!) / 100);
  },
};

/** The measured figures each noiseless scene's lesson quotes, from the scene as it is. */
const measures: Record<string, (runs: readonly Run[]) => Record<string, number>> = {
  'adam-rosenbrock': ([sgd]) => {
    const [across, along] = curvatures(
      builtinObjective(sceneOf(byId('adam-rosenbrock').preset).fn),
      1,
      1,
    );
    return {
      across: Number(across.toPrecision(1)),
      along: Number(along.toPrecision(1)),
      sgdMiss: Number(distance(sgd!, [1, 1]).toFixed(2)),
    };
  },
};

const byId = (id: string) => gallery.find((g) => g.id === id)!;

/** The Hessian's eigenvalues at (x, y), largest first, from central differences of the gradient. */
function curvatures(objective: Objective, x: number, y: number): [number, number] {
  const h = 1e-5;
  const gp = new Float64Array(2);
  const gm = new Float64Array(2);
  const column = (dx: number, dy: number): [number, number] => {
    objective.grad(x + dx, y + dy, gp);
    objective.grad(x - dx, y - dy, gm);
    return [(gp[0]! - gm[0]!) / (2 * h), (gp[1]! - gm[1]!) / (2 * h)];
  };
  const [a, b] = column(h, 0);
  const [, d] = column(0, h);
  const mean = (a + d) / 2;
  const spread = Math.hypot((a - d) / 2, b);
  return [mean + spread, mean - spread];
}

type Preset = (typeof gallery)[number]['preset'];
/**
 * The scene with its start moved by 1% and 3% of the view's width along each axis, and with every
 * rate scaled by 0.8, 0.9, 1.1 and 1.25.
 */
function variants(preset: Preset): [string, Preset][] {
  const scene = sceneOf(preset);
  const width = scene.view.x[1] - scene.view.x[0];
  const [x, y] = scene.start;
  const out: [string, Preset][] = [];
  for (const share of [0.01, 0.03]) {
    const d = share * width;
    for (const [dx, dy] of [
      [d, 0],
      [-d, 0],
      [0, d],
      [0, -d],
    ] as const)
      out.push([`start + (${dx}, ${dy})`, withPreset(preset, { start: [x + dx, y + dy] })]);
  }
  for (const factor of [0.8, 0.9, 1.1, 1.25])
    out.push([`rates × ${factor}`, scaledRates(preset, factor)]);
  return out;
}

/**
 * Scenes without noise: no σ, no sweep, not made of data (whose batches are noise) and no network
 * (mini-batches too; galleryNetwork.test.ts counts its claims over seeds).
 */
const noiseless = gallery.filter((g) => {
  const scene = sceneOf(g.preset);
  return (
    scene.noise.sigma === 0 &&
    !('sweep' in g.preset) &&
    !('network' in g.preset) &&
    !getFunction(scene.fn.id)?.data
  );
});

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
    '%s: valid, a short link, and every figure quoted',
    (_, g) => {
      const scene = sceneOf(g.preset);
      const hash = sceneHash(scene);
      expect(hash.length).toBeLessThan(LONG_LINK_CHARS);
      const back = readLink(`#${hash}`, { checkExpression });
      expect(back.found && back.scene).toEqual(scene);
      for (const [name, value] of Object.entries(g.figures ?? {}))
        expect(quotes(g.lesson, value), `${name} = ${value} in the lesson`).toBe(true);
    },
  );

  it.each(noiseless.map((g) => [g.id, g] as const))(
    '%s: its lesson holds, and its figures are measured',
    (id, g) => {
      const runs = runsOf(sceneOf(g.preset));
      expect(runs.every((r) => r.divergedAt === null)).toBe(true);
      expect(claims[id], `a claim for ${id}`).toBeDefined();
      claims[id]!(runs);
      expect(measures[id]?.(runs) ?? {}).toEqual(g.figures ?? {});
    },
  );

  it.each(noiseless.map((g) => [g.id, g] as const))(
    '%s: its lesson still holds when the start or the rates move a little',
    (id, g) => {
      for (const [name, preset] of variants(g.preset)) {
        try {
          claims[id]!(runsOf(sceneOf(preset)));
        } catch (error) {
          throw new Error(`${id}, ${name}: ${(error as Error).message}`);
        }
      }
    },
  );

  it('adam-rosenbrock: SGD at a rate above 2/1000 does not settle (the lesson says why it stays low)', () => {
    const scene = byId('adam-rosenbrock');
    const [slow] = runsOf(sceneOf(scene.preset));
    const [fast] = runsOf(sceneOf(scaledRates(scene.preset, 2.2)));
    expect(last(fast!)).toBeGreaterThan(last(slow!));
    expect(yTurns({ ...fast!, y: fast!.y.subarray(4000) })).toBeGreaterThan(500);
  });
});
