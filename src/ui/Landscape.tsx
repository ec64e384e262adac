import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { Expr } from '../engine/expr/ast.ts';
import { evaluate } from '../engine/expr/evaluate.ts';
import { getFunction } from '../engine/functions/index.ts';
import type { Scene } from '../engine/scene.ts';
import type { Box } from '../engine/types.ts';
import { sizeCanvas } from '../render/canvas.ts';
import { drawFrame } from '../render/draw.ts';
import { makeFrame, plotHeight, type Frame, type Theme } from '../render/frame.ts';
import { inspectGeometry } from '../render/layers/inspect.ts';
import { lastShown, settlesIn } from '../render/layers/paths.ts';
import { roundTo, transformOf, viewOf } from '../render/viewTransform.ts';
import { selectScene, type LabState } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';
import { describeScene, formatNumber } from './format.ts';
import type { Feed } from '../workers/feed.ts';
import type { InspectResult } from '../workers/inspectClient.ts';
import { currentInspection } from './inspect/useInspection.ts';
import { sharedCompiler } from '../workers/compileClient.ts';
import type { Pipeline } from './usePipeline.ts';
import { observeWidth } from './observeWidth.ts';
import { ColourScale } from './ColourScale.tsx';
import { sameBox } from '../engine/box.ts';

/** How close (CSS px) a pointer must come to grab the start point or pick a path's step. */
const GRAB = 12;
const PICK = 10;

function readTheme(canvas: HTMLCanvasElement): Theme {
  const style = getComputedStyle(canvas);
  return {
    text: style.getPropertyValue('--plot-text').trim() || '#1b1b1f',
    axis: style.getPropertyValue('--plot-axis').trim() || '#55555f',
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}

/** A built-in's f(x, y), or NaN for anything else. */
const builtinF = (fn: Scene['fn'], x: number, y: number): number =>
  getFunction(fn.id)?.create(fn.params).f(x, y) ?? NaN;

const baseView = (s: LabState): Box => getFunction(s.fn.id)?.view ?? s.view;

/** Zooms `view` about its centre by `factor` (> 1 zooms in). */
const zoomView = (view: Box, factor: number): Box => {
  const cx = (view.x[0] + view.x[1]) / 2;
  const cy = (view.y[0] + view.y[1]) / 2;
  const hx = (view.x[1] - view.x[0]) / 2 / factor;
  const hy = (view.y[1] - view.y[0]) / 2 / factor;
  return { x: [cx - hx, cx + hx], y: [cy - hy, cy + hy] };
};

/**
 * The landscape: contours, paths and markers on one canvas, redrawn once per animation frame
 * from the store and the workers' feeds (never through React state). Wheel, drag and pinch zoom
 * and pan; the start point is dragged by pointer or moved with the arrow keys.
 */
export function Landscape({
  pipeline,
  inspection,
  onDrawn,
  onFrame,
}: {
  pipeline: Pipeline;
  /** The inspected optimizer's recorded runs, drawn as arrows at the current step. */
  inspection?: Feed<InspectResult>;
  onDrawn: () => void;
  /** Receives the canvas and frame of every drawing, for exports. */
  onFrame?: (canvas: HTMLCanvasElement, frame: Frame) => void;
}) {
  const store = useLabStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);
  const drawn = useEffectEvent(onDrawn);
  const drewFrame = useEffectEvent((canvas: HTMLCanvasElement, frame: Frame) =>
    onFrame?.(canvas, frame),
  );

  useEffect(() => {
    const canvas = canvasRef.current!;
    let frame: Frame | null = null;
    let request = 0;
    let settleTimer = 0;
    let theme = readTheme(canvas);
    let described: Scene | null = null;
    // A typed function's checked tree, from the compile worker, for the hover readout.
    let typed: { expr: string; f: Expr } | null = null;
    const learn = (expr: string | undefined) => {
      if (expr === undefined || typed?.expr === expr) return;
      void sharedCompiler()
        .compile(expr)
        .then((r) => {
          if (r.ok) typed = { expr, f: r.f };
        });
    };
    learn(store.getState().fn.expr);
    const stopLearning = store.subscribe((s) => learn(s.fn.expr));

    const draw = () => {
      request = 0;
      const width = size.current;
      if (width <= 0) return;
      const state = store.getState();
      const scene = selectScene(state);
      const fn = getFunction(scene.fn.id);
      const height = plotHeight(width, baseView(state));
      const ctx = sizeCanvas(canvas, width, height, window.devicePixelRatio || 1);
      const runs = pipeline.runs.current;
      const ids = state.optimizers;
      frame = makeFrame(
        width,
        height,
        scene.view,
        {
          scene,
          minima: fn ? fn.minima(scene.fn.params) : [],
          runs,
          // Hidden flags follow the store's order, which is the run set's once it is current.
          hidden: ids.map((o) => o.hidden),
          field: pipeline.field.current,
          cursor: state.playback.step,
          hoverStep: state.hoverStep,
          inspection: inspection ? currentInspection(inspection, state) : null,
        },
        theme,
      );
      const t0 = performance.now();
      drawFrame(ctx, frame);
      const drawMs = performance.now() - t0;
      // What the inspect layer drew, for tests and tools that cannot read pixels.
      // Written only when it changes: an attribute write every frame of a playback invalidates style.
      const geometry = inspectGeometry(frame);
      const arrows = geometry ? JSON.stringify(geometry) : '';
      if (canvas.dataset['inspect'] !== arrows) canvas.dataset['inspect'] = arrows;
      drewFrame(canvas, frame);
      // Paths drawn in draft while they changed get a full-quality frame once they settle.
      const wait = settlesIn();
      window.clearTimeout(settleTimer);
      if (wait !== null) settleTimer = window.setTimeout(schedule, wait + 1);
      // The description changes with the scene, not with every frame of a playback.
      if (scene !== described) {
        described = scene;
        canvas.setAttribute(
          'aria-label',
          describeScene(scene, fn?.name ?? scene.fn.id, frame.content.minima),
        );
      }
      const field = pipeline.field.current;
      performance.mark('descent-lab:draw', {
        detail: {
          runId: runs?.runId ?? 0,
          ms: drawMs,
          // False while some path is drawn in draft (it changed under 200 ms ago).
          settled: wait === null,
          field: field !== null,
          fieldCurrent: field !== null && sameBox(field.view, scene.view),
        },
      });
      if (pipeline.field.current && runs?.complete) drawn();
    };
    const schedule = () => {
      if (request === 0) request = requestAnimationFrame(draw);
    };
    const size = observeWidth(canvas, () => {
      draw();
      syncZoom();
    });

    // Zoom and pan: d3-zoom owns the gestures; the store's view is the truth.
    let syncing = false;
    const behaviour: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1 / 50, 1e5])
      .filter((event: Event) => {
        // A press on the start point drags the point, not the view.
        if (event.type === 'wheel') return true;
        if (event instanceof MouseEvent)
          return event.button === 0 && !event.ctrlKey && !nearStart(event);
        if (event instanceof TouchEvent)
          return event.touches.length !== 1 || !nearStart(event.touches[0]!);
        return true;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        if (syncing || !frame) return;
        store
          .getState()
          .actions.setView(viewOf(event.transform, baseView(store.getState()), frame.plot));
      });
    const selection = select(canvas).call(behaviour).on('dblclick.zoom', null);
    const syncZoom = () => {
      if (!frame) return;
      const s = store.getState();
      const t = transformOf(s.view, baseView(s), frame.plot);
      syncing = true;
      behaviour.transform(selection, zoomIdentity.translate(t.x, t.y).scale(t.k));
      syncing = false;
    };

    const local = (e: { clientX: number; clientY: number }) => {
      const r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top] as const;
    };
    function nearStart(e: { clientX: number; clientY: number }): boolean {
      if (!frame) return false;
      const [px, py] = local(e);
      const [sx, sy] = store.getState().start;
      return Math.hypot(px - frame.scale.x(sx), py - frame.scale.y(sy)) <= GRAB;
    }

    // Dragging the start point.
    let dragging = -1;
    const moveStart = (px: number, py: number) => {
      if (!frame) return;
      const { view, actions } = store.getState();
      const x = roundTo(frame.scale.invertX(px), view.x[1] - view.x[0]);
      const y = roundTo(frame.scale.invertY(py), view.y[1] - view.y[0]);
      actions.setStart([x, y]);
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.button !== 0 || !nearStart(e)) return;
      dragging = e.pointerId;
      canvas.setPointerCapture(e.pointerId);
      canvas.classList.add('dragging');
      e.preventDefault();
    };
    const onPointerMove = (e: PointerEvent) => {
      const [px, py] = local(e);
      if (e.pointerId === dragging) {
        moveStart(px, py);
        return;
      }
      hover(px, py);
      canvas.classList.toggle('grab', nearStart(e));
    };
    const onPointerUp = (e: PointerEvent) => {
      if (e.pointerId !== dragging) return;
      dragging = -1;
      canvas.releasePointerCapture(e.pointerId);
      canvas.classList.remove('dragging');
    };

    // Hover: x, y, f under the pointer, and the nearest path step (linked to the loss chart).
    const hover = (px: number, py: number) => {
      const readout = readoutRef.current;
      if (!frame || !readout) return;
      const { plot, scale } = frame;
      const state = store.getState();
      if (
        px < plot.left ||
        px > plot.left + plot.width ||
        py < plot.top ||
        py > plot.top + plot.height
      ) {
        leave();
        return;
      }
      const x = scale.invertX(px);
      const y = scale.invertY(py);
      const f =
        typed !== null && typed.expr === state.fn.expr
          ? evaluate(typed.f, x, y)
          : builtinF(state.fn, x, y);
      let best = PICK * PICK;
      let step: number | null = null;
      const set = pipeline.runs.current;
      set?.runs.forEach((run, k) => {
        if (state.optimizers[k]?.hidden) return;
        const last = lastShown(run, state.playback.step);
        for (let i = 0; i <= last; i++) {
          const d = (scale.x(run.x[i]!) - px) ** 2 + (scale.y(run.y[i]!) - py) ** 2;
          if (d < best) {
            best = d;
            step = i;
          }
        }
      });
      readout.textContent =
        `x = ${formatNumber(x)}, y = ${formatNumber(y)}, f = ${formatNumber(f)}` +
        (step !== null ? ` · step ${step}` : '');
      if (step !== state.hoverStep) state.actions.setHoverStep(step);
    };
    const leave = () => {
      if (readoutRef.current) readoutRef.current.textContent = '';
      if (store.getState().hoverStep !== null) store.getState().actions.setHoverStep(null);
    };

    // Keyboard: arrows move the start point; + and − zoom; 0 resets the view.
    const onKeyDown = (e: KeyboardEvent) => {
      const { view, start, actions } = store.getState();
      const spanX = view.x[1] - view.x[0];
      const spanY = view.y[1] - view.y[0];
      const unit = e.shiftKey ? 0.1 : 0.02;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-1, 0],
        ArrowRight: [1, 0],
        ArrowUp: [0, 1],
        ArrowDown: [0, -1],
      };
      const move = moves[e.key];
      if (move) {
        actions.setStart([
          roundTo(start[0] + move[0] * unit * spanX, spanX),
          roundTo(start[1] + move[1] * unit * spanY, spanY),
        ]);
      } else if (e.key === '+' || e.key === '=') actions.setView(zoomView(view, 1.5));
      else if (e.key === '-' || e.key === '_') actions.setView(zoomView(view, 1 / 1.5));
      else if (e.key === '0') actions.resetView();
      else return;
      // Handled here: the page's playback shortcuts must not also see it.
      e.preventDefault();
      e.stopPropagation();
    };

    // One AbortController removes every listener below when the effect ends.
    const listeners = new AbortController();
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
    ) => canvas.addEventListener(type, fn, { signal: listeners.signal });
    on('pointerdown', onPointerDown);
    on('pointermove', onPointerMove);
    on('pointerup', onPointerUp);
    on('pointercancel', onPointerUp);
    on('pointerleave', leave);
    on('keydown', onKeyDown);

    let lastView = store.getState().view;
    const unsubscribers = [
      store.subscribe((s) => {
        if (s.view !== lastView) {
          lastView = s.view;
          syncZoom();
        }
        schedule();
      }),
      pipeline.runs.subscribe(schedule),
      pipeline.field.subscribe(schedule),
      inspection?.subscribe(schedule) ?? (() => {}),
    ];
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => {
      theme = readTheme(canvas);
      schedule();
    };
    scheme.addEventListener('change', onScheme, { signal: listeners.signal });
    draw();
    syncZoom();

    return () => {
      stopLearning();
      cancelAnimationFrame(request);
      window.clearTimeout(settleTimer);
      unsubscribers.forEach((u) => u());
      size.disconnect();
      listeners.abort();
      selection.on('.zoom', null);
    };
  }, [store, pipeline, inspection]);

  const actions = store.getState().actions;
  return (
    <figure className="landscape">
      <canvas
        ref={canvasRef}
        className="plot"
        tabIndex={0}
        role="img"
        aria-label="Loss landscape with optimizer paths"
        aria-describedby="landscape-help"
      />
      <div className="plot-tools">
        <ColourScale field={pipeline.field} />
        <button
          type="button"
          onClick={() => actions.setView(zoomView(store.getState().view, 1.5))}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => actions.setView(zoomView(store.getState().view, 1 / 1.5))}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" onClick={() => actions.resetView()}>
          Reset view
        </button>
      </div>
      <figcaption>
        <p className="readout" ref={readoutRef} />
        <p id="landscape-help" className="hint">
          Drag to pan, wheel or pinch to zoom, drag ○ to move the start (or focus the plot and use
          the arrow keys).
        </p>
      </figcaption>
    </figure>
  );
}
