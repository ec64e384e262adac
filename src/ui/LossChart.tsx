import { useEffect, useRef, type PointerEvent } from 'react';
import { sizeCanvas } from '../render/canvas.ts';
import {
  clipCursor,
  createLossChart,
  hiddenByRun,
  hoverReadout,
  lossSummary,
  type ChartTheme,
} from '../render/lossChart.ts';
import type { LabState } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';
import { lossesShown, type RunSet } from '../workers/runs.ts';
import { useRunFeed } from './feeds.ts';
import { clearHover, hoverFromPointer } from './chartHover.ts';
import { observeWidth } from './observeWidth.ts';
import './chart.css';

/** The chart's height in CSS pixels. */
const HEIGHT = 200;

/** The chart colours and font from the stylesheet of `element`. */
export function readTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--plot-text', '#2a2a31'),
    axis: read('--plot-axis', '#6a6a75'),
    surface: read('--surface', '#ffffff'),
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}

/**
 * Loss against step for every visible run, drawn through the playback cursor. Redraws at most
 * once per animation frame from transient subscriptions (run feed, store, size, colour scheme,
 * pixel ratio): playback and streaming never re-render this component. Pointer moves set the
 * store's `hoverStep`; a hover set elsewhere (the landscape) is drawn here too.
 */
export function LossChart() {
  const feed = useRunFeed();
  const store = useLabStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const readout = readoutRef.current;
    if (!canvas || !readout) return;
    const chart = createLossChart();
    let request = 0;
    let settleTimer = 0;
    let drawnHidden: readonly boolean[] = [];
    let drawnSet: RunSet | null = null;
    const draw = () => {
      request = 0;
      const width = size.current;
      if (width <= 0) return;
      const state = store.getState();
      const runSet = (drawnSet = lossesShown(feed.current, drawnSet));
      const hidden = runSet ? hiddenByRun(runSet.scene, state.optimizers) : [];
      drawnHidden = hidden;
      const cursor = state.playback.step;
      const ctx = sizeCanvas(canvas, width, HEIGHT, window.devicePixelRatio || 1);
      const { kind } = chart.draw(ctx, {
        width,
        height: HEIGHT,
        runSet,
        hidden,
        cursor,
        hoverStep: state.hoverStep,
        theme: readTheme(canvas),
      });
      // Written straight to the DOM: these change with every frame of playback and hover.
      const label = lossSummary(runSet, hidden, kind);
      if (canvas.getAttribute('aria-label') !== label) canvas.setAttribute('aria-label', label);
      const steps = runSet?.scene.steps ?? 0;
      const text = hoverReadout(runSet, hidden, state.hoverStep, clipCursor(cursor, steps));
      if (readout.textContent !== text) readout.textContent = text;
      // A curve stroked live while it changed moves into its group's bitmap once it settles.
      const wait = chart.settlesIn();
      window.clearTimeout(settleTimer);
      if (wait !== null) settleTimer = window.setTimeout(schedule, wait + 1);
    };
    const schedule = () => {
      if (request === 0) request = requestAnimationFrame(draw);
    };

    const unfeed = feed.subscribe(schedule);
    // The chart reads the store's optimizers only for their hidden flags: a slider move changes
    // the optimizers but not what is drawn until its runs arrive (through the feed).
    const hiddenChanged = (s: LabState): boolean => {
      const runSet = feed.current;
      if (!runSet) return false;
      const next = hiddenByRun(runSet.scene, s.optimizers);
      return next.some((h, k) => h !== drawnHidden[k]) || next.length !== drawnHidden.length;
    };
    const unstore = store.subscribe((s, prev) => {
      if (
        s.playback.step !== prev.playback.step ||
        s.hoverStep !== prev.hoverStep ||
        (s.optimizers !== prev.optimizers && hiddenChanged(s))
      ) {
        schedule();
      }
    });
    const size = observeWidth(canvas, schedule);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', schedule);
    // A resolution query matches one ratio only, so it is renewed after every change.
    let ratio: MediaQueryList | undefined;
    const onRatio = () => {
      watchRatio();
      schedule();
    };
    const watchRatio = () => {
      ratio?.removeEventListener('change', onRatio);
      ratio = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      ratio.addEventListener('change', onRatio);
    };
    watchRatio();
    schedule();
    return () => {
      cancelAnimationFrame(request);
      window.clearTimeout(settleTimer);
      unfeed();
      unstore();
      size.disconnect();
      scheme.removeEventListener('change', schedule);
      ratio?.removeEventListener('change', onRatio);
    };
  }, [feed, store]);

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const runSet = feed.current;
    if (!runSet) return;
    hoverFromPointer(store, event, HEIGHT, runSet.scene.steps);
  };
  const onPointerLeave = () => clearHover(store);

  return (
    <figure className="loss-chart">
      <canvas
        ref={canvasRef}
        className="loss-chart-canvas"
        role="img"
        aria-label="Loss against step"
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
      />
      <p ref={readoutRef} className="loss-chart-readout" />
    </figure>
  );
}
