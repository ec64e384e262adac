import { useEffect, useState } from 'react';
import type { LabStore } from '../../state/store.ts';
import { initialView, openedBy, type ViewId } from './openView.ts';

/**
 * The view open above the controls (or none), and a setter for the switcher's buttons. It follows
 * the store through a transient subscription, so the lab re-renders when a view opens, not on
 * every store change (a playback frame).
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
  return [open, setOpen];
}
