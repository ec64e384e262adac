import type { ContourField } from '../engine/field.ts';
import type { Vec2 } from '../engine/types.ts';
import type { Run, Scene } from '../engine/scene.ts';

export type { ContourBand, ContourField } from '../engine/field.ts';

/** Everything the page draws for one scene. Run buffers arrive transferred, not copied. */
export interface SceneResult {
  /** The scene that was simulated (the resolved default when the page asked for it). */
  readonly scene: Scene;
  /** The test function's display name and formula. */
  readonly fnName: string;
  readonly formula: string;
  /** Known minima of f with the scene's parameters. */
  readonly minima: readonly Vec2[];
  /** One run per optimizer, in the scene's order. */
  readonly runs: readonly Run[];
  readonly field: ContourField;
}

/** Page → worker. */
export type ToWorker = {
  readonly type: 'compute';
  readonly runId: number;
  /** A resolved scene, or 'default' for the preset's default scene. */
  readonly scene: Scene | 'default';
  /** Contour grid samples per side. */
  readonly gridSize: number;
};

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'result'; readonly runId: number; readonly result: SceneResult }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
