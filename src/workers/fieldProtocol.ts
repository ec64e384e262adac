import type { ContourField } from '../engine/field.ts';
import type { Scene } from '../engine/scene.ts';
import type { Box } from '../engine/types.ts';

/** Page → field worker: the contour field of `fn` over `view`. */
export interface FieldRequest {
  readonly type: 'field';
  /** Increases with every request; the answer carries it back. */
  readonly requestId: number;
  readonly fn: Scene['fn'];
  /** For a typed function: the source compiled from it (engine/expr/codegen), re-checked here. */
  readonly objective?: string;
  readonly view: Box;
  /** Grid samples per side. */
  readonly n: number;
  /** Number of iso-lines. */
  readonly levels: number;
}

/** Field worker → page; every message names the request it answers. */
export type FieldAnswer =
  | {
      readonly type: 'field';
      readonly requestId: number;
      readonly field: ContourField;
      /** Time the worker spent computing, in ms. */
      readonly ms: number;
    }
  | { readonly type: 'error'; readonly requestId: number; readonly message: string };
