/**
 * Deterministic scenes for layer tests: a preset resolved by the schema, its runs computed by the
 * engine (no randomness unless the preset asks for seeded noise), the contour field of its view,
 * and a frame for a canvas of a given size.
 */
import { computeField, type ContourField } from '../../../src/engine/field.ts';
import { getFunction } from '../../../src/engine/functions/index.ts';
import type { Scene } from '../../../src/engine/scene.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { parsePreset } from '../../../src/preset/index.ts';
import { makeFrame, type Frame, type PlotContent, type Theme } from '../../../src/render/frame.ts';
import { RunSet } from '../../../src/workers/runs.ts';

/** The theme layers get in tests. */
export const theme: Theme = { text: '#111111', axis: '#555555', font: 'sans-serif' };

/** A preset resolved by the schema; throws on a bad one. */
export function sceneOf(preset: unknown): Scene {
  const result = parsePreset(preset);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.scene;
}

/** One optimizer on Rosenbrock from (−1.5, 2), `steps` steps, with any other preset fields. */
export const soloScene = (
  optimizer: Record<string, unknown>,
  steps: number,
  extra: Record<string, unknown> = {},
): Scene =>
  sceneOf({
    v: 1,
    fn: { id: 'rosenbrock' },
    start: [-1.5, 2],
    steps,
    optimizers: [optimizer],
    ...extra,
  });

/**
 * Three optimizers on Rosenbrock, 200 steps: SGD, Momentum and an SGD whose learning rate is
 * far too large, so it leaves the finite numbers within a few steps.
 */
export const raceScene = (): Scene =>
  sceneOf({
    v: 1,
    fn: { id: 'rosenbrock' },
    start: [-1.5, 2],
    steps: 200,
    optimizers: [
      { type: 'sgd', lr: 0.001, color: '#0072b2' },
      { type: 'sgd', lr: 0.001, momentum: 0.9, color: '#e69f00' },
      { type: 'sgd', lr: 1, color: '#cc79a7' },
    ],
  });

/** The scene's runs as the page holds them, every chunk applied (or only `upTo` points of each). */
export function runSetOf(scene: Scene, upTo = Infinity, previous: RunSet | null = null): RunSet {
  const set = new RunSet(1, scene, previous);
  simulate(scene).runs.forEach((run, k) => {
    const n = Math.min(run.x.length, upTo);
    set.apply({
      run: k,
      from: 0,
      x: run.x.slice(0, n),
      y: run.y.slice(0, n),
      f: run.f.slice(0, n),
      lr: run.lr,
      divergedAt: n === run.x.length ? run.divergedAt : null,
      done: n === run.x.length,
    });
  });
  return set;
}

/** The contour field of the scene's view on an n × n grid. */
export function fieldOf(scene: Scene, n = 48, levels = 12): ContourField {
  const fn = getFunction(scene.fn.id)!;
  return computeField(fn.create(scene.fn.params), scene.view, n, levels);
}

/** A frame of `width` × `height` CSS pixels showing the scene, with whatever `content` overrides. */
export function frameOf(
  scene: Scene,
  content: Partial<PlotContent> = {},
  width = 640,
  height = 560,
): Frame {
  const fn = getFunction(scene.fn.id)!;
  return makeFrame(
    width,
    height,
    content.scene?.view ?? scene.view,
    {
      scene,
      minima: fn.minima(scene.fn.params),
      runs: null,
      hidden: scene.optimizers.map(() => false),
      field: null,
      cursor: scene.steps,
      hoverStep: null,
      ...content,
    },
    theme,
  );
}
