import type { PointerEvent } from 'react';
import { clipCursor, plotRect, stepAt } from '../render/chart/layout.ts';
import type { LabStore } from '../state/store.ts';

/**
 * Sets the page's hovered step from a pointer over a step chart `height` CSS px tall. Past the
 * cursor nothing is drawn yet: the hover holds at the newest point instead.
 */
export function hoverFromPointer(
  store: LabStore,
  event: PointerEvent<HTMLCanvasElement>,
  height: number,
  steps: number,
): void {
  const state = store.getState();
  const box = event.currentTarget.getBoundingClientRect();
  const step = Math.min(
    stepAt(event.clientX - box.left, plotRect(box.width, height), steps),
    clipCursor(state.playback.step, steps),
  );
  if (step !== state.hoverStep) state.actions.setHoverStep(step);
}

/** Clears the page's hovered step. */
export function clearHover(store: LabStore): void {
  if (store.getState().hoverStep !== null) store.getState().actions.setHoverStep(null);
}
