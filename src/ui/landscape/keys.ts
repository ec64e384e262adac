import type { Box, Vec2 } from '../../engine/types.ts';
import { roundTo } from '../../render/viewTransform.ts';
import type { LabStore } from '../../state/store.ts';
import { ZOOM_STEP, zoomView } from './views.ts';

/** What a key asks of the landscape: a new start, a new view, or the function's own view. */
export type KeyCommand =
  { readonly start: Vec2 } | { readonly view: Box } | { readonly reset: true };

/** Directions of the arrow keys, in maths orientation (y up). */
const MOVES: Readonly<Record<string, Vec2>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/**
 * The command for `key` on a landscape showing `view` with its start at `start`, or null for a
 * key it leaves alone: arrows move the start by 2% of the view (10% with Shift), rounded to
 * readable digits; + and − zoom; 0 resets the view.
 */
export function keyCommand(key: string, shift: boolean, view: Box, start: Vec2): KeyCommand | null {
  const move = MOVES[key];
  if (move) {
    const unit = shift ? 0.1 : 0.02;
    const spanX = view.x[1] - view.x[0];
    const spanY = view.y[1] - view.y[0];
    return {
      start: [
        roundTo(start[0] + move[0] * unit * spanX, spanX),
        roundTo(start[1] + move[1] * unit * spanY, spanY),
      ],
    };
  }
  if (key === '+' || key === '=') return { view: zoomView(view, ZOOM_STEP) };
  if (key === '-' || key === '_') return { view: zoomView(view, 1 / ZOOM_STEP) };
  if (key === '0') return { reset: true };
  return null;
}

/** The part of a keyboard event the landscape reads. */
export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'shiftKey' | 'preventDefault' | 'stopPropagation'
>;

/**
 * A keydown listener that carries out `keyCommand` on `store`, unless `first` (a view's own keys,
 * such as the basin map's cell steps) handles the key and returns true.
 */
export function keyListener(
  store: LabStore,
  first: (e: KeyPress) => boolean = () => false,
): (e: KeyPress) => void {
  return (e) => {
    if (!first(e)) {
      const { view, start, actions } = store.getState();
      const command = keyCommand(e.key, e.shiftKey, view, start);
      if (!command) return;
      if ('start' in command) actions.setStart(command.start);
      else if ('view' in command) actions.setView(command.view);
      else actions.resetView();
    }
    // Handled here: the page's playback shortcuts must not also see it.
    e.preventDefault();
    e.stopPropagation();
  };
}
