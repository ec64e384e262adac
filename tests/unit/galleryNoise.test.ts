import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/engine/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { ofSeeds, SEEDS } from '../../src/gallery/types.ts';
import { end, firstIndex, last, runsOf, sceneOf, withPreset } from './galleryRuns.ts';

/** Each counted claim of a noisy scene: does it hold for one seed's runs? */
const counted: Record<string, Record<string, (runs: readonly Run[]) => boolean>> = {
  'noise-saddle': {
    // Off the ridge (|y| > 1) and below the saddle's value 0 by the last step.
    bothLeave: (runs) => runs.every((r) => Math.abs(end(r)[1]) > 1 && last(r) < 0),
    momentumFirst: ([sgd, momentum]) => {
      const leaves = (r: Run) => firstIndex(r.y, (y) => Math.abs(y) > 1);
      return leaves(momentum!) >= 0 && (leaves(sgd!) < 0 || leaves(momentum!) < leaves(sgd!));
    },
  },
  'warmup-cosine': {
    lower: ([constant, scheduled]) => last(scheduled!) < last(constant!),
    tenTimesLower: ([constant, scheduled]) => last(scheduled!) * 10 <= last(constant!),
  },
};

const noisy = gallery.filter((g) => sceneOf(g.preset).noise.sigma > 0);

describe('the gallery: scenes with noise', () => {
  it('counts over at least 50 seeds', () => expect(SEEDS).toBeGreaterThanOrEqual(50));

  it.each(noisy.map((g) => [g.id, g] as const))(
    '%s: states each claim over seeds 1…SEEDS with the count measured now',
    (id, g) => {
      const claims = counted[id];
      expect(claims, `counted claims for ${id}`).toBeDefined();
      const counts: Record<string, number> = {};
      for (const name of Object.keys(claims!)) counts[name] = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const noise = { ...(g.preset['noise'] as object), seed };
        const runs = runsOf(sceneOf(withPreset(g.preset, { noise })));
        expect(runs.every((r) => r.divergedAt === null)).toBe(true);
        for (const [name, holds] of Object.entries(claims!)) if (holds(runs)) counts[name]!++;
      }
      expect(g.figures).toEqual(counts);
      // A seed ensemble it opens draws seeds 1…SEEDS: the very runs counted here.
      const { sweep } = sceneOf(g.preset);
      if (sweep?.view === 'seeds') expect(sweep.seeds.count).toBe(SEEDS);
      for (const count of Object.values(counts)) expect(g.lesson).toContain(ofSeeds(count));
    },
  );

  it('noise-saddle: without noise both runs stall at the saddle point', () => {
    const g = gallery.find((s) => s.id === 'noise-saddle')!;
    for (const r of runsOf(sceneOf(withPreset(g.preset, { noise: { sigma: 0 } })))) {
      expect(r.y.every((y) => y === 0)).toBe(true);
      expect(Math.abs(end(r)[0])).toBeLessThan(0.01);
    }
  });

  it("warmup-cosine: opens the seed ensemble, and the scene's own seed is one where the claim holds", () => {
    const g = gallery.find((s) => s.id === 'warmup-cosine')!;
    expect(sceneOf(g.preset).sweep?.view).toBe('seeds');
    expect(counted['warmup-cosine']!['tenTimesLower']!(runsOf(sceneOf(g.preset)))).toBe(true);
  });
});
