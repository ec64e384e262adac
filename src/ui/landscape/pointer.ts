import type { Frame } from '../../render/frame.ts';
import type { LabStore } from '../../state/store.ts';
import type { RunFeed } from '../../workers/runs.ts';
import { basinCellAt, basinReadout } from './basinPointer.ts';
import type { FunctionValues } from './functionValues.ts';
import { nearestStep, onPlot, readoutText } from './pick.ts';
import { nearStart, startAt } from './startHandle.ts';
import type { ClientPoint } from './zoom.ts';

/** What pointer handling reads and writes besides the canvas. */
export interface PointerTargets {
  readonly store: LabStore;
  /** The last frame drawn, or null before the first. */
  readonly frame: () => Frame | null;
  readonly runs: RunFeed;
  readonly values: FunctionValues;
  /** Where the hover readout goes. */
  readonly readout: () => HTMLElement | null;
  /**
   * The readout and picked step over a network's plane (ui/network), or null for a function's
   * scene: there is no start to drag there, and f is the network's loss, not the function's.
   */
  readonly plane?: (frame: Frame, px: number, py: number) => PlaneHover | null;
}

/** What hovering a network's plane shows. */
export interface PlaneHover {
  readonly text: string;
  readonly step: number | null;
}

/**
 * Pointer handling on `canvas` until `signal` aborts: dragging the start point, and hovering,
 * which shows x, y, f under the pointer and picks the nearest path step (shared with the loss
 * chart through the store). Over a basin map, hovering reads the cell out and a click sets its start. Returns the start-point hit test, for the zoom's gesture filter.
 */
export function attachPointer(
  canvas: HTMLCanvasElement,
  { store, frame, runs, values, readout, plane }: PointerTargets,
  signal: AbortSignal,
): (p: ClientPoint) => boolean {
  const local = (e: ClientPoint) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  const grabsStart = (e: ClientPoint): boolean => {
    const f = frame();
    if (f?.content.plane) return false;
    return f !== null && nearStart(f.scale, store.getState().start, ...local(e));
  };

  const leave = () => {
    const out = readout();
    if (out) out.textContent = '';
    const { hoverStep, actions } = store.getState();
    if (hoverStep !== null) actions.setHoverStep(null);
  };
  const hover = (px: number, py: number) => {
    const f = frame();
    const out = readout();
    if (!f || !out) return;
    if (!onPlot(f.plot, px, py)) {
      leave();
      return;
    }
    const state = store.getState();
    const x = f.scale.invertX(px);
    const y = f.scale.invertY(py);
    const onPlane = plane?.(f, px, py);
    if (onPlane) {
      out.textContent = onPlane.text;
      if (onPlane.step !== state.hoverStep) state.actions.setHoverStep(onPlane.step);
      return;
    }
    const cell = basinCellAt(f, x, y);
    if (cell) {
      out.textContent = basinReadout(f, cell);
      return;
    }
    const step = nearestStep(runs.current, state.optimizers, state.playback.step, f.scale, px, py);
    out.textContent = readoutText(x, y, values.at(state.fn, x, y), step);
    if (step !== state.hoverStep) state.actions.setHoverStep(step);
  };

  let dragging = -1;
  const on = <K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (e: HTMLElementEventMap[K]) => void,
  ) => canvas.addEventListener(type, listener, { signal });
  on('pointerdown', (e) => {
    if (e.button !== 0 || !grabsStart(e)) return;
    dragging = e.pointerId;
    canvas.setPointerCapture(e.pointerId);
    canvas.classList.add('dragging');
    e.preventDefault();
  });
  on('pointermove', (e) => {
    const [px, py] = local(e);
    if (e.pointerId === dragging) {
      const f = frame();
      if (f) store.getState().actions.setStart(startAt(f.scale, store.getState().view, px, py));
      return;
    }
    hover(px, py);
    canvas.classList.toggle('grab', grabsStart(e));
  });
  const release = (e: PointerEvent) => {
    if (e.pointerId !== dragging) return;
    dragging = -1;
    canvas.releasePointerCapture(e.pointerId);
    canvas.classList.remove('dragging');
  };
  // A click (no drag: d3-zoom swallows the click that ends a pan) on a basin map sets the start
  // to that cell's, so the paths show the very run the cell's colour tells of.
  on('click', (e) => {
    const f = frame();
    if (!f) return;
    const [px, py] = local(e);
    const cell = onPlot(f.plot, px, py)
      ? basinCellAt(f, f.scale.invertX(px), f.scale.invertY(py))
      : null;
    if (cell) store.getState().actions.setStart(cell.start);
  });
  on('pointerup', release);
  on('pointercancel', release);
  on('pointerleave', leave);
  return grabsStart;
}
