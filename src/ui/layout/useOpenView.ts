import { useCallback, useEffect, useState } from 'react';
import { defaultSweep } from '../../engine/sweep/defaults.ts';
import type { LabStore } from '../../state/store.ts';
import { initialView, openedBy, type ViewId } from './openView.ts';

/**
 * The view open above the controls (or none), and a setter for the switcher's buttons. It follows
 * the store through a transient subscription, so the lab re-renders when a view opens, not on
 * every store change (a playback frame). Opening the sweeps with no sweep in the scene starts the
 * default one, so one press shows the map; closing the view keeps the sweep (and its settings) in
 * the scene and the link.
 */
export function useOpenView(store: LabStore): [ViewId | null, (view: ViewId | null) => void] {
  const [open, setOpen] = useState(() => initialView(store.getState()));
  useEffect(
    () =>
      store.subscribe((next, prev) => {
        const view = openedBy(next, prev);
        if (view !== null) setOpen(view);
      }),
    [store],
  );
  const choose = useCallback(
    (view: ViewId | null) => {
      const state = store.getState();
      if (view === 'sweeps' && state.sweep === null) {
        state.actions.setSweep(defaultSweep(state.scene));
      }
      setOpen(view);
    },
    [store],
  );
  return [open, choose];
}
