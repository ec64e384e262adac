import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { sizeCanvas } from '../../render/canvas.ts';
import type { LabState } from '../../state/store.ts';
import { useLabStore } from '../../state/useLab.ts';
import type { RunSet } from '../../workers/runs.ts';
import { useRunFeed } from '../feeds.ts';
import { observeWidth } from '../observeWidth.ts';

/** What a data plot draws from: a sized, cleared canvas and the newest runs and store state. */
export interface PlotFrame {
  readonly ctx: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
  readonly runSet: RunSet;
  readonly state: LabState;
  /** The step shown: the hovered one, else the cursor's. */
  readonly shown: number;
}

/** A data plot's height for its width, CSS px: three quarters of it, within readable bounds. */
export const plotHeight = (width: number): number =>
  Math.round(Math.max(220, Math.min(340, width * 0.75)));

/**
 * Sizes `canvas` and calls `draw` at most once per animation frame after anything a data plot
 * shows may have changed: new trajectories, the cursor or the hovered step, the optimizers
 * (hidden, colour), the canvas's width, the colour scheme, and `deps` (the caller's React state).
 * Transient subscriptions: playback never re-renders the component. `draw` is read fresh on every
 * frame; it is not called before any trajectory has arrived.
 */
export function usePlotFrames(
  canvas: RefObject<HTMLCanvasElement | null>,
  draw: (frame: PlotFrame) => void,
  deps: readonly unknown[],
): void {
  const feed = useRunFeed();
  const store = useLabStore();
  const drawRef = useRef(draw);
  useLayoutEffect(() => {
    drawRef.current = draw;
  });
  const schedule = useRef<() => void>(() => {});

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let request = 0;
    const frame = () => {
      request = 0;
      const width = size.current;
      const runSet = feed.current;
      if (width <= 0) return;
      const height = plotHeight(width);
      const ctx = sizeCanvas(element, width, height, window.devicePixelRatio || 1);
      if (!runSet) return;
      const state = store.getState();
      const shown = state.hoverStep ?? state.playback.step;
      drawRef.current({ ctx, width, height, runSet, state, shown });
    };
    const ask = () => {
      if (request === 0) request = requestAnimationFrame(frame);
    };
    schedule.current = ask;
    const unfeed = feed.subscribe(ask);
    const unstore = store.subscribe((s, prev) => {
      if (
        s.playback.step !== prev.playback.step ||
        s.hoverStep !== prev.hoverStep ||
        s.optimizers !== prev.optimizers
      ) {
        ask();
      }
    });
    const size = observeWidth(element, ask);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', ask);
    ask();
    return () => {
      cancelAnimationFrame(request);
      unfeed();
      unstore();
      size.disconnect();
      scheme.removeEventListener('change', ask);
      schedule.current = () => {};
    };
  }, [canvas, feed, store]);

  // The caller's own state changed (a choice in a menu): one more frame.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => schedule.current(), deps);
}
