import { inspectionAt, type Inspection } from '../../engine/inspect.ts';
import type { Frame, Layer } from '../frame.ts';

/** Arrow lengths on screen, CSS px: directions are drawn at a fixed length, the step to scale. */
const GRADIENT_PX = 96;
const DIRECTION_PX = 66;
const STEP_MIN_PX = 40;
const STEP_MAX_PX = 140;
/** The effective-rate glyph's largest half-arm, CSS px. */
const GLYPH_PX = 22;

/** One arrow of the inspector, in CSS pixels. */
export interface Arrow {
  readonly kind: 'gradient' | 'direction' | 'step';
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  /** A short name drawn at the tip: "−g", "−m̂", "step". */
  readonly label: string;
}

/** What the inspect layer draws at one step, in CSS pixels (also read by tests). */
export interface InspectGeometry {
  /** The step shown: the update from point step − 1 to point step. */
  readonly step: number;
  readonly arrows: readonly Arrow[];
  /** Half-arms of the effective learning-rate glyph along x and y, centred on the anchor. */
  readonly glyph: {
    readonly center: readonly [number, number];
    readonly hx: number;
    readonly hy: number;
  } | null;
}

/** The step the inspector shows: the hovered one, else the playback cursor, within the run. */
export const inspectedStep = (ins: Inspection, cursor: number, hover: number | null): number =>
  Math.max(0, Math.min(ins.steps, Math.floor(hover ?? cursor)));

/** The column of a state field with role `role`, or null. */
const lrEffColumns = (ins: Inspection) =>
  ins.state.find((s) => s.field.role === 'lrEff')?.values ?? null;

/**
 * The arrows at the inspected step: −g and the optimizer's own direction (the step opposes its
 * momentum or m̂) at a fixed length, the step actually taken to scale (clamped to stay visible).
 */
export function inspectGeometry(frame: Frame): InspectGeometry | null {
  const { inspection, cursor, hoverStep, hidden } = frame.content;
  // Arrows about a path the user hid would point from nothing visible.
  if (!inspection || hidden[inspection.index]) return null;
  const k = inspectedStep(inspection.inspection, cursor, hoverStep);
  if (k < 1) return { step: 0, arrows: [], glyph: null };
  // A run with phases: the state of the optimizer that made step k.
  const entry = inspection.scene.optimizers[inspection.index];
  const ins = inspectionAt(inspection.inspection, entry, k);
  const { scale } = frame;
  const ax = scale.x(ins.x[k - 1]!);
  const ay = scale.y(ins.y[k - 1]!);
  // Screen vector of a maths vector (y flips), and one of fixed length in its direction.
  const kx = scale.x(1) - scale.x(0);
  const ky = scale.y(1) - scale.y(0);
  const toward = (dx: number, dy: number, length: number): Arrow['to'] | null => {
    const sx = dx * kx;
    const sy = dy * ky;
    const n = Math.hypot(sx, sy);
    return n > 0 && Number.isFinite(n) ? [ax + (sx / n) * length, ay + (sy / n) * length] : null;
  };
  const arrows: Arrow[] = [];
  const push = (kind: Arrow['kind'], label: string, to: Arrow['to'] | null) => {
    if (to) arrows.push({ kind, from: [ax, ay], to, label });
  };
  push('gradient', '−g', toward(-ins.gx[k]!, -ins.gy[k]!, GRADIENT_PX));
  const direction = ins.state.find((s) => s.field.role === 'direction');
  if (direction) {
    // The field's symbol: the label's first word ("m̂ (bias-corrected m)" → "m̂").
    const symbol = direction.field.label.split(' ')[0]!;
    const [dx, dy] = direction.values;
    push('direction', `−${symbol}`, toward(-dx![k]!, -dy![k]!, DIRECTION_PX));
  }
  const stepPx = Math.hypot(ins.sx[k]! * kx, ins.sy[k]! * ky);
  push(
    'step',
    'step',
    toward(ins.sx[k]!, ins.sy[k]!, Math.min(STEP_MAX_PX, Math.max(STEP_MIN_PX, stepPx))),
  );
  const lrEff = lrEffColumns(ins);
  let glyph: InspectGeometry['glyph'] = null;
  if (lrEff) {
    const ex = Math.abs(lrEff[0]![k]!);
    const ey = Math.abs(lrEff[1]![k]!);
    const top = Math.max(ex, ey);
    if (top > 0 && Number.isFinite(top)) {
      glyph = {
        center: [ax, ay],
        hx: Math.max(2, (GLYPH_PX * ex) / top),
        hy: Math.max(2, (GLYPH_PX * ey) / top),
      };
    }
  }
  return { step: k, arrows, glyph };
}

/** Arrow styles: colour, width, dash. Shared with the inspector's legend. */
export const ARROW_STYLE: Readonly<
  Record<Arrow['kind'], { color: string; width: number; dash: number[] }>
> = {
  gradient: { color: '#1b1b1f', width: 2.5, dash: [] },
  direction: { color: '#7a3ea1', width: 2.5, dash: [6, 4] },
  step: { color: '#d55e00', width: 3.5, dash: [] },
};

function arrow(ctx: CanvasRenderingContext2D, a: Arrow): void {
  const [x0, y0] = a.from;
  const [x1, y1] = a.to;
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = 9;
  const style = ARROW_STYLE[a.kind];
  const trace = () => {
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1 - Math.cos(angle) * head * 0.6, y1 - Math.sin(angle) * head * 0.6);
  };
  const tip = () => {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45));
    ctx.lineTo(x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45));
    ctx.closePath();
  };
  // A white halo keeps every arrow readable over the contour bands.
  ctx.setLineDash([]);
  ctx.strokeStyle = 'rgb(255 255 255 / 0.9)';
  ctx.lineWidth = style.width + 3;
  trace();
  ctx.stroke();
  tip();
  ctx.stroke();
  ctx.strokeStyle = style.color;
  ctx.fillStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.setLineDash(style.dash);
  trace();
  ctx.stroke();
  ctx.setLineDash([]);
  tip();
  ctx.fill();
}

/** The arrow's name just past its tip, with a white halo. */
function label(ctx: CanvasRenderingContext2D, a: Arrow): void {
  const [x0, y0] = a.from;
  const [x1, y1] = a.to;
  const n = Math.hypot(x1 - x0, y1 - y0) || 1;
  const x = x1 + ((x1 - x0) / n) * 10;
  const y = y1 + ((y1 - y0) / n) * 10;
  ctx.textAlign = x1 >= x0 ? 'left' : 'right';
  ctx.strokeStyle = 'rgb(255 255 255 / 0.9)';
  ctx.lineWidth = 3;
  ctx.strokeText(a.label, x, y);
  ctx.fillStyle = ARROW_STYLE[a.kind].color;
  ctx.fillText(a.label, x, y);
}

/**
 * The inspected optimizer at the hovered or scrubbed step: the effective learning-rate glyph (a
 * box whose half-sides are proportional to lr_eff along x and y), −g, the optimizer's direction
 * and the step it took.
 */
export const inspect: Layer = (ctx, frame) => {
  const geometry = inspectGeometry(frame);
  if (!geometry || geometry.step < 1) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.plot.left, frame.plot.top, frame.plot.width, frame.plot.height);
  ctx.clip();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const { glyph } = geometry;
  if (glyph) {
    const [cx, cy] = glyph.center;
    ctx.fillStyle = 'rgb(0 114 178 / 0.16)';
    ctx.strokeStyle = '#0072b2';
    ctx.lineWidth = 1.5;
    ctx.fillRect(cx - glyph.hx, cy - glyph.hy, 2 * glyph.hx, 2 * glyph.hy);
    ctx.strokeRect(cx - glyph.hx, cy - glyph.hy, 2 * glyph.hx, 2 * glyph.hy);
    ctx.beginPath();
    ctx.moveTo(cx - glyph.hx, cy);
    ctx.lineTo(cx + glyph.hx, cy);
    ctx.moveTo(cx, cy - glyph.hy);
    ctx.lineTo(cx, cy + glyph.hy);
    ctx.stroke();
  }
  for (const a of geometry.arrows) arrow(ctx, a);
  ctx.font = `600 12px ${frame.theme.font}`;
  ctx.textBaseline = 'middle';
  for (const a of geometry.arrows) label(ctx, a);
  ctx.restore();
};
