import { useEffect } from 'react';
import type { LabStore } from '../state/store.ts';
import type { Feed } from '../workers/feed.ts';
import { useLabStore } from '../state/useLab.ts';

/** A frame longer than this (a background tab, a debugger pause) advances only this far. */
const MAX_FRAME_SECONDS = 0.25;
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Stores that already have a running clock: a second caller is a harmless no-op. */
const clocks = new WeakSet<LabStore>();

/**
 * Drives playback: while `playback.playing`, advances `playback.step` by speed × elapsed time on
 * each animation frame and stops (playing: false) at the last step. With reduced motion, playing
 * jumps straight to the end. Call it once per page (App does); a second caller is a no-op.
 *
 * It waits for `runs`, the page's run feed: before any run set is published (a page just loaded,
 * its first runs still computing) it holds the cursor and asks for no frames, and starts when the
 * first set arrives. Otherwise the first race of a network scene would play over empty views while
 * it trains (about a second), redrawing every view each frame on the cores the training needs,
 * and its runs would arrive half-way through the animation.
 *
 * Why `setState` and not an action: `seek` pauses, and the store deliberately has no "advance"
 * action, so the clock writes `playback.step` itself, keeping `playing` and `speed` as they are.
 */
export function usePlaybackClock(runs: Pick<Feed<unknown>, 'current' | 'subscribe'>): void {
  const store = useLabStore();
  useEffect(() => {
    if (clocks.has(store)) return;
    clocks.add(store);
    const reduced = matchMedia(REDUCED_MOTION);
    let request = 0;
    let last = 0;
    // The fractional step: at 50 steps/s a frame advances less than one step.
    let position = 0;
    let written = -1;

    const finish = () =>
      store.setState((s) => ({ playback: { ...s.playback, playing: false, step: s.steps } }));
    const frame = (now: number) => {
      request = 0;
      const { playback, steps } = store.getState();
      if (!playback.playing) return;
      // Someone else moved the cursor (a new step count, say): continue from there.
      if (playback.step !== written) position = playback.step;
      const dt = Math.min(MAX_FRAME_SECONDS, Math.max(0, (now - last) / 1000));
      last = now;
      position = Math.min(steps, position + playback.speed * dt);
      const step = Math.floor(position);
      if (step >= steps) return finish();
      if (step !== playback.step) {
        written = step;
        store.setState((s) => ({ playback: { ...s.playback, step } }));
      }
      request = requestAnimationFrame(frame);
    };
    const start = () => {
      if (reduced.matches) return finish();
      if (request !== 0 || runs.current === null) return;
      position = written = store.getState().playback.step;
      last = performance.now();
      request = requestAnimationFrame(frame);
    };

    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playback.playing && !prev.playback.playing) start();
    });
    const unsubscribeRuns = runs.subscribe(() => {
      if (store.getState().playback.playing) start();
    });
    if (store.getState().playback.playing) start();
    return () => {
      cancelAnimationFrame(request);
      request = 0;
      unsubscribe();
      unsubscribeRuns();
      clocks.delete(store);
    };
  }, [store, runs]);
}
