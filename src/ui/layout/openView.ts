import type { LabState } from '../../state/store.ts';

/** The views that open above the controls, one at a time. */
export type ViewId = 'inspect' | 'sweeps' | 'data' | 'boundaries' | 'line' | 'layers';

/** What of the store decides which view opens. */
type Opener = Pick<LabState, 'selected' | 'sweep' | 'network'>;

/**
 * Which view a page opened in `state` shows first: a network's decision boundaries (its scene has
 * no inspector or sweeps), else a linked sweep, else the inspected optimizer.
 */
export function initialView(state: Opener): ViewId | null {
  if (state.network !== null) return 'boundaries';
  if (state.sweep !== null) return 'sweeps';
  return state.selected !== null ? 'inspect' : null;
}

/**
 * The view a store change from `prev` to `next` opens, or null when it opens none: a network
 * that appears (a link, the gallery, the Scene panel) opens its decision boundaries; in a
 * function's scene, choosing an optimizer to inspect (a card's Inspect, a result's name) opens the
 * inspector, and a sweep that opens (a gallery scene, a sweep started elsewhere) opens the sweeps.
 * Nothing closes a view but the reader.
 */
export function openedBy(next: Opener, prev: Opener): ViewId | null {
  if (next.network !== null) return prev.network === null ? 'boundaries' : null;
  if (next.selected !== null && next.selected !== prev.selected) return 'inspect';
  if (next.sweep !== null && prev.sweep === null) return 'sweeps';
  return null;
}
