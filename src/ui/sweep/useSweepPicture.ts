import { useRef, useSyncExternalStore } from 'react';
import type { SweepPicture } from '../../render/frame.ts';
import { useSweep } from '../useSweep.ts';

/** The picture a tab last rendered, and how many of its cells were computed then. */
export interface Rendered {
  readonly picture: SweepPicture | null;
  readonly cells: number;
}

/**
 * What a tab renders when the feed holds `next` after it rendered `last`: `last` again (no
 * re-render) while the same sweep, not done, has less than doubled its computed cells, or a new
 * one has none yet; else `next`.
 */
export function nextRendered(last: Rendered, next: SweepPicture | null): Rendered {
  if (next === last.picture) return last;
  const cells = next?.computed ?? 0;
  const sameSweep = next !== null && last.picture !== null && next.plan === last.picture.plan;
  if (sameSweep && !next.done && cells < 2 * last.cells) return last;
  // A new sweep with nothing computed yet keeps the last one's figures until it has some.
  if (next !== null && !next.done && cells === 0 && last.cells > 0) return last;
  return { picture: next, cells };
}

/**
 * The page's sweep for a tab that tallies it: a new sweep, its end, and each doubling of its
 * computed cells re-render (a 256² map: about seven times), not every part that arrives (dozens,
 * each a tally of every cell on the main thread while the workers compete for the cores). The
 * columns are filled in place, so what a render reads is always current.
 */
export function useSweepPicture(): SweepPicture | null {
  const feed = useSweep();
  const rendered = useRef<Rendered>({ picture: null, cells: 0 });
  const snapshot = (): SweepPicture | null => {
    rendered.current = nextRendered(rendered.current, feed.current);
    return rendered.current.picture;
  };
  return useSyncExternalStore((listener) => feed.subscribe(listener), snapshot);
}
