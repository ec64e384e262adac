import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { Frame } from '../../render/frame.ts';
import { transformOf, viewOf } from '../../render/viewTransform.ts';
import type { LabStore } from '../../state/store.ts';
import { baseView } from './views.ts';

/** A point in the page, as pointer and touch events give it. */
export interface ClientPoint {
  readonly clientX: number;
  readonly clientY: number;
}

/** The zoom and pan gestures of a canvas. */
export interface Zooming {
  /** Brings d3-zoom's transform in line with the store's view (changed by keys, buttons, links). */
  sync(): void;
  dispose(): void;
}

/**
 * Wheel, drag and pinch zoom and pan on `canvas`: d3-zoom owns the gestures, the store's view is
 * the truth. `frame` gives the last frame drawn (its plot maps transforms to views); a press
 * where `grabsStart` says the start point is drags the point, not the view.
 */
export function attachZoom(
  canvas: HTMLCanvasElement,
  store: LabStore,
  frame: () => Frame | null,
  grabsStart: (p: ClientPoint) => boolean,
): Zooming {
  let syncing = false;
  const behaviour: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([1 / 50, 1e5])
    .filter((event: Event) => {
      if (event.type === 'wheel') return true;
      if (event instanceof MouseEvent)
        return event.button === 0 && !event.ctrlKey && !grabsStart(event);
      if (event instanceof TouchEvent)
        return event.touches.length !== 1 || !grabsStart(event.touches[0]!);
      return true;
    })
    .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      const f = frame();
      if (syncing || !f) return;
      const s = store.getState();
      s.actions.setView(viewOf(event.transform, baseView(s), f.plot));
    });
  const selection = select(canvas).call(behaviour).on('dblclick.zoom', null);
  const sync = () => {
    const f = frame();
    if (!f) return;
    const s = store.getState();
    const t = transformOf(s.view, baseView(s), f.plot);
    syncing = true;
    behaviour.transform(selection, zoomIdentity.translate(t.x, t.y).scale(t.k));
    syncing = false;
  };
  let lastView = store.getState().view;
  const stop = store.subscribe((s) => {
    if (s.view === lastView) return;
    lastView = s.view;
    sync();
  });
  return {
    sync,
    dispose: () => {
      stop();
      selection.on('.zoom', null);
    },
  };
}
