import type { LabStore } from '../../state/store.ts';
import type { Feed } from '../../workers/feed.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { observeWidth } from '../observeWidth.ts';

/** A canvas drawn from the sweep feed, at most once per animation frame. */
export interface CanvasView {
  /** Asks for a drawing in the next animation frame (one per frame, however often asked). */
  schedule(): void;
  /** The canvas's CSS width as last laid out. */
  readonly width: number;
  /** Listens to the canvas until `dispose`. */
  on<K extends keyof HTMLElementEventMap>(
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
  ): void;
  dispose(): void;
}

/**
 * Calls `draw` in an animation frame after every change that can change the picture: a part of
 * the sweep, a new scene or sweep setting in the store, the canvas's width,
 * the colour scheme, or an explicit `schedule()` (hover, focus). Never through React.
 */
export function canvasView(
  canvas: HTMLCanvasElement,
  feed: Feed<SweepProgress | null>,
  store: LabStore,
  draw: () => void,
): CanvasView {
  let request = 0;
  const schedule = () => {
    if (request === 0) {
      request = requestAnimationFrame(() => {
        request = 0;
        draw();
      });
    }
  };
  const listeners = new AbortController();
  const unfeed = feed.subscribe(schedule);
  const unstore = store.subscribe((s, prev) => {
    if (s.scene !== prev.scene) schedule();
  });
  const size = observeWidth(canvas, schedule);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', schedule, {
    signal: listeners.signal,
  });
  schedule();
  return {
    schedule,
    get width() {
      return size.current;
    },
    on: (type, handler) => canvas.addEventListener(type, handler, { signal: listeners.signal }),
    dispose() {
      cancelAnimationFrame(request);
      listeners.abort();
      unfeed();
      unstore();
      size.disconnect();
    },
  };
}
