import { lastShown } from './paths.ts';
import { clipToPlot, type Frame, type Layer } from '../frame.ts';

/** Where a run switched optimizers, on screen (also read by tests through the canvas). */
export interface PhaseMark {
  /** The run's index in the scene. */
  readonly run: number;
  /** Steps taken before the switch: the mark sits on point `from`. */
  readonly from: number;
  /** The new phase's optimizer type. */
  readonly type: string;
  /** CSS pixels. */
  readonly at: readonly [number, number];
}

const NONE: readonly PhaseMark[] = Object.freeze([]);

/** Half the marker's diagonal, CSS px. */
const R = 6;

/**
 * The switch points the paths have reached: point `from` of every shown run whose entry has
 * phases, once the cursor and the streamed points pass it.
 */
export function phaseMarksOf({ content, scale }: Frame): readonly PhaseMark[] {
  const set = content.runs;
  if (!set?.scene.optimizers.some((o) => o.phases)) return NONE;
  const marks: PhaseMark[] = [];
  set.scene.optimizers.forEach((entry, k) => {
    const run = set.runs[k];
    if (!entry.phases || !run || content.hidden[k]) return;
    const last = lastShown(run, content.cursor);
    for (const { from, type } of entry.phases) {
      if (from > last) break;
      marks.push({ run: k, from, type, at: [scale.x(run.x[from]!), scale.y(run.y[from]!)] });
    }
  });
  return marks;
}

/** A diamond in the run's colour, outlined in white, at each switch the path has reached. */
export const phaseMarks: Layer = (ctx, frame) => {
  // Most scenes have no phases: nothing to gather, nothing allocated.
  const marks = phaseMarksOf(frame);
  if (marks.length === 0) return;
  const optimizers = frame.content.runs!.scene.optimizers;
  clipToPlot(ctx, frame);
  ctx.lineJoin = 'round';
  for (const { run, at } of marks) {
    const [x, y] = at;
    ctx.beginPath();
    ctx.moveTo(x, y - R);
    ctx.lineTo(x + R, y);
    ctx.lineTo(x, y + R);
    ctx.lineTo(x - R, y);
    ctx.closePath();
    ctx.fillStyle = optimizers[run]!.color;
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  ctx.restore();
};
