import { describe, expect, it } from 'vitest';
import { sceneFromPreset, toPreset } from '../../src/preset/index.ts';
import type { PlaneRun } from '../../src/workers/networkProtocol.ts';
import { NetworkPicture } from '../../src/ui/network/networkPicture.ts';
import { planeContent } from '../../src/ui/network/planeContent.ts';
import { describePlane } from '../../src/ui/network/networkText.ts';
import { boundaryRuns } from '../../src/ui/network/useBoundaryRuns.ts';

const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 3,
  network: { data: 'circle', hidden: [1] },
  optimizers: [{ type: 'sgd' }, { type: 'adam' }],
});

/** A run of `points` points of 3 parameters each, θ_k = (k, 10k, 100k); diverged when short. */
const run = (points: number, divergedAt: number | null): PlaneRun => ({
  alpha: Float64Array.from({ length: points }, (_, k) => k + 0.5),
  beta: Float64Array.from({ length: points }, (_, k) => -k),
  distance: Float64Array.from({ length: points }, (_, k) => k / 10),
  loss: new Float64Array(points),
  testLoss: null,
  lr: new Float64Array(points - 1),
  divergedAt,
  params: Float64Array.from({ length: 3 * points }, (_, i) => Math.floor(i / 3) * 10 ** (i % 3)),
  count: 3,
});

const picture = new NetworkPicture(scene, {
  runs: [run(4, null), run(2, 2)],
  kind: 'pca',
  explained: [0.734, 0.0042],
  loss: 'train',
  view: { x: [0, 1], y: [0, 1] },
});

describe('a network scene’s runs on the page', () => {
  it('theta(run, step): the parameters at a step, a view into the run’s rows (no copy)', () => {
    const theta = picture.theta(0, 2)!;
    expect([...theta]).toEqual([2, 20, 200]);
    expect(theta.buffer).toBe(picture.plane.runs[0]!.params.buffer);
    expect([...picture.theta(0, 0)!]).toEqual([0, 0, 0]);
    // Past a diverged run's last finite point: that point, as its path ends there.
    expect([...picture.theta(1, 3)!]).toEqual([1, 10, 100]);
    expect(picture.theta(2, 0)).toBeNull();
    // The same view for the same point (a panel's cache is keyed by it), of each run its own.
    expect(picture.theta(0, 2)).toBe(theta);
    expect(picture.theta(1, 2)).not.toBe(theta);
    expect([...picture.theta(1, 2)!]).toEqual([1, 10, 100]);
  });

  it('each point’s distance from the plane, and axes named by their share of variance', () => {
    expect(picture.distance(0, 3)).toBe(0.3);
    expect(picture.distance(1, 2)).toBeNull();
    expect(picture.axisNames).toEqual(['PC1 (73% of variance)', 'PC2 (0.4% of variance)']);
    expect(planeContent(picture)).toEqual({
      axes: picture.axisNames,
      field: 'training loss',
      start: [0.5, -0],
    });
    expect(planeContent(null)).toEqual({
      axes: ['PC1', 'PC2'],
      field: 'training loss',
      start: null,
    });
    // Before the first picture, the loss the scene's slice asks for; after, the picture's.
    expect(planeContent(null, 'random', 'test').field).toBe('test loss');
    expect(planeContent(null, 'random').axes).toEqual(['random direction 1', 'random direction 2']);
  });
});

describe('what the page says of a network’s plane', () => {
  it('names a random plane’s axes as directions (they explain no share of variance)', () => {
    const random = sceneFromPreset({
      ...toPreset(scene),
      network: { data: 'circle', hidden: [1], slice: { plane: 'random', run: 1, loss: 'test' } },
    });
    const shown = new NetworkPicture(random, {
      ...picture.plane,
      kind: 'random',
      explained: null,
      loss: 'test',
    });
    expect(shown.axisNames).toEqual(['random direction 1', 'random direction 2']);
    expect(planeContent(shown).axes).toEqual(['random direction 1', 'random direction 2']);
    // The colour scale's name, which the exports' key takes from the frame: the picture's loss.
    expect(planeContent(shown, 'pca', 'train').field).toBe('test loss');
    const label = random.optimizers[1]!.label;
    expect(shown.caption).toMatch(
      new RegExp(
        `^The paths are projected on a plane through ${label}’s last point along two filter-normalised random directions .* the contours are the full-batch test loss on that plane: .* a projection hides things`,
      ),
    );
    expect(describePlane(random, random.network!)).toMatch(
      new RegExp(
        `^Contour map of the full-batch test loss of the Network \\[2, 1, 1\\] tanh on Circle on a plane through ${label}’s last point`,
      ),
    );
  });

  it('says the principal plane and the training loss for a scene without a slice', () => {
    expect(picture.caption).toMatch(
      /^The paths are projected on the plane of their first two principal components, and the contours are the full-batch training loss on that plane: .*a projection hides things/,
    );
    expect(describePlane(scene, scene.network!)).toMatch(
      /full-batch training loss .* on the plane of the first two principal components of all runs' parameters/,
    );
  });
});

describe('the runs a decision-boundary panel gets', () => {
  const state = {
    network: scene.network!,
    playback: { playing: false, step: 3, speed: 1 },
    hoverStep: null,
    optimizers: [
      { id: 1, hidden: false, entry: scene.optimizers[0]! },
      { id: 2, hidden: true, entry: scene.optimizers[1]! },
    ],
  };

  it('each visible run’s label, colour and θ at the cursor (the hovered step while there is one)', () => {
    const [sgd, ...rest] = boundaryRuns(picture, state)!;
    expect(rest).toEqual([]);
    expect([sgd!.label, sgd!.colour, [...sgd!.theta!]]).toEqual([
      scene.optimizers[0]!.label,
      scene.optimizers[0]!.color,
      [3, 30, 300],
    ]);
    expect([...boundaryRuns(picture, { ...state, hoverStep: 1 })![0]!.theta!]).toEqual([
      1, 10, 100,
    ]);
  });

  it('none when every run is hidden, as against null while it is training', () => {
    const hidden = state.optimizers.map((o) => ({ ...o, hidden: true }));
    expect(boundaryRuns(picture, { ...state, optimizers: hidden })).toEqual([]);
  });

  it('null (training) for a picture of another network than the store’s, or none', () => {
    expect(boundaryRuns(picture, { ...state, network: { ...scene.network! } })).toBeNull();
    expect(boundaryRuns(null, state)).toBeNull();
  });
});
