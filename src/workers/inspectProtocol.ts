import type { Inspection } from '../engine/inspect.ts';
import type { Scene } from '../engine/scene.ts';
import type { ErrorAnswer } from './latestClient.ts';

/** Page → inspect worker: record every step of optimizer `index` of `scene`. */
export interface InspectRequest {
  readonly type: 'inspect';
  readonly requestId: number;
  readonly scene: Scene;
  readonly index: number;
  /** For a typed function: the source compiled from it (engine/expr/codegen), re-checked here. */
  readonly objective?: string;
}

/** Inspect worker → page; every message names the request it answers. */
export type InspectAnswer =
  | {
      readonly type: 'inspect';
      readonly requestId: number;
      readonly inspection: Inspection;
    }
  | ErrorAnswer;

/** Every buffer of an inspection, to transfer rather than copy. */
export function inspectionBuffers(ins: Inspection): ArrayBuffer[] {
  const columns = [ins.x, ins.y, ins.gx, ins.gy, ins.sx, ins.sy, ins.lr, ins.gNorm, ins.stepNorm];
  for (const s of ins.state) columns.push(...s.values);
  return [...new Set(columns.map((c) => c.buffer as ArrayBuffer))];
}
