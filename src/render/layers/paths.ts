import { sameBox } from '../../engine/box.ts';
import type { Box } from '../../engine/types.ts';
import type { RunView } from '../../workers/runs.ts';
import type { Context2D } from '../bitmap.ts';
import { clipToPlot, type Frame, type Layer } from '../frame.ts';
import { RasterCache } from '../rasterCache.ts';
import { Motion, Settle } from '../settle.ts';

/** Past this many pixels outside the canvas a coordinate only risks overflow in the rasteriser. */
const FAR = 1e5;
const clampPx = (v: number): number => Math.min(FAR, Math.max(-FAR, v));

/**
 * The last point index drawn: the cursor, or the run's last known point if that is earlier (of its
 * path: a path sketched on the page shows before its losses arrive).
 */
export const lastShown = (run: RunView, cursor: number): number =>
  Math.min(run.pathLength - 1, cursor);

/** The run's polyline through point `last`, skipping points within half a pixel of the previous. */
function tracePath(ctx: Context2D, { scale }: Frame, run: RunView, last: number): void {
  let lastX = clampPx(scale.x(run.x[0]!));
  let lastY = clampPx(scale.y(run.y[0]!));
  ctx.moveTo(lastX, lastY);
  for (let k = 1; k <= last; k++) {
    const px = clampPx(scale.x(run.x[k]!));
    const py = clampPx(scale.y(run.y[k]!));
    if (k < last && Math.abs(px - lastX) < 0.5 && Math.abs(py - lastY) < 0.5) continue;
    ctx.lineTo(px, py);
    lastX = px;
    lastY = py;
  }
}

/** The run's length on screen through point `last`, in CSS pixels. */
function screenLength({ scale }: Frame, run: RunView, last: number): number {
  let length = 0;
  for (let k = 1; k <= last; k++) {
    length += Math.hypot(
      clampPx(scale.x(run.x[k]!)) - clampPx(scale.x(run.x[k - 1]!)),
      clampPx(scale.y(run.y[k]!)) - clampPx(scale.y(run.y[k - 1]!)),
    );
  }
  return length;
}

/** A cross of half-size `r` centred on (x, y). */
function cross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

/** A screen point kept just inside the plot, so a marker far outside the view still shows. */
function inside({ plot }: Frame, px: number, py: number): [number, number] {
  const inset = 8;
  return [
    Math.min(plot.left + plot.width - inset, Math.max(plot.left + inset, px)),
    Math.min(plot.top + plot.height - inset, Math.max(plot.top + inset, py)),
  ];
}

function dot(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** Runs per cached bitmap: a changed run costs its group's repaint, not every run's. */
const GROUP = 4;
/**
 * Points a frame may repaint at full quality while the cursor moves (a few ms in software
 * Chromium): the default race plays in full, a scene of 10,000-step runs in draft.
 */
export const MOVING_POINTS = 4000;
const clock = () => performance.now();

/** What the paths layer of one canvas keeps between its frames. */
class Bookkeeping {
  /** The groups' full-quality bitmaps. */
  readonly rasters = new RasterCache<number>();
  /** When each run was first drawn. */
  readonly settle = new Settle();
  /** While the view moves (zoom, pan) the groups' bitmaps are stretched along, not restroked. */
  readonly views = new Motion<Box>(sameBox);
  /** While the cursor moves (playback, scrubbing) stale groups are stroked in draft. */
  readonly cursors = new Motion<number>(Object.is);
  /** True when a group waits for its full-quality repaint. */
  behind = false;
  /** True when the last frame stroked some path in draft (fresh, incomplete or behind). */
  drafted = false;
}

/**
 * Strokes runs `order`, longest first (runs share a start, so the short ones go on top). Full
 * quality: a pale halo under a 2 px line in the run's colour, readable over dark bands and
 * crossing iso-lines. Draft: one device pixel of colour, ~25× cheaper to rasterise in software.
 */
function strokeRuns(
  ctx: Context2D,
  frame: Frame,
  order: readonly number[],
  quality: 'full' | 'draft',
): void {
  const { runs: set, cursor } = frame.content;
  if (!set || order.length === 0) return;
  // Measuring a path walks all its points: drafts, drawn for a moment, keep their order.
  const lengths = new Map(
    order.length > 1 && quality === 'full'
      ? order.map((k) => [k, screenLength(frame, set.runs[k]!, lastShown(set.runs[k]!, cursor))])
      : [],
  );
  const sorted = [...order].sort((a, b) => lengths.get(b)! - lengths.get(a)!);
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const k of sorted) {
    const run = set.runs[k]!;
    ctx.beginPath();
    tracePath(ctx, frame, run, lastShown(run, cursor));
    if (quality === 'full') {
      ctx.strokeStyle = 'rgb(255 255 255 / 0.7)';
      ctx.lineWidth = 4;
      ctx.stroke();
      ctx.lineWidth = 2;
    } else {
      ctx.lineWidth = 1 / ctx.getTransform().a;
    }
    ctx.strokeStyle = set.scene.optimizers[k]!.color;
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * Stroking wide paths is the costly part of a frame (≈ 4 µs a vertex in software Chromium), so
 * settled runs (complete, unchanged for SETTLE_MS) are rasterised at full quality in groups of
 * GROUP and blitted. A group with a run that just changed (the one under a slider) is stroked
 * every frame in draft, on top, until that run settles. While the view moves, the bitmaps are
 * stretched onto it; while the cursor moves, stale groups are drawn in draft unless they are
 * small (MOVING_POINTS). Once things rest, stale groups are repainted one per frame (the others
 * in draft meanwhile), so no frame pays for them all: 16 runs of 10,000 steps took 118 ms.
 */
function drawPaths(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  visible: readonly number[],
  own: Bookkeeping,
): void {
  const set = frame.content.runs!;
  const now = clock();
  const { rasters, settle } = own;
  settle.observe(set.stamps, now);
  const settled = (k: number) => set.isDone(k) && settle.settled(set.stamps[k]!, now);
  const { view, plot } = frame;
  const { cursor } = frame.content;
  const viewMoving = own.views.moving(view, now);
  const cursorMoving = own.cursors.moving(cursor, now);
  // A group with a fresh run is stroked live, all of it: repainting its bitmap without that run
  // would stroke the others at full quality on the very frame a drag starts.
  const group = (k: number) => Math.floor(k / GROUP);
  const fresh = new Set(visible.filter((k) => !settled(k)).map(group));
  const live = visible.filter((k) => fresh.has(group(k)));
  // At rest, one stale group is repainted per frame; in motion, only groups this small.
  let repaints = 1;
  let movingPoints = MOVING_POINTS;
  own.behind = false;
  for (let g = 0; g * GROUP < set.runs.length; g++) {
    const members = visible.filter((k) => group(k) === g);
    if (members.length === 0 || fresh.has(g)) continue;
    const key = [cursor, ...members.map((k) => set.stamps[k])];
    if (rasters.blit(ctx, plot, g, key, view)) continue;
    if (viewMoving && rasters.stretch(ctx, plot, g, key, view)) continue;
    const points = members.reduce((n, k) => n + lastShown(set.runs[k]!, cursor) + 1, 0);
    if (cursorMoving ? points <= movingPoints : repaints > 0) {
      if (cursorMoving) movingPoints -= points;
      else repaints--;
      rasters.draw(ctx, plot, g, key, (r) => strokeRuns(r, frame, members, 'full'), view);
    } else {
      live.push(...members);
      own.behind ||= !cursorMoving;
    }
  }
  own.drafted = live.length > 0;
  if (live.length === 0) return;
  clipToPlot(ctx, frame);
  strokeRuns(ctx, frame, live, 'draft');
  ctx.restore();
}

/**
 * Milliseconds until paths drawn in draft or stretched deserve a full-quality frame (0 while a
 * group waits its turn to be repainted), or null if nothing waits.
 */
function settlesIn(own: Bookkeeping): number | null {
  if (own.behind) return 0;
  const now = clock();
  const waits = [own.settle.next(now), own.views.next(now), own.cursors.next(now)].filter(
    (w) => w !== null,
  );
  return waits.length ? Math.min(...waits) : null;
}

/** The paths layer of one canvas, which owns what it remembers between that canvas's frames. */
export interface PathsLayer {
  /** Draws the paths of a frame (see `pathsLayer`). */
  readonly draw: Layer;
  /** Milliseconds until its paths deserve a full-quality frame, or null if nothing waits. */
  settlesIn(): number | null;
  /** True when its last frame drew some path in draft: a run still computing draws so too. */
  drafted(): boolean;
}

/**
 * A paths layer for one canvas: one polyline per visible optimizer through the playback cursor,
 * its current point, a ✕ where a diverged run left the finite numbers, the hovered step on every
 * path, and the shared start.
 */
export function pathsLayer(): PathsLayer {
  const own = new Bookkeeping();
  const paths: Layer = (ctx, frame) => drawLayer(ctx, frame, own);
  return { draw: paths, settlesIn: () => settlesIn(own), drafted: () => own.drafted };
}

function drawLayer(ctx: CanvasRenderingContext2D, frame: Frame, own: Bookkeeping): void {
  const { runs: set, hidden, cursor, hoverStep, scene } = frame.content;
  const { scale } = frame;
  own.drafted = false;
  if (set) {
    const visible = set.runs
      .map((_, k) => k)
      .filter((k) => !hidden[k] && set.runs[k]!.pathLength > 0);
    drawPaths(ctx, frame, visible, own);

    ctx.save();
    ctx.lineCap = 'round';
    for (const k of visible) {
      const run = set.runs[k]!;
      const color = set.scene.optimizers[k]!.color;
      const last = lastShown(run, cursor);
      const [px, py] = inside(frame, scale.x(run.x[last]!), scale.y(run.y[last]!));
      if (run.divergedAt !== null && cursor >= run.divergedAt) {
        ctx.beginPath();
        cross(ctx, px, py, 5);
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 5;
        ctx.stroke();
        ctx.strokeStyle = color;
        ctx.lineWidth = 2.5;
        ctx.stroke();
      } else {
        dot(ctx, px, py, 4.5, color);
      }
      if (hoverStep !== null && hoverStep < run.length && hoverStep <= last) {
        const [hx, hy] = inside(frame, scale.x(run.x[hoverStep]!), scale.y(run.y[hoverStep]!));
        ctx.beginPath();
        ctx.arc(hx, hy, 6.5, 0, 2 * Math.PI);
        ctx.strokeStyle = color;
        ctx.lineWidth = 2.5;
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  // The start (the store's, so dragging it shows at once): a hollow ring on top of everything.
  // On a network's plane, the runs' shared θ₀ where it projects (none before the runs arrive).
  const plane = frame.content.plane;
  const start = plane ? plane.start : scene.start;
  if (!start) return;
  const [sx, sy] = start;
  ctx.save();
  ctx.beginPath();
  ctx.arc(scale.x(sx), scale.y(sy), 6, 0, 2 * Math.PI);
  ctx.fillStyle = '#fff';
  ctx.fill();
  ctx.strokeStyle = '#1b1b1f';
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.restore();
}
